import { diffArrays } from 'diff';
import { elisionSegments, isElisionLine, isUnmistakableElision } from './elision.js';
import { detectIndentStyle, matchIndentStyle, reindent } from './indentation.js';
import { bestWindow } from './fuzzy-search.js';
import { addedErrorLine, syntaxContext, type SyntaxContext, type SyntaxParser } from './syntax.js';
import type { Candidate, MatchLayer, RefusalReason, SearchReplaceBlock } from './types.js';

/** Below this a fuzzy match is not trusted. */
export const FUZZY_THRESHOLD = 0.9;
/** The best fuzzy window must beat the runner-up by this much, or the match is ambiguous. */
export const FUZZY_MARGIN = 0.05;

export type Located =
  | { readonly ok: true; readonly layer: MatchLayer; readonly start: number; readonly end: number; readonly replacement: string[] }
  | { readonly ok: false; readonly reason: RefusalReason; readonly detail: string; readonly closest?: Candidate };

interface Span {
  readonly start: number;
  readonly end: number;
  /** File line ranges an elision in the search stood for, in order. */
  readonly gaps: readonly (readonly [number, number])[];
}

type LineEquality = (fileLine: string, searchLine: string) => boolean;

const LINE_RULES: readonly (readonly [MatchLayer, LineEquality])[] = [
  ['exact', (a, b) => a === b],
  ['trailing-whitespace', (a, b) => a.trimEnd() === b.trimEnd()],
  ['whitespace', (a, b) => a.trim() === b.trim()],
];

/**
 * Finds where a block's search text is in the file, trying each layer from strictest to loosest and stopping
 * at the first that finds anything: one match is used, several are refused as ambiguous, none falls through.
 * The whitespace layer also lets blank lines differ once every line-by-line rule has failed. Given a parser for
 * the file's language, the loose layers (elision, fuzzy) also answer to the file's syntax.
 */
export function locateBlock(fileLines: readonly string[], block: SearchReplaceBlock, parser?: SyntaxParser): Located {
  const { search } = block;
  if (elidesUnquotedCode(block)) {
    return { ok: false, reason: 'elision-mismatch', detail: 'the replacement elides code ("// ... existing code ...") its search does not quote; the elision would be written over that code' };
  }
  for (const [layer, equal] of LINE_RULES) {
    const spans = windowMatches(fileLines, search, equal);
    if (spans.length) return resolve(fileLines, block, layer, spans);
  }
  const blankInsensitive = nonBlankMatches(fileLines, search);
  if (blankInsensitive.length) return resolve(fileLines, block, 'whitespace', blankInsensitive);
  const syntax = parser && syntaxContext(parser, fileLines);
  if (search.some(isElisionLine)) {
    const spans = elisionMatches(fileLines, search);
    if (spans.length) return keepingSyntax(fileLines, resolve(fileLines, block, 'elision', spans), 1, syntax);
  }
  return fuzzyMatch(fileLines, block, syntax);
}

/** A replacement eliding code when its search elides nothing: there are no file lines the elision could stand for. */
function elidesUnquotedCode({ search, replace }: SearchReplaceBlock): boolean {
  return !search.some(isElisionLine) && replace.some(isUnmistakableElision);
}

function windowMatches(fileLines: readonly string[], search: readonly string[], equal: LineEquality): Span[] {
  const spans: Span[] = [];
  for (let start = 0; start + search.length <= fileLines.length; start++) {
    if (search.every((line, offset) => equal(fileLines[start + offset] ?? '', line))) spans.push({ start, end: start + search.length, gaps: [] });
  }
  return spans;
}

/**
 * The search's non-blank lines, ignoring surrounding whitespace, as consecutive non-blank lines of the file: the
 * model quoted one blank line where the file has two, none, or a blank line at an edge the file does not have there.
 */
function nonBlankMatches(fileLines: readonly string[], search: readonly string[]): Span[] {
  const wanted = search.map((line) => line.trim()).filter(Boolean);
  const content = fileLines.flatMap((line, index) => (line.trim() ? [{ index, text: line.trim() }] : []));
  const spans: Span[] = [];
  if (!wanted.length) return spans;
  for (let start = 0; start + wanted.length <= content.length; start++) {
    if (!wanted.every((text, offset) => content[start + offset]?.text === text)) continue;
    const first = content[start];
    const last = content[start + wanted.length - 1];
    if (first && last) spans.push({ start: first.index, end: last.index + 1, gaps: [] });
  }
  return spans;
}

/** Each segment between elisions must follow the previous one; an elision stands for any run of lines. */
function elisionMatches(fileLines: readonly string[], search: readonly string[]): Span[] {
  const segments = elisionSegments(search);
  const [first, ...rest] = segments;
  if (!first) return [];
  const spans: Span[] = [];
  for (const start of windowMatches(fileLines, first, sameTrimmed).map((span) => span.start)) {
    let position = start + first.length;
    const gaps: [number, number][] = [];
    let matched = true;
    for (const segment of rest) {
      const next = windowMatches(fileLines.slice(position), segment, sameTrimmed)[0];
      if (!next) {
        matched = false;
        break;
      }
      gaps.push([position, position + next.start]);
      position += next.end;
    }
    if (matched) spans.push({ start, end: position, gaps });
  }
  return spans;
}

