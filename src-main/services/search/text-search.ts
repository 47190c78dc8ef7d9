import { spawn } from 'node:child_process';
import { rgPath } from '@vscode/ripgrep';
import { LatheError, type TextSearchChunk, type TextSearchFile, type TextSearchMatch, type TextSearchQuery } from '../../../src-shared/contract';

export interface TextSearchOptions extends TextSearchQuery {
  /** Absolute workspace root; rg runs with it as the working directory. */
  root: string;
  /** Stop after this many matches, stop rg and report `truncated`. */
  maxResults: number;
  /** `files.exclude`: every glob set to true is left out. */
  excludes: Record<string, boolean>;
  signal: AbortSignal;
}

/** Where rg lives; inside a packaged Electron app the binary is unpacked next to the asar archive. */
const ripgrep = rgPath.replace(/\bapp\.asar([\\/])/, 'app.asar.unpacked$1');

/** The most stderr kept for an error message. */
const stderrLimit = 4096;
/** Parsed-but-unread lines above which rg's output is paused (back-pressure). */
const highWaterMark = 2000;
/** The longest preview sent for a match; longer lines are cut around the match. */
const previewLength = 250;
/** The most files one chunk carries, so a huge burst still reaches the view in steps. */
const maxFilesPerChunk = 500;
/** Characters kept before the match when a long line is cut. */
const previewLead = 40;

/** What rg says about a pattern or glob it cannot compile (it then exits with 2). */
const invalidPattern = /regex parse error|error parsing glob|could not be compiled|not allowed in a regex|is not supported/i;

/** Splits a comma-separated glob list, dropping blanks and surrounding spaces. */
export function splitGlobs(globs: string | undefined): string[] {
  if (!globs) return [];
  return globs
    .split(',')
    .map((glob) => glob.trim())
    .filter((glob) => glob !== '');
}

export function textSearchArgs(options: Omit<TextSearchOptions, 'root' | 'maxResults' | 'signal'>): string[] {
  const args = ['--json', '--hidden', '--no-config', '--no-require-git', '--glob', '!.git'];
  args.push(options.matchCase ? '--case-sensitive' : '--ignore-case');
  if (options.wholeWord) args.push('--word-regexp');
  if (!options.isRegex) args.push('--fixed-strings');
  for (const glob of splitGlobs(options.include)) args.push('--glob', glob.startsWith('!') ? glob.slice(1) : glob);
  for (const glob of splitGlobs(options.exclude)) args.push('--glob', `!${glob.startsWith('!') ? glob.slice(1) : glob}`);
  for (const [pattern, enabled] of Object.entries(options.excludes)) {
    if (enabled === true && pattern.trim() !== '') args.push('--glob', `!${pattern}`);
  }
  args.push('--regexp', options.query, '--', '.');
  return args;
}

interface RgText {
  text?: string;
  bytes?: string;
}

interface RgMessage {
  type: 'begin' | 'match' | 'end' | 'context' | 'summary';
  data: {
    path?: RgText;
    lines?: RgText;
    line_number?: number | null;
    submatches?: { start: number; end: number }[];
  };
}

function decode(value: RgText | undefined): { text: string; bytes: Buffer } {
  if (value?.text !== undefined) return { text: value.text, bytes: Buffer.from(value.text, 'utf8') };
  const bytes = Buffer.from(value?.bytes ?? '', 'base64');
  return { text: bytes.toString('utf8'), bytes };
}

function normalisePath(path: string): string {
  const slashed = process.platform === 'win32' ? path.replaceAll('\\', '/') : path;
  return slashed.startsWith('./') ? slashed.slice(2) : slashed;
}

function stripEol(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n')) return text.slice(0, -1);
  return text;
}

/** The line as shown in the results: whole when short, else cut to `previewLength` around the match. */
export function makePreview(line: string, start: number, length: number): { preview: string; previewStart: number } {
  if (line.length <= previewLength) return { preview: line, previewStart: start };
  let from = Math.max(0, Math.min(start - previewLead, line.length - previewLength));
  // Never start in the middle of a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(line.charAt(from))) from -= 1;
  const to = Math.min(line.length, Math.max(from + previewLength, start + Math.min(length, previewLength)));
  const prefix = from > 0 ? '…' : '';
  const suffix = to < line.length ? '…' : '';
  return { preview: prefix + line.slice(from, to) + suffix, previewStart: start - from + prefix.length };
}

