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
 * Moves replacement lines from the search text's indentation to the matched text's: the search's first
 * non-blank line's indent is swapped for the file's, so a block written at the wrong depth lands at the right one.
 */
export function reindent(replace: readonly string[], searchLines: readonly string[], matchedLines: readonly string[]): string[] {
  const firstIndex = searchLines.findIndex((line) => line.trim() !== '');
  if (firstIndex < 0) return [...replace];
  const searchIndent = leadingWhitespace(searchLines[firstIndex] ?? '');
  const matchedFirst = matchedLines.find((line) => line.trim() !== '') ?? '';
  const fileIndent = leadingWhitespace(matchedFirst);
  if (searchIndent === fileIndent) return [...replace];
  const deeper = deeperIndentIn(fileIndent, searchIndent);
  return replace.map((line) => {
    if (!line.trim()) return line;
    if (line.startsWith(searchIndent)) return fileIndent + deeper(leadingWhitespace(line).slice(searchIndent.length)) + line.trimStart();
    // Less indented than the search's first line: keep its depth relative to the file's indent.
    const removed = searchIndent.length - leadingWhitespace(line).length;
    return fileIndent.slice(0, Math.max(0, fileIndent.length - removed)) + line.trimStart();
  });
}

/**
 * Indentation beyond the search's first line, in the file's character: when the model wrote spaces where the file
 * has tabs, its spaces per level follow from the two indents of the first line (4 when that says nothing).
 */
function deeperIndentIn(fileIndent: string, searchIndent: string): (extra: string) => string {
  const fileUsesTabs = fileIndent.length > 0 && !fileIndent.includes(' ');
  if (!fileUsesTabs || searchIndent.includes('\t')) return (extra) => extra;
  const perLevel = searchIndent.length > 0 && searchIndent.length % fileIndent.length === 0 ? searchIndent.length / fileIndent.length : 4;
  return (extra) => {
    if (extra.includes('\t')) return extra;
    return '\t'.repeat(Math.floor(extra.length / perLevel)) + ' '.repeat(extra.length % perLevel);
  };
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
