import { createScanner, type Node } from 'jsonc-parser';

/**
 * Removes one property node, with the comma that separates it from its neighbours, and its line
 * when nothing else is on it. Unlike jsonc-parser's `modify(..., undefined)`, which cuts from the
 * end of the previous property, comments around the property are kept.
 */
export function removeProperty(text: string, property: Node): string {
  const siblings = property.parent?.children ?? [property];
  const previous = siblings[siblings.indexOf(property) - 1];
  const edits: { offset: number; length: number }[] = [];

  let end = property.offset + property.length;
  const commaAfter = commaAt(text, end);
  if (commaAfter !== undefined) {
    end = commaAfter + 1;
  } else if (previous) {
    // The last property: the comma to drop is the one in front of it.
    const commaBefore = commaAt(text, previous.offset + previous.length);
    if (commaBefore !== undefined) edits.push({ offset: commaBefore, length: 1 });
  }
  edits.push(widenToLine(text, property.offset, end));

  let result = text;
  for (const edit of edits.reverse()) result = result.slice(0, edit.offset) + result.slice(edit.offset + edit.length);
  return result;
}

/** The offset of a comma that is the next token after `from` (comments and whitespace skipped). */
function commaAt(text: string, from: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  scanner.scan();
  // Only a comma token starts with a comma (SyntaxKind is a const enum, out of reach here).
  const offset = scanner.getTokenOffset();
  return text[offset] === ',' ? offset : undefined;
}

/** The range grown over the blanks after it, and over its whole line when it is alone there. */
function widenToLine(text: string, start: number, end: number): { offset: number; length: number } {
  const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';
  while (isBlank(text[end])) end++;
  let lineStart = start;
  while (isBlank(text[lineStart - 1])) lineStart--;
  const aloneFromLineStart = lineStart === 0 || text[lineStart - 1] === '\n' || text[lineStart - 1] === '\r';
  const lineBreak = text.startsWith('\r\n', end) ? 2 : text[end] === '\n' || text[end] === '\r' ? 1 : end === text.length ? 0 : -1;
  if (aloneFromLineStart && lineBreak >= 0) return { offset: lineStart, length: end + lineBreak - lineStart };
  return { offset: start, length: end - start };
}
