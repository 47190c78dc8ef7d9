import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LatheError, type TextSearchChunk, type TextSearchFile, type TextSearchQuery } from '../../../../src-shared/contract';
import { searchText } from '../../../../src-main/services/search';

function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'lathe-text-search-')));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

type Query = Partial<TextSearchQuery> & { query: string; maxResults?: number; excludes?: Record<string, boolean>; signal?: AbortSignal };

function search(root: string, query: Query): AsyncGenerator<TextSearchChunk> {
  return searchText({
    isRegex: false,
    matchCase: false,
    wholeWord: false,
    maxResults: 2000,
    excludes: {},
    signal: new AbortController().signal,
    ...query,
    root,
  });
}

async function collect(root: string, query: Query): Promise<{ files: TextSearchFile[]; done: TextSearchChunk }> {
  const files: TextSearchFile[] = [];
  let done: TextSearchChunk | undefined;
  for await (const chunk of search(root, query)) {
    if (chunk.kind === 'files') files.push(...chunk.files);
    else done = chunk;
  }
  if (!done) throw new Error('no done chunk');
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, done };
}

const paths = (files: { path: string }[]) => files.map((file) => file.path);

/** Whether an rg process whose arguments contain the text is still running. */
function rgRunning(text: string): boolean {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').some((line) => line.includes('rg') && line.includes(text));
}