function sameTrimmed(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

function resolve(fileLines: readonly string[], block: SearchReplaceBlock, layer: MatchLayer, spans: readonly Span[]): Located {
  const span = spans.length === 1 ? spans[0] : nearestToHint(spans, block.lineHint);
  if (!span) {
    const lines = spans.map((candidate) => candidate.start + 1).join(', ');
    const first = spans[0];
    return {
      ok: false,
      reason: 'ambiguous',
      detail: `the search text matches ${spans.length} places (lines ${lines}); add surrounding lines to make it unique`,
      ...(first ? { closest: { startLine: first.start + 1, endLine: first.end, similarity: 1 } } : {}),
    };
  }
  const replacement = buildReplacement(fileLines, block, layer, span);
  return replacement ? { ok: true, layer, start: span.start, end: span.end, replacement } : elisionMismatch(span);
}

/** A diff hunk's header line settles a tie only when one match is strictly nearest to it. */
function nearestToHint(spans: readonly Span[], lineHint: number | undefined): Span | undefined {
  if (lineHint === undefined) return undefined;
  const distance = (span: Span) => Math.abs(span.start + 1 - lineHint);
  const sorted = [...spans].sort((a, b) => distance(a) - distance(b));
  const [best, second] = sorted;
  return best && second && distance(best) < distance(second) ? best : undefined;
}

function buildReplacement(fileLines: readonly string[], block: SearchReplaceBlock, layer: MatchLayer, span: Span): string[] | undefined {
  const style = detectIndentStyle(fileLines);
  const matched = fileLines.slice(span.start, span.end);
  if (layer === 'exact') return matchIndentStyle(block.replace, style);
  if (layer !== 'elision') {
    const alignment = alignSearch(block.search, matched);
    const pairs = quotedPairs(alignment, block.search, matched);
    return keepUnchangedLines(block, matched, alignment, matchIndentStyle(reindent(block.replace, pairs), style));
  }
  const pieces = replacementPieces(block.replace);
  if (pieces.length !== span.gaps.length + 1) return undefined;
  const searchLines = block.search.filter((line) => !isElisionLine(line));
  // Outside the gaps, the span's lines are the search's non-elided lines one for one.
  const quoted = matched.filter((_, offset) => !span.gaps.some(([from, to]) => span.start + offset >= from && span.start + offset < to));
  const pairs = searchLines.map((line, index) => [line, quoted[index] ?? ''] as const);
  return pieces.flatMap((piece, index) => {
    const gap = span.gaps[index];
    const kept = gap ? fileLines.slice(gap[0], gap[1]) : [];
    return [...matchIndentStyle(reindent(piece, pairs), style), ...kept];
  });
}

/** One step of walking the search and the matched file lines together; a line only one side has leaves the other out. */
interface AlignedStep {
  readonly search?: number;
  readonly file?: number;
}

/**
 * Which matched file line each search line stands for: one for one when they are as many, else by their text without
 * surrounding whitespace, so blank lines only the file or only the search has are steps of their own.
 */
function alignSearch(search: readonly string[], matched: readonly string[]): AlignedStep[] {
  if (search.length === matched.length) return search.map((_, index) => ({ search: index, file: index }));
  const steps: AlignedStep[] = [];
  let searchIndex = 0;
  let fileIndex = 0;
  const trimmed = (lines: readonly string[]) => lines.map((line) => line.trim());
  for (const change of diffArrays(trimmed(search), trimmed(matched))) {
    for (let count = 0; count < change.value.length; count++) {
      if (change.removed) steps.push({ search: searchIndex++ });
      else if (change.added) steps.push({ file: fileIndex++ });
      else steps.push({ search: searchIndex++, file: fileIndex++ });
    }
  }
  return steps;
}

function quotedPairs(alignment: readonly AlignedStep[], search: readonly string[], matched: readonly string[]): (readonly [string, string])[] {
  return alignment.flatMap((step) => (step.search === undefined || step.file === undefined ? [] : [[search[step.search] ?? '', matched[step.file] ?? ''] as const]));
}

/**
 * Replacement lines the model copied from its search text stand for the matched file lines, which are kept as the
 * file has them (whitespace and all), as are blank lines only the file has; only the lines it changed come from the model.
 */
function keepUnchangedLines(block: SearchReplaceBlock, matched: readonly string[], alignment: readonly AlignedStep[], adjusted: readonly string[]): string[] {
  const kept = new Set<number>();
  const insertedBefore = new Map<number, string[]>();
  let searchIndex = 0;
  let replaceIndex = 0;
  for (const change of diffArrays([...block.search], [...block.replace])) {
    const count = change.value.length;
    if (change.removed) searchIndex += count;
    else if (change.added) insertedBefore.set(searchIndex, [...(insertedBefore.get(searchIndex) ?? []), ...adjusted.slice(replaceIndex, (replaceIndex += count))]);
    else {
      for (let offset = 0; offset < count; offset++) kept.add(searchIndex + offset);
      searchIndex += count;
      replaceIndex += count;
    }
  }
  const result: string[] = [];
  for (const step of alignment) {
    if (step.search !== undefined) result.push(...(insertedBefore.get(step.search) ?? []));
    const keep = step.search === undefined || kept.has(step.search);
    if (keep && step.file !== undefined) result.push(matched[step.file] ?? '');
  }
  result.push(...(insertedBefore.get(block.search.length) ?? []));
  return result;
}

/** The replacement cut at its elisions, without leading or trailing ones (they stand for text outside the match). */
function replacementPieces(replace: readonly string[]): string[][] {
  const first = replace.findIndex((line) => !isElisionLine(line));
  if (first < 0) return [[]];
  const last = replace.length - 1 - [...replace].reverse().findIndex((line) => !isElisionLine(line));
  const pieces: string[][] = [[]];
  for (const line of replace.slice(first, last + 1)) {
    if (isElisionLine(line)) pieces.push([]);
    else pieces.at(-1)?.push(line);
  }
  return pieces;
}

function elisionMismatch(span: Span): Located {
  return {
    ok: false,
    reason: 'elision-mismatch',
    detail: `the search elides ${span.gaps.length} run(s) of lines but the replacement does not elide the same number; unchanged code would be lost`,
    closest: { startLine: span.start + 1, endLine: span.end, similarity: 1 },
  };
}

/**
 * Line-by-line similarity over every window of the search's length; the best must be good and clearly the best,
 * or the only one of the close windows that holds whole syntax nodes.
 */
function fuzzyMatch(fileLines: readonly string[], block: SearchReplaceBlock, syntax: SyntaxContext | undefined): Located {
  const search = block.search.filter((line) => !isElisionLine(line));
  const found = bestWindow(fileLines, search, FUZZY_MARGIN);
  const best = found?.best;
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  if (!found || !best || best.similarity < FUZZY_THRESHOLD) {
    const near = best ? `; the closest text is lines ${best.startLine}-${best.endLine} (${percent(best.similarity)} similar)` : '';
    return { ok: false, reason: 'not-found', detail: `the search text is not in the file${near}`, ...(best ? { closest: best } : {}) };
  }
  const chosen = found.rivals.length ? soleWholeCandidate([best, ...found.rivals], syntax) : best;
  if (!chosen) {
    return { ok: false, reason: 'ambiguous', detail: `the search text is about as close to several places (best ${percent(best.similarity)} at lines ${best.startLine}-${best.endLine})`, closest: best };
  }
  if (search.length !== block.search.length) return elisionFallbackRefusal(chosen);
  const span = { start: chosen.startLine - 1, end: chosen.endLine, gaps: [] };
  const located: Located = { ok: true, layer: 'fuzzy', start: span.start, end: span.end, replacement: buildReplacement(fileLines, block, 'fuzzy', span) ?? [] };
  return keepingSyntax(fileLines, located, chosen.similarity, syntax);
}

/**
 * Of windows about as close to the search, the one holding whole syntax nodes where the others start or end inside
 * one: a model quotes whole statements. It is chosen only when it is the only such window and good enough on its own.
 */
function soleWholeCandidate(candidates: readonly Candidate[], syntax: SyntaxContext | undefined): Candidate | undefined {
  if (!syntax) return undefined;
  const whole = candidates.filter((candidate) => syntax.coversWholeNodes(candidate.startLine, candidate.endLine));
  const [only] = whole;
  return whole.length === 1 && only && only.similarity >= FUZZY_THRESHOLD ? only : undefined;
}

/**
 * A loose placement that leaves the file with more syntax errors than it had is refused: a near match must never
 * break a file that parsed. The file as it was is parsed only when the result has errors at all.
 */
function keepingSyntax(fileLines: readonly string[], located: Located, similarity: number, syntax: SyntaxContext | undefined): Located {
  if (!syntax || !located.ok) return located;
  const after = syntax.parser.parse([...fileLines.slice(0, located.start), ...located.replacement, ...fileLines.slice(located.end)].join('\n'));
  const line = after.errorLines.length ? addedErrorLine(syntax.outline(), after, located.start + 1) : undefined;
  if (line === undefined) return located;
  return {
    ok: false,
    reason: 'syntax-error',
    detail: `applying this block where it matched best would leave a syntax error at line ${line}`,
    closest: { startLine: located.start + 1, endLine: located.end, similarity },
  };
}

/** A fuzzy window cannot say which file lines an elision stood for, so such a block is not guessed. */
function elisionFallbackRefusal(closest: Candidate): Located {
  return { ok: false, reason: 'not-found', detail: `the text around the elisions is not in the file; closest is lines ${closest.startLine}-${closest.endLine}`, closest };
}