/** Turns rg's byte offsets in a line into UTF-16 matches. */
function toMatches(message: RgMessage): TextSearchMatch[] {
  const { text, bytes } = decode(message.data.lines);
  const line = stripEol(text);
  const lineNumber = message.data.line_number ?? 1;
  const ascii = bytes.length === text.length;
  const toUtf16 = (offset: number): number => (ascii ? offset : bytes.subarray(0, offset).toString('utf8').length);
  return (message.data.submatches ?? []).map(({ start, end }) => {
    const column = toUtf16(start);
    const length = Math.max(0, toUtf16(end) - column);
    return { line: lineNumber, column: column + 1, length, ...makePreview(line, column, length) };
  });
}

/** The first lines of rg's complaint, without its "rg: " prefixes. */
function rgMessage(stderr: string): string {
  return stderr
    .replace(/^rg: /gm, '')
    .trim()
    .split('\n')
    .slice(0, 8)
    .join('\n');
}

/**
 * Searches the workspace's text with `rg --json`: hidden files included, `.git` and `files.exclude`
 * left out, `.gitignore` honoured. Yields the files rg has finished each time it has read all of rg's
 * output so far (a burst of output becomes one chunk, a slow search still shows files at once), then `done`.
 * Aborting the signal, or returning early from the iteration, kills rg.
 */
export async function* searchText(options: TextSearchOptions): AsyncGenerator<TextSearchChunk, void, undefined> {
  const { signal, maxResults } = options;
  if (signal.aborted) throw new LatheError('CANCELLED', 'The search was cancelled');

  const child = spawn(ripgrep, textSearchArgs(options), { cwd: options.root, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const lines: string[] = [];
  let head = 0;
  let pending = '';
  let stderr = '';
  let closed = false;
  let exitCode: number | null = null;
  let spawnError: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = (): void => {
    if (alive()) child.kill();
  };
  const onAbort = (): void => {
    stop();
    notify();
  };
  signal.addEventListener('abort', onAbort, { once: true });

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) if (part !== '') lines.push(part);
    if (lines.length - head > highWaterMark) child.stdout.pause();
    notify();
  });
  child.stdout.on('end', () => {
    if (pending !== '') lines.push(pending);
    pending = '';
    notify();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < stderrLimit) stderr += chunk;
  });
  child.on('error', (error) => {
    spawnError = error;
    notify();
  });
  child.on('close', (code) => {
    closed = true;
    exitCode = code;
    notify();
  });

  let fileCount = 0;
  let matchCount = 0;
  let omitted = 0;
  let truncated = false;
  let current: TextSearchFile | undefined;
  let finished: TextSearchFile[] = [];
  const takeFinished = (): TextSearchChunk => {
    const chunk: TextSearchChunk = { kind: 'files', files: finished as [TextSearchFile, ...TextSearchFile[]] };
    finished = [];
    return chunk;
  };

  try {
    for (;;) {
      if (signal.aborted) return;
      if (head >= lines.length || finished.length >= maxFilesPerChunk) {
        if (finished.length > 0) yield takeFinished();
        if (head < lines.length) continue;
        lines.length = 0;
        head = 0;
        if (spawnError) throw new LatheError('UNAVAILABLE', `Could not run ripgrep: ${spawnError.message}`);
        if (closed) break;
        if (child.stdout.isPaused()) child.stdout.resume();
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const raw = lines[head++] ?? '';
      let message: RgMessage;
      try {
        message = JSON.parse(raw) as RgMessage;
      } catch {
        continue;
      }
      if (message.type === 'begin') {
        current = { path: normalisePath(decode(message.data.path).text), matches: [] };
      } else if (message.type === 'match' && current) {
        const found = toMatches(message);
        const room = maxResults - matchCount;
        current.matches.push(...found.slice(0, room));
        matchCount += Math.min(room, found.length);
        if (found.length > room) {
          truncated = true;
          omitted += found.length - room;
        }
      } else if (message.type === 'end' && current) {
        const file = current;
        current = undefined;
        if (file.matches.length > 0) {
          fileCount += 1;
          finished.push(file);
        }
      }
      if (truncated) break;
    }

    if (truncated) {
      stop();
      if (current && current.matches.length > 0) {
        fileCount += 1;
        finished.push(current);
      }
    }
    if (finished.length > 0) yield takeFinished();
    // A search stopped at the limit was killed on purpose: its exit code says nothing.
    if (!truncated && exitCode === 2 && invalidPattern.test(stderr)) {
      throw new LatheError('INVALID_INPUT', rgMessage(stderr) || 'The search pattern is not valid');
    }
    if (!truncated && exitCode !== 0 && exitCode !== 1 && exitCode !== 2) {
      const reason = rgMessage(stderr) || `ripgrep exited with code ${String(exitCode)}`;
      throw new LatheError('UNAVAILABLE', `The search failed: ${reason}`);
    }
    yield { kind: 'done', fileCount, matchCount, truncated, omitted };
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop();
  }
}
