/**
 * What a parser found in a text. The engine parses nothing itself: whoever plans with a grammar for the file's
 * language passes a parser (main uses tree-sitter), and without one placement is decided by the text alone.
 */
export interface SyntaxOutline {
  /** 1-based lines where the parser found an error or a missing token, in order. */
  readonly errorLines: readonly number[];
  /** The nodes that span more than one line, in any order. */
  readonly nodes: readonly NodeLines[];
}

/** A syntax node's first and last line, 1-based. */
export interface NodeLines {
  readonly first: number;
  readonly last: number;
  /** A node without named children (a comment, a string's text): no line inside it starts or ends a node. */
  readonly token: boolean;
}

export interface SyntaxParser {
  parse(text: string): SyntaxOutline;
}

/**
 * Whether lines `startLine`..`endLine` (1-based, inclusive) hold whole nodes: no node spans one of their edges
 * without spanning the other, and none of their edges falls inside a token. The nodes spanning the edge between two
 * lines nest, so the innermost one stands for them all; it is found once for every edge, then each range costs nothing.
 */
export function wholeNodeRanges(outline: SyntaxOutline): (startLine: number, endLine: number) => boolean {
  const { nodes } = outline;
  const lastLine = nodes.reduce((last, node) => Math.max(last, node.last), 0);
  // Indexed by the line before the edge: 0 is the edge before the first line.
  const innermost = new Int32Array(lastLine + 1).fill(-1);
  const inToken = new Uint8Array(lastLine + 1);
  nodes.forEach((node, index) => {
    for (let line = node.first; line < node.last; line++) {
      const current = nodes[innermost[line] ?? -1];
      if (!current || node.last - node.first <= current.last - current.first) innermost[line] = index;
      if (node.token) inToken[line] = 1;
    }
  });
  const edge = (line: number) => (inToken[line] ? undefined : (innermost[line] ?? -1));
  return (startLine, endLine) => {
    const before = edge(startLine - 1);
    return before !== undefined && before === edge(endLine);
  };
}

/**
 * The line of an error the text has after an edit when it has more than before (the first at or after the edit's
 * first line, else the first): counts are compared, so a file that had errors is only kept from getting worse.
 */
export function addedErrorLine(before: SyntaxOutline, after: SyntaxOutline, fromLine: number): number | undefined {
  if (after.errorLines.length <= before.errorLines.length) return undefined;
  return after.errorLines.find((line) => line >= fromLine) ?? after.errorLines[0];
}

/** A file's lines with the parser for its language: the lines are parsed once, when first needed. */
export interface SyntaxContext {
  readonly parser: SyntaxParser;
  outline(): SyntaxOutline;
  coversWholeNodes(startLine: number, endLine: number): boolean;
}

export function syntaxContext(parser: SyntaxParser, lines: readonly string[]): SyntaxContext {
  let outline: SyntaxOutline | undefined;
  let whole: ((startLine: number, endLine: number) => boolean) | undefined;
  const context: SyntaxContext = {
    parser,
    outline: () => (outline ??= parser.parse(lines.join('\n'))),
    coversWholeNodes: (startLine, endLine) => (whole ??= wholeNodeRanges(context.outline()))(startLine, endLine),
  };
  return context;
}
