import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateString } from '../../../../src-main/services/pipelines/expressions/evaluate-token';
import { parsePipeline, type ParseOptions, type PipelineSource } from '../../../../src-main/services/pipelines/parser/parse-pipeline';
import { pipelineFixtures } from './pipelines-harness';

const options: ParseOptions = { defaultExecutor: 'local', defaultImage: '', hasProgram: async (name) => name !== 'lathe-no-such-shell' };

function source(content: string, kind: PipelineSource['kind'] = 'lathe', id = '.lathe/pipelines/test.yml'): PipelineSource {
  return { id, kind, content };
}

function fixture(id: string): PipelineSource {
  return source(readFileSync(join(pipelineFixtures, 'invalid', id), 'utf8'), id.startsWith('.github') ? 'github' : 'lathe', id);
}

describe('validation before anything runs', () => {
  // file → the first error's line and column, and what its message says.
  const table: [string, number, number, RegExp][] = [
    ['.lathe/pipelines/yaml-error.yml', 6, 1, /block sequence may not be used as an implicit map key/],
    ['.lathe/pipelines/unknown-key.yml', 6, 9, /Unexpected value 'retries'/],
    ['.lathe/pipelines/cycle.yml', 3, 3, /at least one job with no dependencies/],
    ['.lathe/pipelines/missing-need.yml', 7, 16, /depends on unknown job 'ghost'/],
    ['.lathe/pipelines/big-matrix.yml', 5, 7, /produces 294 jobs; at most 256/],
    ['.lathe/pipelines/missing-shell.yml', 6, 16, /shell 'lathe-no-such-shell' is not installed/],
    ['.lathe/pipelines/bad-expression.yml', 5, 13, /Unexpected end of expression/],
    ['.github/workflows/remote-action.yml', 8, 15, /'someone\/deploy-action@v2' cannot run here/],
    ['.github/workflows/no-runs-on.yml', 5, 5, /Required property is missing: runs-on/],
  ];

  it.each(table)('%s: line %i, column %i', async (id, line, column, message) => {
    const { summary, definition } = await parsePipeline(fixture(id), options);
    expect(summary.valid).toBe(false);
    expect(definition).toBeUndefined();
    expect(summary.diagnostics[0]).toMatchObject({ file: id, line, column, severity: 'error', message: expect.stringMatching(message) });
  });

  it('names the jobs of a cycle at the need that closes it', async () => {
    const { summary } = await parsePipeline(fixture('.lathe/pipelines/cycle.yml'), options);
    expect(summary.diagnostics).toContainEqual(expect.objectContaining({ line: 8, column: 12, message: "The jobs 'a' → 'b' → 'a' need each other in a cycle" }));
    const rooted = await parsePipeline(source('jobs:\n  root:\n    steps: [{run: x}]\n  a:\n    needs: [root, b]\n    steps: [{run: x}]\n  b:\n    needs: a\n    steps: [{run: x}]\n'), options);
    expect(rooted.summary.diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringMatching(/creates a cycle|need each other/));
  });

  it('reports every unsupported action, Docker action and local action', async () => {
    const { summary } = await parsePipeline(fixture('.github/workflows/remote-action.yml'), options);
    expect(summary.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.column])).toEqual([
      [8, 15],
      [9, 15],
    ]);
    const local = await parsePipeline(source('jobs:\n  a:\n    steps:\n      - uses: ./my-action\n'), options);
    expect(local.summary.diagnostics[0]?.message).toMatch(/'\.\/my-action' cannot run here/);
  });

  it('checks shells only for local jobs, and refuses a custom shell without {0}', async () => {
    const container = await parsePipeline(source('jobs:\n  a:\n    container: alpine\n    steps:\n      - run: x\n        shell: lathe-no-such-shell {0}\n'), options);
    expect(container.summary.valid).toBe(true);
    const noPlaceholder = await parsePipeline(source('jobs:\n  a:\n    steps:\n      - run: x\n        shell: perl -e\n'), options);
    expect(noPlaceholder.summary.diagnostics[0]).toMatchObject({ line: 5, column: 16, message: expect.stringMatching(/must contain \{0\}/) });
    const defaults = await parsePipeline(source('defaults:\n  run:\n    shell: lathe-no-such-shell {0}\njobs:\n  a:\n    steps:\n      - run: x\n'), options);
    expect(defaults.summary.diagnostics[0]?.message).toMatch(/not installed/);
  });

  it('wants an image for container jobs', async () => {
    const { summary } = await parsePipeline(source('jobs:\n  a:\n    executor: container\n    steps: [{run: x}]\n'), options);
    expect(summary.diagnostics[0]).toMatchObject({ line: 3, column: 5, message: expect.stringMatching(/names no image/) });
    const withDefault = await parsePipeline(source('jobs:\n  a:\n    executor: container\n    steps: [{run: x}]\n'), { ...options, defaultImage: 'debian' });
    expect(withDefault.summary.valid).toBe(true);
  });

  it('reports an empty file, a reusable workflow and a wrong Lathe extra', async () => {
    expect((await parsePipeline(source(''), options)).summary.diagnostics[0]).toMatchObject({ line: 1, column: 1, message: 'Expected a scalar value, a sequence, or a mapping' });
    const reusable = await parsePipeline(source('on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@main\n', 'github', '.github/workflows/r.yml'), options);
    expect(reusable.summary.diagnostics[0]?.message).toMatch(/reusable workflow/);
    const retry = await parsePipeline(source('jobs:\n  a:\n    steps:\n      - run: x\n        retry: {max: 2, when: sometimes}\n'), options);
    expect(retry.summary.diagnostics[0]).toMatchObject({ line: 5, column: 31, message: "Unexpected value 'sometimes'" });
  });
});

