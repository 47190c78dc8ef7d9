import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { proposeStarter } from '../../../../src-main/services/pipelines/detection/detect-project';
import { parsePipeline } from '../../../../src-main/services/pipelines/parser/parse-pipeline';
import { createHarness, pipelineFixtures, type Harness } from './pipelines-harness';

const projects = join(pipelineFixtures, 'projects');

interface Proposed {
  jobs: Record<string, { name: string; needs?: string[]; steps: { run: string }[] }>;
}

async function propose(project: string): Promise<{ detected: string[]; jobs: Proposed['jobs'] }> {
  const proposal = await proposeStarter(join(projects, project));
  const { summary } = await parsePipeline(
    { id: '.lathe/pipelines/ci.yml', kind: 'lathe', content: proposal.content },
    { defaultExecutor: 'local', defaultImage: '', hasProgram: async () => true },
  );
  expect(summary.diagnostics).toEqual([]);
  expect(summary.triggers).toEqual([{ kind: 'manual' }, { kind: 'commit' }]);
  return { detected: proposal.detected, jobs: (parse(proposal.content) as Proposed).jobs };
}

const commands = (jobs: Proposed['jobs']) => Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, job.steps.map((step) => step.run).join(' && ')]));
const needs = (jobs: Proposed['jobs']) => Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, job.needs ?? []]));

describe('starter pipelines from project detection (each proposal validates)', () => {
  it('Cargo workspace: fmt check, clippy and test in parallel, then build, all --workspace', async () => {
    const { detected, jobs } = await propose('cargo-workspace');
    expect(detected).toEqual(['cargo workspace (2 members)']);
    expect(commands(jobs)).toEqual({
      fmt: 'cargo fmt --all -- --check',
      clippy: 'cargo clippy --workspace --all-targets -- -D warnings',
      test: 'cargo test --workspace',
      build: 'cargo build --workspace --release',
    });
    expect(needs(jobs)).toEqual({ fmt: [], clippy: [], test: [], build: ['fmt', 'clippy', 'test'] });
  });

  it('Cargo package: the same without --workspace', async () => {
    const { detected, jobs } = await propose('cargo-package');
    expect(detected).toEqual(['cargo package']);
    expect(commands(jobs).clippy).toBe('cargo clippy --all-targets -- -D warnings');
  });

  it('package.json: install with the lock file, then its lint, typecheck and test scripts, then build', async () => {
    const { detected, jobs } = await propose('node-npm');
    expect(detected).toEqual(['package.json (npm), scripts: lint, typecheck, test, build']);
    expect(commands(jobs)).toEqual({ install: 'npm ci', lint: 'npm run lint', typecheck: 'npm run typecheck', test: 'npm test', build: 'npm run build' });
    expect(needs(jobs)).toEqual({ install: [], lint: ['install'], typecheck: ['install'], test: ['install'], build: ['lint', 'typecheck', 'test'] });
  });

  it('pyproject.toml (poetry), go.mod and a Makefile', async () => {
    expect(commands((await propose('python-poetry')).jobs)).toEqual({ install: 'poetry install', lint: 'poetry run ruff check .', typecheck: 'poetry run mypy .', test: 'poetry run pytest' });
    const go = await propose('go-module');
    expect(go.detected).toEqual(['go.mod (example.com/demo)']);
    expect(Object.keys(go.jobs)).toEqual(['fmt', 'vet', 'test', 'build']);
    const make = await propose('make');
    expect(commands(make.jobs)).toEqual({ lint: 'make lint', test: 'make test', build: 'make build' });
    expect(needs(make.jobs).build).toEqual(['lint', 'test']);
  });

  it('several ecosystems get prefixed jobs; npm’s placeholder test script is left out; no project gets a placeholder', async () => {
    const mixed = await propose('mixed');
    expect(Object.keys(mixed.jobs)).toEqual(['rust-fmt', 'rust-clippy', 'rust-test', 'rust-build', 'node-install', 'node-build']);
    expect(needs(mixed.jobs)['rust-build']).toEqual(['rust-fmt', 'rust-clippy', 'rust-test']);
    expect((await propose('empty')).detected).toEqual([expect.stringMatching(/no known project file/)]);
  });
});

describe('the service proposes, never writes', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('answers the path, the content and whether a file is there already', async () => {
    harness = await createHarness('projects/cargo-package');
    const first = await harness.service.proposeStarter();
    expect(first).toMatchObject({ path: '.lathe/pipelines/ci.yml', exists: false, detected: ['cargo package'] });
    mkdirSync(join(harness.root, '.lathe', 'pipelines'), { recursive: true });
    writeFileSync(join(harness.root, first.path), first.content);
    expect(await harness.service.proposeStarter()).toMatchObject({ exists: true });
    expect((await harness.service.list()).pipelines).toMatchObject([{ id: '.lathe/pipelines/ci.yml', valid: true, name: 'CI' }]);
  });
});
