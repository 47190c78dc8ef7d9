import type { AiLineRegion } from '../contract/index.js';
import { isElisionLine } from './elision.js';
import { diffHunks, rawLines } from './hunks.js';
import { detectIndentStyle, matchIndentStyle } from './indentation.js';
import { byteOrderMark, dominantEol, joinLines, splitLines, textLines, withEndingsOf, withFileEndings } from './lines.js';
import { locateBlock } from './locate-block.js';
import { parseAnswer, type AnswerBlock } from './parse-answer.js';
import type { SyntaxParser } from './syntax.js';
import type { AppliedBlock, Line, PendingEdit, Refusal } from './types.js';

/** A 1-based, inclusive range of lines a rewrite replaces. */
export type LineRegion = AiLineRegion;

export interface PlanOptions {
  /** The file being edited: blocks an answer names for another file are left out (block indexes count the rest). */
  readonly path?: string;
  /** A parser for the file's language: blocks placed by a loose match (fuzzy, elision) then answer to its syntax. */
  readonly syntax?: SyntaxParser;
}

/** Plans a model's answer against a file's text, in whichever form the answer is written. */
export function planEdit(original: string, answer: string, options: PlanOptions = {}): PendingEdit {
  const parsed = parseAnswer(answer);
  switch (parsed.kind) {
    case 'search-replace':
    case 'unified-diff':
      return planSearchReplace(original, options.path === undefined ? parsed.blocks : blocksFor(parsed.blocks, options.path), options.syntax);
    case 'rewrite':
      return planRewrite(original, parsed.text);
    case 'none':
      return unchanged(original, [], [
        { blockIndex: -1, reason: 'unparsed', detail: 'no SEARCH/REPLACE block, diff hunk or single fenced code block was found', search: [] },
      ]);
  }
}

/**
 * Applies blocks one after another to the text as earlier blocks left it, as a model writes them; a refused
 * block (a malformed one too) changes nothing and the others still apply.
 */
export function planSearchReplace(original: string, blocks: readonly AnswerBlock[], syntax?: SyntaxParser): PendingEdit {
  const originalLines = splitLines(original.slice(byteOrderMark(original).length));
  const eol = dominantEol(originalLines);
  let working: Line[] = originalLines;
  let shift = 0;
  const applied: AppliedBlock[] = [];
  const refusals: Refusal[] = [];
  blocks.forEach((block, blockIndex) => {
    if ('malformed' in block) {
      refusals.push({ blockIndex, reason: 'unparsed', detail: block.malformed, search: [...block.search] });
      return;
    }
    if (block.search.every((line) => !line.trim())) {
      if (working.some((line) => line.text.trim())) {
        refusals.push({ blockIndex, reason: 'empty-search', detail: 'the search text is empty but the file is not; quote the lines to replace', search: [...block.search] });
        return;
      }
      working = block.replace.map((text) => ({ text, eol }));
      applied.push({ blockIndex, layer: 'exact', startLine: 1, endLine: originalLines.length });
      return;
    }
    const hinted = block.lineHint === undefined ? block : { ...block, lineHint: block.lineHint + shift };
    const texts = working.map((line) => line.text);
    const located = locateBlock(texts, hinted, syntax);
    if (!located.ok) {
      const { closest } = located;
      const closestText = closest ? texts.slice(closest.startLine - 1, closest.endLine).join('\n') : undefined;
      refusals.push({ blockIndex, reason: located.reason, detail: located.detail, search: [...block.search], ...(closest ? { closest, closestText } : {}) });
      return;
    }
    const replaced = working.slice(located.start, located.end);
    const inserted = withEndingsOf(replaced, located.replacement, eol);
    working = [...working.slice(0, located.start), ...inserted, ...working.slice(located.end)];
    shift += inserted.length - replaced.length;
    applied.push({ blockIndex, layer: located.layer, startLine: located.start + 1, endLine: located.end });
  });
  return pending(original, originalLines, working, applied, refusals);
}

/**
 * Replaces the whole file, or a region of it, with a model's text. Lines the model left as they were keep
 * their original endings; a rewrite that elides code or empties non-empty text is refused, since applying
 * it would delete code the model never saw or meant to keep.
 */
export function planRewrite(original: string, newText: string, region?: LineRegion): PendingEdit {
  const originalLines = splitLines(original.slice(byteOrderMark(original).length));
  const start = region ? Math.max(0, region.startLine - 1) : 0;
  const end = region ? Math.min(originalLines.length, region.endLine) : originalLines.length;
  const before = originalLines.slice(start, end);
  const proposed = matchIndentStyle(textLines(newText), detectIndentStyle(originalLines.map((line) => line.text)));
  const unsafe = proposed.some(isElisionLine)
    ? 'the rewrite elides code ("..."); send the complete text or SEARCH/REPLACE blocks instead'
    : proposed.every((line) => !line.trim()) && before.some((line) => line.text.trim())
      ? 'the rewrite is empty but the text it replaces is not'
      : undefined;
  if (unsafe) return unchanged(original, [], [{ blockIndex: 0, reason: 'unsafe-rewrite', detail: unsafe, search: [] }]);
  const aligned = withEndingsOf(before, proposed, dominantEol(originalLines));
  const working = [...originalLines.slice(0, start), ...aligned, ...originalLines.slice(end)];
  const applied: AppliedBlock[] = [{ blockIndex: 0, layer: 'exact', startLine: start + 1, endLine: end }];
  return pending(original, originalLines, working, applied, []);
}

function blocksFor(blocks: readonly AnswerBlock[], path: string): AnswerBlock[] {
  const normalize = (value: string) => value.replace(/\\/g, '/').replace(/^\.\//, '');
  const wanted = normalize(path);
  // Answers name files relative to some root, so a path ending in the other (or the other way round) is the same file.
  const sameFile = (named: string) => named === wanted || wanted.endsWith(`/${named}`) || named.endsWith(`/${wanted}`);
  return blocks.filter((block) => block.path === undefined || sameFile(normalize(block.path)));
}

function pending(original: string, originalLines: readonly Line[], working: readonly Line[], applied: AppliedBlock[], refusals: Refusal[]): PendingEdit {
  if (!applied.length) return unchanged(original, applied, refusals);
  const newText = byteOrderMark(original) + joinLines(withFileEndings(working, originalLines));
  const hunks = diffHunks(rawLines(original), rawLines(newText));
  return { original, newText, hunks, applied, refusals };
}

function unchanged(original: string, applied: AppliedBlock[], refusals: Refusal[]): PendingEdit {
  return { original, newText: original, hunks: [], applied, refusals };
}
