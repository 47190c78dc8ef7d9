import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CargoFileDiagnostics, CargoRunChunk, CargoTestRunChunk, Diagnostic, TextEdit } from '../../../../src-shared/contract';
import { CargoService } from '../../../../src-main/services/cargo';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

const fixture = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'rust-crate');
const never = new AbortController().signal;

let root: string;
let service: CargoService;

async function collect<T>(chunks: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

function diagnosticsOf(chunks: readonly (CargoRunChunk | CargoTestRunChunk)[]): (Diagnostic & { path: string })[] {
  return chunks
    .flatMap((chunk) => (chunk.kind === 'diagnostics' ? chunk.files : []))
    .flatMap((file: CargoFileDiagnostics) => file.diagnostics.map((diagnostic) => ({ ...diagnostic, path: file.path })));
}

/** Applies edits of one file, last first, so earlier positions stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0) + column - 1;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.column) - offset(a.range.start.line, a.range.start.column))) {
    result = result.slice(0, offset(edit.range.start.line, edit.range.start.column)) + edit.newText + result.slice(offset(edit.range.end.line, edit.range.end.column));
  }
  return result;
}

beforeAll(async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'lathe-cargo-'));
  root = join(scratch, 'crate');
  cpSync(fixture, root, { recursive: true });
  // cargo writes its build output here, never into the fixture or the copy.
  service = new CargoService({
    guard: await PathGuard.create(root),
    cargoPath: () => '',
    logger: silentLogger,
    env: { ...process.env, CARGO_TARGET_DIR: join(scratch, 'target'), RUST_BACKTRACE: '0' },
  });
});

describe('cargo on a crate without dependencies', () => {
  it('detects the workspace and its members from cargo metadata', async () => {
    expect(await service.workspace()).toEqual({
      root: '',
      packages: [
        {
          name: 'rust_fixture',
          version: '0.1.0',
          root: '',
          manifestPath: 'Cargo.toml',
          targets: [
            { name: 'rust_fixture', kind: 'lib', path: 'src/lib.rs', test: true },
            { name: 'rust_fixture', kind: 'bin', path: 'src/main.rs', test: true },
          ],
        },
      ],
    });
  });

  it('reports clippy warnings at their spans, with the suggested edit as a quick fix', async () => {
    const chunks = await collect(service.run('clippy', undefined, never));
    expect(chunks.at(-1)).toEqual({ kind: 'done', success: true, exitCode: 0 });
    expect(chunks.some((chunk) => chunk.kind === 'output' && chunk.text.includes('unneeded `return` statement'))).toBe(true);
    const needlessReturn = diagnosticsOf(chunks).find((diagnostic) => diagnostic.code === 'clippy::needless_return');
    expect(needlessReturn).toMatchObject({
      path: 'src/lib.rs',
      severity: 'warning',
      source: 'clippy',
      range: { start: { line: 8, column: 5 }, end: { line: 8, column: 26 } },
      fixes: [
        {
          title: 'Remove `return`',
          edit: {
            files: [
              {
                path: 'src/lib.rs',
                edits: [
                  { range: { start: { line: 8, column: 5 }, end: { line: 8, column: 26 } }, newText: 'value % 2 == 0' },
                  { range: { start: { line: 8, column: 26 }, end: { line: 8, column: 27 } }, newText: '' },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(needlessReturn?.message.split('\n')[0]).toBe('unneeded `return` statement');
  });

  it('reports a type error at its span, and its rustc suggestion fixes it', async () => {
    appendFileSync(join(root, 'src', 'lib.rs'), '\npub fn widened() -> u64 {\n    let value: u64 = 1u32;\n    value\n}\n');
    const chunks = await collect(service.run('check', undefined, never));
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', success: false });
    const typeError = diagnosticsOf(chunks).find((diagnostic) => diagnostic.code === 'E0308');
    expect(typeError).toMatchObject({
      path: 'src/lib.rs',
      severity: 'error',
      source: 'rustc',
      range: { start: { line: 32, column: 22 }, end: { line: 32, column: 26 } },
      related: [{ location: { path: 'src/lib.rs', range: { start: { line: 32, column: 16 }, end: { line: 32, column: 19 } } }, message: 'expected due to this' }],
    });
    expect(typeError?.message).toBe('mismatched types\nexpected `u64`, found `u32`');
    const fix = typeError?.fixes?.[0];
    expect(fix?.title).toBe('Change the type of the numeric literal from `u32` to `u64`: `u64`');

    const file = fix?.edit.files[0];
    expect(file?.path).toBe('src/lib.rs');
    const fixed = applyEdits(readFileSync(join(root, 'src', 'lib.rs'), 'utf8'), file?.edits ?? []);
    expect(fixed).toContain('let value: u64 = 1u64;');
    writeFileSync(join(root, 'src', 'lib.rs'), fixed);
    const again = await collect(service.run('check', undefined, never));
    expect(again.at(-1)).toEqual({ kind: 'done', success: true, exitCode: 0 });
    expect(diagnosticsOf(again).filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('lists the tests with `--list`, located in the sources', async () => {
    const listing = await service.listTests(undefined);
    expect(listing.error).toBeNull();
    const lib = { name: 'rust_fixture', kind: 'lib' };
    expect(listing.tests).toEqual([
      { package: 'rust_fixture', target: lib, name: 'tests::adds', location: { path: 'src/lib.rs', line: 15 } },
      { package: 'rust_fixture', target: lib, name: 'tests::detects_even_numbers', location: { path: 'src/lib.rs', line: 20 } },
      { package: 'rust_fixture', target: lib, name: 'tests::reports_a_failure', location: { path: 'src/lib.rs', line: 25 } },
    ]);
  });

  it('runs one test by name', async () => {
    const chunks = await collect(service.runTests({ package: 'rust_fixture', name: 'tests::adds' }, never));
    expect(chunks.filter((chunk) => chunk.kind === 'result')).toEqual([
      { kind: 'result', package: 'rust_fixture', target: null, name: 'tests::adds', outcome: 'passed' },
    ]);
    expect(chunks.at(-1)).toEqual({ kind: 'done', passed: 1, failed: 0, ignored: 0, success: true });
  });

  it('reports a failed test with what it printed', async () => {
    const chunks = await collect(service.runTests({ package: 'rust_fixture', target: { name: 'rust_fixture', kind: 'lib' } }, never));
    const results = chunks.flatMap((chunk) => (chunk.kind === 'result' ? [chunk] : []));
    expect(results.map((result) => [result.name, result.outcome]).sort()).toEqual([
      ['tests::adds', 'passed'],
      ['tests::detects_even_numbers', 'passed'],
      ['tests::reports_a_failure', 'failed'],
    ]);
    expect(results.find((result) => result.outcome === 'failed')?.output).toContain('one and one make two');
    expect(chunks.at(-1)).toEqual({ kind: 'done', passed: 2, failed: 1, ignored: 0, success: true });
  });

  it('refuses a package that is not a member', async () => {
    await expect(collect(service.run('check', 'other_crate', never))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