describe('what a valid file gives the engine and the view', () => {
  it('reads Lathe triggers, inputs, executors, retry, cache and artifacts', async () => {
    const { summary, definition } = await parsePipeline(
      source(`name: Extras
on:
  manual:
    inputs:
      level: {type: choice, options: [low, high], default: low, required: true}
  save:
    paths: ['src/**/*.rs', Cargo.toml]
  commit:
executor: local
jobs:
  build:
    cache: {key: "deps-\${{ hashFiles('Cargo.lock') }}", paths: [target, ~/.cargo], restore-keys: [deps-]}
    artifacts: {name: bin, paths: [target/release/app]}
    steps:
      - run: cargo build
        retry: {max: 2, when: failure, exit_codes: [101]}
      - run: cargo test
        retry: 3
  image:
    container: debian:12
    needs: build
    steps: [{run: echo}]
`),
      options,
    );
    expect(summary).toMatchObject({
      name: 'Extras',
      valid: true,
      triggers: [{ kind: 'manual' }, { kind: 'save', paths: ['src/**/*.rs', 'Cargo.toml'] }, { kind: 'commit' }],
      inputs: [{ name: 'level', type: 'choice', options: ['low', 'high'], default: 'low', required: true }],
      jobs: [
        { id: 'build', needs: [], executor: 'local', hasMatrix: false, line: 11 },
        { id: 'image', needs: ['build'], executor: 'container', line: 19 },
      ],
    });
    const build = definition?.jobs[0];
    expect(build?.steps.map((step) => step.retry)).toEqual([
      { max: 2, when: 'failure', exitCodes: [101] },
      { max: 3, when: 'any', exitCodes: undefined },
    ]);
    expect(build?.cache).toMatchObject({ paths: ['target', '~/.cargo'], restoreKeys: ['deps-'] });
    expect(build?.artifacts).toEqual({ name: 'bin', paths: ['target/release/app'] });
  });

  it('takes a pipeline without `on` as manual, and a GitHub workflow as manual whatever its events', async () => {
    expect((await parsePipeline(source('jobs:\n  a:\n    steps: [{run: x}]\n'), options)).summary.triggers).toEqual([{ kind: 'manual' }]);
    const github = await parsePipeline(source('on: [push, pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: x}]\n', 'github', '.github/workflows/ci.yml'), options);
    expect(github.summary).toMatchObject({ kind: 'github', name: 'ci', triggers: [{ kind: 'manual' }], valid: true });
  });

  it('evaluates a block scalar with expressions the way YAML reads it (indentation, folding, chomping)', async () => {
    const { definition } = await parsePipeline(
      source('jobs:\n  a:\n    steps:\n      - run: |\n          echo ${{ matrix.x }}\n            kept \'quoted\' {braces}\n      - run: >-\n          folded ${{ matrix.x }}\n          line\n'),
      options,
    );
    const scope = { contexts: { matrix: { x: 'X' } } };
    const [literal, folded] = definition?.jobs[0]?.steps ?? [];
    expect(evaluateString(literal?.run as NonNullable<typeof literal>['run'] & object, scope)).toBe("echo X\n  kept 'quoted' {braces}\n");
    expect(evaluateString(folded?.run as NonNullable<typeof folded>['run'] & object, scope)).toBe('folded X line');
  });
});
