import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDependency, planWorkspaceMember } from '../../../../plugins/rust-crates/src/cargo-toml';
import { crateFiles, crateKinds, entryFile, type CrateKind } from '../../../../plugins/rust-crates/src/templates';
import { applyTextEdits, insertionEdits } from '../text-edits';

const cargoFound = spawnSync('cargo', ['--version']).status === 0;
if (!cargoFound) console.warn('Skipping the templates under cargo: cargo is not on the PATH.');

const scratch = mkdtempSync(join(tmpdir(), 'lathe-rust-crates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// cargo builds into the scratch folder, offline: the registry is never needed.
const cargoEnv = { ...process.env, CARGO_TARGET_DIR: join(scratch, 'target'), CARGO_NET_OFFLINE: 'true' };

function writeCrate(root: string, folder: string, kind: CrateKind, name: string): void {
  for (const file of crateFiles(kind, name)) {
    mkdirSync(dirname(join(root, folder, file.path)), { recursive: true });
    writeFileSync(join(root, folder, file.path), file.content);
  }
}

/** Adds the member to the root manifest as the New Crate wizard does, through the plan's insertions. */
function addMember(root: string, folder: string): void {
  const manifest = join(root, 'Cargo.toml');
  const plan = planWorkspaceMember(readFileSync(manifest, 'utf8'), folder);
  if (plan.kind !== 'insert') throw new Error(`expected an insertion, not ${plan.kind}`);
  writeFileSync(manifest, applyTextEdits(readFileSync(manifest, 'utf8'), insertionEdits(plan.insertions)));
}

const cargo = (root: string, ...args: string[]): string => execFileSync('cargo', args, { cwd: root, env: cargoEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the crate templates', () => {
  it('write a Cargo.toml and the entry file of each kind', () => {
    for (const { kind } of crateKinds) {
      const files = crateFiles(kind, 'demo-app');
      expect(files.map((file) => file.path)).toEqual(['Cargo.toml', entryFile(kind)]);
      expect(files[0]?.content).toMatch(/^\[package\]\nname = "demo-app"\nversion = "0.1.0"\nedition = "2021"\n\n\[dependencies\]\n/);
    }
    expect(crateFiles('cli', 'x')[0]?.content).toContain('clap = { version = "4", features = ["derive"] }');
    expect(crateFiles('axum', 'x')[0]?.content).toContain('axum = "0.8"');
  });

  it.skipIf(!cargoFound)('build and pass their tests as members added to a Cargo workspace (binary and library, offline)', () => {
    const root = join(scratch, 'workspace');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'Cargo.toml'), '[workspace]\nresolver = "2"\nmembers = [\n    "app",\n]\n');
    writeCrate(root, 'app', 'binary', 'app');
    writeCrate(root, 'crates/textkit', 'library', 'textkit');
    addMember(root, 'crates/textkit');

    expect(readFileSync(join(root, 'Cargo.toml'), 'utf8')).toBe('[workspace]\nresolver = "2"\nmembers = [\n    "app",\n    "crates/textkit",\n]\n');
    const output = cargo(root, 'test', '--offline', '--workspace', '--quiet');
    expect(output).toContain('test result: ok. 1 passed');
    expect(cargo(root, 'run', '--offline', '--quiet', '-p', 'app')).toBe('Hello, world!\n');
  }, 120_000);

  it.skipIf(!cargoFound)('write manifests cargo reads, with the dependencies the CLI and axum kinds need and one added by Add Dependency', () => {
    for (const kind of ['cli', 'axum'] as const) {
      const root = join(scratch, kind);
      writeCrate(root, '', kind, `my-${kind}`);
      const manifest = join(root, 'Cargo.toml');
      const plan = planDependency(readFileSync(manifest, 'utf8'), 'anyhow', '1.0');
      if (plan.kind !== 'insert') throw new Error('expected an insertion');
      writeFileSync(manifest, applyTextEdits(readFileSync(manifest, 'utf8'), insertionEdits([plan.insertion])));

      const metadata = JSON.parse(cargo(root, 'metadata', '--offline', '--no-deps', '--format-version', '1')) as {
        packages: { name: string; dependencies: { name: string; req: string }[] }[];
      };
      const dependencies = metadata.packages[0]?.dependencies.map((dependency) => `${dependency.name} ${dependency.req}`).sort();
      expect(dependencies).toEqual(kind === 'cli' ? ['anyhow ^1.0', 'clap ^4'] : ['anyhow ^1.0', 'axum ^0.8', 'tokio ^1']);
    }
  });
});
