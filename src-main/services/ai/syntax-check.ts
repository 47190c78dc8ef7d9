import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import type { NodeLines, SyntaxOutline, SyntaxParser } from '../../../src-shared/apply';

/** The tree-sitter grammar for each file extension: `tree-sitter-<name>.wasm` in @vscode/tree-sitter-wasm. */
const grammarByExtension: Readonly<Record<string, string>> = {
  '.rs': 'rust',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.py': 'python',
  '.go': 'go',
  '.cpp': 'cpp',
  '.cc': 'cpp',
  '.hpp': 'cpp',
  '.h': 'cpp',
  '.cs': 'c-sharp',
  '.java': 'java',
  '.rb': 'ruby',
  '.php': 'php',
  '.sh': 'bash',
  '.css': 'css',
};

// The package is a CommonJS bundle whose exports Node cannot name from an ES module; its .wasm files sit beside it.
const require = createRequire(import.meta.url);
const packageEntry = '@vscode/tree-sitter-wasm';

let runtime: Promise<typeof TreeSitter> | undefined;
const parsers = new Map<string, Promise<SyntaxParser | undefined>>();

/**
 * The parser for a file's language, from the extension of its path: the runtime is loaded on first use and each
 * grammar when a file of its language is first planned. Undefined when there is no grammar for the language, or it
 * could not be loaded: planning then places blocks by their text alone, as it does everywhere without a grammar.
 */
export function syntaxParserFor(path: string): Promise<SyntaxParser | undefined> {
  const grammar = grammarByExtension[extname(path).toLowerCase()];
  if (!grammar) return Promise.resolve(undefined);
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = loadParser(grammar).catch(() => undefined);
    parsers.set(grammar, parser);
  }
  return parser;
}

async function loadParser(grammar: string): Promise<SyntaxParser> {
  const treeSitter = await (runtime ??= loadRuntime());
  const language = await treeSitter.Language.load(join(dirname(require.resolve(packageEntry)), `tree-sitter-${grammar}.wasm`));
  const parser = new treeSitter.Parser();
  parser.setLanguage(language);
  return { parse: (text) => outlineOf(parser, text) };
}

async function loadRuntime(): Promise<typeof TreeSitter> {
  const treeSitter = require(packageEntry) as typeof TreeSitter;
  await treeSitter.Parser.init();
  return treeSitter;
}

/** Parses a text into what the apply engine asks of it; the tree itself lives in the runtime's memory and is freed. */
function outlineOf(parser: TreeSitter.Parser, text: string): SyntaxOutline {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter parsed nothing: the parser has no language');
  try {
    return { errorLines: errorLines(tree.rootNode), nodes: multiLineNodes(tree) };
  } finally {
    tree.delete();
  }
}

/** ERROR and MISSING nodes, by their first line; only subtrees that have one are visited. */
function errorLines(node: TreeSitter.Node, lines: number[] = []): number[] {
  if (node.isError || node.isMissing) lines.push(node.startPosition.row + 1);
  else if (node.hasError) for (const child of node.children) if (child) errorLines(child, lines);
  return lines;
}

/** Nodes on more than one line; a node on one line cannot start or end inside a range of whole lines. */
function multiLineNodes(tree: TreeSitter.Tree): NodeLines[] {
  const nodes: NodeLines[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      const start = cursor.startPosition;
      const end = cursor.endPosition;
      // A node that takes its line's newline with it ends on that line, not the next.
      const last = end.column === 0 && end.row > start.row ? end.row : end.row + 1;
      if (last > start.row + 1) {
        // A comment's or a string's text is not a node of its own: only its delimiters may be.
        nodes.push({ first: start.row + 1, last, token: cursor.currentNode.namedChildCount === 0 });
        if (cursor.gotoFirstChild()) continue;
      }
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return nodes;
    }
  } finally {
    cursor.delete();
  }
}
