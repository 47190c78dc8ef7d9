import { textLines } from './lines.js';
import type { SearchReplaceBlock } from './types.js';

/** What a model's answer asks for, in the first form it is written in. */
export type ParsedAnswer =
  | { readonly kind: 'search-replace'; readonly blocks: readonly SearchReplaceBlock[] }
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

/** Aider-style blocks; an unterminated block is dropped rather than guessed at. */
export function parseSearchReplace(lines: readonly string[]): SearchReplaceBlock[] {
  const blocks: SearchReplaceBlock[] = [];
  let path: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!SEARCH_MARKER.test(line)) {
      path = pathLine(line) ?? (line.trim() && !FENCE.test(line) ? undefined : path);
      continue;
    }
    const divider = findFrom(lines, index + 1, (candidate) => DIVIDER.test(candidate));
    const end = divider < 0 ? -1 : findFrom(lines, divider + 1, (candidate) => REPLACE_MARKER.test(candidate));
    if (end < 0) break;
    blocks.push({ search: lines.slice(index + 1, divider), replace: lines.slice(divider + 1, end), ...(path ? { path } : {}) });
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
    for (; next < lines.length && (oldLeft > 0 || newLeft > 0); next++) {
      const body = lines[next] ?? '';
      if (HUNK_HEADER.test(body) || FENCE.test(body) || isFileHeader(lines, next)) break;
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
    }
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

/** The body of the answer's only fenced block; no fence or several are unclear and give nothing. */
function fencedBody(lines: readonly string[]): string | undefined {
  const fences = lines.map((line, index) => (FENCE.test(line) ? index : -1)).filter((index) => index >= 0);
  if (fences.length !== 2) return undefined;
  const [open = 0, close = 0] = fences;
  return lines.slice(open + 1, close).join('\n') + '\n';
}