describe('searchText', () => {
  it('finds a literal, grouped per file, with 1-based lines and columns', async () => {
    const root = workspace({ 'a.txt': 'one\nfind a.b here and a.b there\n', 'src/b.rs': 'axb\n// a.b\n', 'c.txt': 'nothing\n' });
    const { files, done } = await collect(root, { query: 'a.b' });
    expect(paths(files)).toEqual(['a.txt', 'src/b.rs']);
    expect(files[0]?.matches).toEqual([
      { line: 2, column: 6, length: 3, preview: 'find a.b here and a.b there', previewStart: 5 },
      { line: 2, column: 19, length: 3, preview: 'find a.b here and a.b there', previewStart: 18 },
    ]);
    expect(files[1]?.matches.map((match) => [match.line, match.column])).toEqual([[2, 4]]);
    expect(done).toEqual({ kind: 'done', fileCount: 2, matchCount: 3, truncated: false, omitted: 0 });
  });

  it('treats the query as a regular expression when asked', async () => {
    const root = workspace({ 'a.txt': 'foo1 foo22 bar\n' });
    const { files } = await collect(root, { query: 'foo\\d+', isRegex: true });
    expect(files[0]?.matches.map((match) => [match.column, match.length])).toEqual([
      [1, 4],
      [6, 5],
    ]);
  });

  it('ignores case unless asked to match it', async () => {
    const root = workspace({ 'a.txt': 'Hello\nhello\nHELLO\n' });
    expect((await collect(root, { query: 'hello' })).done).toMatchObject({ matchCount: 3 });
    const { files } = await collect(root, { query: 'hello', matchCase: true });
    expect(files[0]?.matches.map((match) => match.line)).toEqual([2]);
  });

  it('matches whole words only when asked', async () => {
    const root = workspace({ 'a.txt': 'cat concat cats cat\n' });
    expect((await collect(root, { query: 'cat' })).done).toMatchObject({ matchCount: 4 });
    const { files } = await collect(root, { query: 'cat', wholeWord: true });
    expect(files[0]?.matches.map((match) => match.column)).toEqual([1, 17]);
  });

  it('honours include and exclude globs, files.exclude and .gitignore', async () => {
    const root = workspace({
      '.gitignore': 'ignored/\n',
      'src/a.ts': 'needle\n',
      'src/b.js': 'needle\n',
      'src/gen/c.ts': 'needle\n',
      'docs/d.md': 'needle\n',
      'ignored/e.ts': 'needle\n',
      'out/f.ts': 'needle\n',
      '.hidden/g.ts': 'needle\n',
    });
    expect(paths((await collect(root, { query: 'needle' })).files)).toEqual([
      '.hidden/g.ts',
      'docs/d.md',
      'out/f.ts',
      'src/a.ts',
      'src/b.js',
      'src/gen/c.ts',
    ]);
    const included = await collect(root, { query: 'needle', include: '*.ts, *.md', exclude: 'gen, .hidden', excludes: { out: true } });
    expect(paths(included.files)).toEqual(['docs/d.md', 'src/a.ts']);
  });

  it('reports UTF-16 columns after multi-byte characters', async () => {
    const root = workspace({ 'a.txt': 'héllo 😀 wörld needle\n' });
    const { files } = await collect(root, { query: 'needle' });
    const line = 'héllo 😀 wörld needle';
    expect(files[0]?.matches[0]).toMatchObject({ line: 1, column: line.indexOf('needle') + 1, length: 6, preview: line });
    const wide = await collect(root, { query: 'wörld' });
    expect(wide.files[0]?.matches[0]).toMatchObject({ column: line.indexOf('wörld') + 1, length: 5 });
  });

  it('cuts long lines to a preview around the match', async () => {
    const line = `${'x'.repeat(1000)} needle ${'y'.repeat(1000)}`;
    const root = workspace({ 'a.txt': `${line}\n` });
    const match = (await collect(root, { query: 'needle' })).files[0]?.matches[0];
    expect(match?.column).toBe(1002);
    expect(match?.preview.length).toBeLessThanOrEqual(260);
    expect(match?.preview.slice(match.previewStart, match.previewStart + 6)).toBe('needle');
  });

  it('stops at maxResults and reports the truncation', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 20; index += 1) files[`f${String(index)}.txt`] = 'hit hit hit\nhit\n';
    const root = workspace(files);
    const { files: found, done } = await collect(root, { query: 'hit', maxResults: 10 });
    expect(done).toMatchObject({ kind: 'done', matchCount: 10, truncated: true });
    if (done.kind !== 'done') throw new Error('expected done');
    expect(done.omitted).toBeGreaterThan(0);
    expect(found.reduce((sum, file) => sum + file.matches.length, 0)).toBe(10);
    expect(done.fileCount).toBe(found.length);
  });

  it('turns an invalid regular expression into INVALID_INPUT with rg’s message', async () => {
    const root = workspace({ 'a.txt': 'text\n' });
    const error: unknown = await collect(root, { query: '(unclosed', isRegex: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LatheError);
    expect((error as LatheError).code).toBe('INVALID_INPUT');
    expect((error as LatheError).message).toContain('unclosed group');
    // The same text as a literal is fine.
    expect((await collect(root, { query: '(unclosed' })).done).toMatchObject({ matchCount: 0 });
  });

  it('kills rg when the search is aborted', async () => {
    const files: Record<string, string> = {};
    const token = `abortneedle${String(Date.now())}`;
    for (let index = 0; index < 400; index += 1) files[`d${String(index % 20)}/f${String(index)}.txt`] = `${token}\n`.repeat(200);
    const root = workspace(files);
    const controller = new AbortController();
    const iterator = search(root, { query: token, maxResults: 1_000_000, signal: controller.signal });
    const first = await iterator.next();
    expect(first.value).toMatchObject({ kind: 'files' });
    // Keep a read pending, then abort: the iteration ends instead of hanging.
    const pending = iterator.next();
    controller.abort();
    await expect(pending).resolves.toMatchObject({ done: true });
    await expect.poll(() => rgRunning(token), { timeout: 5000 }).toBe(false);
  });

  it('kills rg when the consumer stops early', async () => {
    const token = `earlyneedle${String(Date.now())}`;
    const files: Record<string, string> = {};
    for (let index = 0; index < 200; index += 1) files[`f${String(index)}.txt`] = `${token}\n`.repeat(100);
    const root = workspace(files);
    for await (const chunk of search(root, { query: token, maxResults: 1_000_000 })) {
      expect(chunk.kind).toBe('files');
      break;
    }
    await expect.poll(() => rgRunning(token), { timeout: 5000 }).toBe(false);
  });
});
