import { diffArrays } from 'diff';
import type { Line } from './types.js';

/** Splits text into lines that remember their own ending, so unchanged lines come back byte for byte. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** The byte order mark a text starts with, or ''. It is no part of the text a model sees or writes: edits are planned without it and keep it. */
export function byteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? '\uFEFF' : '';
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** The line ending most lines use; `\n` for a file without any. */
export function dominantEol(lines: readonly Line[]): string {
  const counts = new Map<string, number>();
  for (const { eol } of lines) if (eol) counts.set(eol, (counts.get(eol) ?? 0) + 1);
  let best = '\n';
  let bestCount = 0;
  for (const [eol, count] of counts) if (count > bestCount) [best, bestCount] = [eol, count];
  return best;
}

/** Line contents of a model's text, whatever endings it used. */
export function textLines(text: string): string[] {
  return splitLines(text).map((line) => line.text);
}

/**
 * Gives every line but the last an ending (the file's usual one when it has none) and gives the last line
 * the ending state the original file had, so an edit never adds or drops a final newline.
 */
export function withFileEndings(lines: readonly Line[], original: readonly Line[]): Line[] {
  const eol = dominantEol(original);
  const last = original.at(-1);
  const finalEol = last === undefined ? '' : last.eol;
  return lines.map((line, index) => {
    if (index < lines.length - 1) return line.eol ? line : { text: line.text, eol };
    if (last === undefined) return line;
    return { text: line.text, eol: finalEol === '' ? '' : line.eol || finalEol };
  });
}

/**
 * New line texts for a run of old lines: lines that stay keep their own ending, so mixed endings stay where they
 * were; new lines take the ending of the old line in their place, or `eol`.
 */
export function withEndingsOf(old: readonly Line[], texts: readonly string[], eol: string): Line[] {
  const result: Line[] = [];
  let oldIndex = 0;
  for (const change of diffArrays(old.map((line) => line.text), [...texts])) {
    if (change.removed) oldIndex += change.value.length;
    else if (change.added) result.push(...change.value.map((text) => ({ text, eol: old[result.length]?.eol || eol })));
    else for (const text of change.value) result.push(old[oldIndex++] ?? { text, eol });
  }
  return result;
}
