import { textLines } from './lines.js';
import type { SearchReplaceBlock } from './types.js';

/** A SEARCH block the answer began but did not finish (cut off, or missing its divider): refused, never guessed at. */
export interface MalformedBlock {
  /** What is missing. */
  readonly malformed: string;
  readonly search: readonly string[];
  readonly path?: string;
}

export type AnswerBlock = SearchReplaceBlock | MalformedBlock;

/** What a model's answer asks for, in the first form it is written in. */
export type ParsedAnswer =
  | { readonly kind: 'search-replace'; readonly blocks: readonly AnswerBlock[] }
  | { readonly kind: 'unified-diff'; readonly blocks: readonly SearchReplaceBlock[] }
  | { readonly kind: 'rewrite'; readonly text: string }
  | { readonly kind: 'none' };

const SEARCH_MARKER = /^\s*<{5,9}\s*SEARCH\b.*$/;
const DIVIDER = /^\s*={5,9}\s*$/;
const REPLACE_MARKER = /^\s*>{5,9}\s*REPLACE\b.*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
/** `@@ -3,4 +3,5 @@`, and the bare `@@ ... @@` or `@@` models also write. */
const HUNK_HEADER = /^@@(?:\s+-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?)?[^@]*@@.*$|^@@\s*$/;

/** Reads search/replace blocks, else diff hunks, else one fenced code block as a whole-file rewrite. */
export function parseAnswer(answer: string): ParsedAnswer {
  const lines = textLines(answer);
  if (lines.some((line) => SEARCH_MARKER.test(line))) return { kind: 'search-replace', blocks: parseSearchReplace(lines) };
  if (lines.some((line) => HUNK_HEADER.test(line))) return { kind: 'unified-diff', blocks: parseUnifiedDiff(lines) };
  const fenced = fencedBody(lines);
  return fenced === undefined ? { kind: 'none' } : { kind: 'rewrite', text: fenced };
}

/**
 * Aider-style blocks. A block must have its divider and its REPLACE line before the next SEARCH line; one that does not
 * is kept as malformed, so it is refused in its place and the blocks after it still count.
 */
export function parseSearchReplace(lines: readonly string[]): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  let path: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!SEARCH_MARKER.test(line)) {
      path = pathLine(line) ?? (line.trim() && !FENCE.test(line) ? undefined : path);
      continue;
    }
    const nextSearch = findFrom(lines, index + 1, (candidate) => SEARCH_MARKER.test(candidate));
    const limit = nextSearch < 0 ? lines.length : nextSearch;
    const divider = findFrom(lines, index + 1, (candidate) => DIVIDER.test(candidate) || REPLACE_MARKER.test(candidate));
    const hasDivider = divider >= 0 && divider < limit && DIVIDER.test(lines[divider] ?? '');
    const end = hasDivider ? findFrom(lines, divider + 1, (candidate) => REPLACE_MARKER.test(candidate)) : -1;
    const where = path ? { path } : {};
    if (end < 0 || end > limit) {
      const malformed = hasDivider ? 'the block has no ">>>>>>> REPLACE" line; the answer may have been cut off' : 'the block has no "=======" line between its search and replace text';
      blocks.push({ malformed, search: lines.slice(index + 1, divider >= 0 && divider < limit ? divider : limit), ...where });
      index = limit - 1;
      continue;
    }
    blocks.push({ search: lines.slice(index + 1, divider), replace: lines.slice(divider + 1, end), ...where });
    index = end;
  }
  return blocks;
}

/** Unified diff hunks as search/replace blocks: context and removed lines are searched for, context and added lines replace them. */
export function parseUnifiedDiff(lines: readonly string[]): SearchReplaceBlock[] {
  const blocks: SearchReplaceBlock[] = [];
  let path: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const header = HUNK_HEADER.exec(line);
    if (!header) {
      if (line.startsWith('+++ ')) path = line.slice(4).trim().replace(/^b\//, '') || undefined;
      continue;
    }
    const search: string[] = [];
    const replace: string[] = [];
    let oldLeft = header[1] === undefined ? Infinity : Number(header[2] ?? 1);
    let newLeft = header[3] === undefined ? Infinity : Number(header[4] ?? 1);
    let next = index + 1;
    let trailingEmpty = 0;
    for (; next < lines.length; next++) {
      const body = lines[next] ?? '';
      if (HUNK_HEADER.test(body) || FENCE.test(body) || isFileHeader(lines, next)) break;
      // Models miscount: past the header's counts the hunk goes on while its lines are diff lines, up to an empty line.
      if (oldLeft <= 0 && newLeft <= 0 && body === '') break;
      const marker = body[0] ?? ' ';
      const content = body.slice(1);
      if (marker === '\\') continue;
      if (marker === '-') {
        search.push(content);
        oldLeft--;
      } else if (marker === '+') {
        replace.push(content);
        newLeft--;
      } else if (marker === ' ' || body === '') {
        search.push(content);
        replace.push(content);
        oldLeft--;
        newLeft--;
      } else break;
      trailingEmpty = body === '' ? trailingEmpty + 1 : 0;
    }
    // Empty lines ending a hunk separate it from the prose after it; they quote nothing.
    search.splice(search.length - trailingEmpty);
    replace.splice(replace.length - trailingEmpty);
    const lineHint = header[1] === undefined ? undefined : Math.max(1, Number(header[1]));
    blocks.push({ search, replace, ...(lineHint !== undefined ? { lineHint } : {}), ...(path ? { path } : {}) });
    index = next - 1;
  }
  return blocks;
}

function isFileHeader(lines: readonly string[], index: number): boolean {
  return (lines[index] ?? '').startsWith('--- ') && (lines[index + 1] ?? '').startsWith('+++ ');
}

/** A lone line naming a file, possibly in backticks or bold. */
function pathLine(line: string): string | undefined {
  const candidate = line.trim().replace(/^[`*]+|[`*:]+$/g, '').trim();
  return /^[\w.@~/\\-]+\.[\w-]+$|^[\w.@~-]*[/\\][\w.@~/\\-]+$/.test(candidate) ? candidate : undefined;
}

function findFrom(lines: readonly string[], from: number, test: (line: string) => boolean): number {
  for (let index = from; index < lines.length; index++) if (test(lines[index] ?? '')) return index;
  return -1;
}

/**
 * The body of the answer's only fenced block; no fence, several, or one never closed are unclear and give nothing.
 * As in Markdown, only a bare fence of the same character and at least as long closes one, so a block can hold shorter fences.
 */
function fencedBody(lines: readonly string[]): string | undefined {
  const blocks: (readonly [number, number])[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = FENCE.exec(lines[index] ?? '')?.[1];
    if (!opening) continue;
    const close = findFrom(lines, index + 1, (line) => closesFence(line, opening));
    if (close < 0) return undefined;
    blocks.push([index, close]);
    index = close;
  }
  const [only, ...others] = blocks;
  return only && !others.length ? lines.slice(only[0] + 1, only[1]).join('\n') + '\n' : undefined;
}

function closesFence(line: string, opening: string): boolean {
  const run = /^\s*(`+|~+)\s*$/.exec(line)?.[1];
  return run !== undefined && run[0] === opening[0] && run.length >= opening.length;
}
