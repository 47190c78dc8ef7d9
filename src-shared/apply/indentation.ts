export type IndentStyle = { readonly kind: 'tabs' } | { readonly kind: 'spaces'; readonly width: number } | { readonly kind: 'unknown' };

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Tabs when more indented lines start with a tab than with spaces; spaces with the smallest indent as the width. */
export function detectIndentStyle(lines: readonly string[]): IndentStyle {
  let tabbed = 0;
  let spaced = 0;
  let width = Infinity;
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = leadingWhitespace(line);
    if (indent.startsWith('\t')) tabbed++;
    else if (indent.length > 0) {
      spaced++;
      width = Math.min(width, indent.length);
    }
  }
  if (tabbed === 0 && spaced === 0) return { kind: 'unknown' };
  if (tabbed > spaced) return { kind: 'tabs' };
  return { kind: 'spaces', width: Math.min(Math.max(width, 2), 8) };
}

/**
 * Moves replacement lines from the search text's indentation to the file's, learnt from the quoted lines (pairs of a
 * search line and the file line it matched): a line at the depth of a quoted line takes that file line's indent; a
 * deeper or shallower one is placed relative to the first quoted line, its extra depth in the file's units.
 */
export function reindent(replace: readonly string[], pairs: readonly (readonly [string, string])[]): string[] {
  const quoted = pairs.filter(([searchLine, fileLine]) => searchLine.trim() && fileLine.trim());
  const [first] = quoted;
  if (!first) return [...replace];
  const sameDepth = new Map<string, string>();
  for (const [searchLine, fileLine] of quoted) if (!sameDepth.has(leadingWhitespace(searchLine))) sameDepth.set(leadingWhitespace(searchLine), leadingWhitespace(fileLine));
  if ([...sameDepth].every(([searchIndent, fileIndent]) => searchIndent === fileIndent)) return [...replace];
  const searchIndent = leadingWhitespace(first[0]);
  const fileIndent = leadingWhitespace(first[1]);
  const deeper = deeperIndentIn(fileIndent, searchIndent, quoted);
  return replace.map((line) => {
    const indent = leadingWhitespace(line);
    const text = line.slice(indent.length);
    if (!text.trim()) return line;
    const known = sameDepth.get(indent);
    if (known !== undefined) return known + text;
    if (indent.startsWith(searchIndent)) return fileIndent + deeper(indent.slice(searchIndent.length)) + text;
    // Less indented than the search's first line: keep its depth relative to the file's indent.
    const removed = searchIndent.length - indent.length;
    return fileIndent.slice(0, Math.max(0, fileIndent.length - removed)) + text;
  });
}

/**
 * Indentation beyond the search's first line, in the file's character and units: when the model wrote spaces where
 * the file has tabs, its spaces per level follow from the two indents of the first line (4 when that says nothing);
 * when both use spaces, a deeper quoted line shows how many file spaces one of the model's stands for.
 */
function deeperIndentIn(fileIndent: string, searchIndent: string, quoted: readonly (readonly [string, string])[]): (extra: string) => string {
  const fileUsesTabs = fileIndent.length > 0 && !fileIndent.includes(' ');
  if (fileUsesTabs && !searchIndent.includes('\t')) {
    const perLevel = searchIndent.length > 0 && searchIndent.length % fileIndent.length === 0 ? searchIndent.length / fileIndent.length : 4;
    return (extra) => (extra.includes('\t') ? extra : '\t'.repeat(Math.floor(extra.length / perLevel)) + ' '.repeat(extra.length % perLevel));
  }
  const scale = spaceScale(fileIndent, searchIndent, quoted);
  return (extra) => (extra.includes('\t') || scale === 1 ? extra : ' '.repeat(Math.round(extra.length * scale)));
}

/** File spaces per search space of extra depth, from the first quoted line deeper than the first one (1 when none is). */
function spaceScale(fileIndent: string, searchIndent: string, quoted: readonly (readonly [string, string])[]): number {
  for (const [searchLine, fileLine] of quoted) {
    const searchDeeper = leadingWhitespace(searchLine).slice(searchIndent.length);
    const fileDeeper = leadingWhitespace(fileLine).slice(fileIndent.length);
    const spacesOnly = !`${searchIndent}${fileIndent}${searchDeeper}${fileDeeper}`.includes('\t');
    if (spacesOnly && searchDeeper.length > 0 && fileDeeper.length > 0) return fileDeeper.length / searchDeeper.length;
  }
  return 1;
}

/**
 * Rewrites leading whitespace written in the other style (spaces in a tab file, tabs in a space file) in the
 * file's style, keeping its visual depth; lines already in the file's style, alignment included, stay as they are.
 */
export function matchIndentStyle(lines: readonly string[], style: IndentStyle): string[] {
  if (style.kind === 'unknown') return [...lines];
  const tabWidth = style.kind === 'spaces' ? style.width : spacesPerLevel(lines);
  return lines.map((line) => {
    const indent = leadingWhitespace(line);
    if (!indent || !line.trim()) return line;
    if (style.kind === 'tabs' ? indent.includes('\t') : !indent.includes('\t')) return line;
    const columns = [...indent].reduce((sum, char) => sum + (char === '\t' ? tabWidth : 1), 0);
    const rewritten = style.kind === 'tabs' ? '\t'.repeat(Math.floor(columns / tabWidth)) + ' '.repeat(columns % tabWidth) : ' '.repeat(columns);
    return rewritten + line.slice(indent.length);
  });
}

/** How many spaces a model used per level in lines headed for a tab-indented file (4 unless it shows otherwise). */
function spacesPerLevel(lines: readonly string[]): number {
  const spaceIndents = lines
    .map(leadingWhitespace)
    .filter((indent) => indent.length > 0 && !indent.includes('\t'))
    .map((indent) => indent.length);
  const smallest = Math.min(...spaceIndents);
  return Number.isFinite(smallest) && smallest >= 2 && smallest <= 8 ? smallest : 4;
}
