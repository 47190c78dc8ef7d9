import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverCommand, LanguageService, serverDefinitions, type LanguageSettings, type ServerDefinition } from '../../../../src-main/services/language';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

const fakeServer = join(import.meta.dirname, '..', '..', 'helpers', 'fake-language-server.mjs');

function settings(overrides: Partial<LanguageSettings> = {}): LanguageSettings {
  return { 'languageServers.servers': [], 'languageServers.trace': 'off', 'rust-analyzer.server.path': '', 'rust-analyzer.check.command': 'check', ...overrides };
}

function rustAnalyzer(values: LanguageSettings): ServerDefinition {
  const definition = serverDefinitions(values).find((candidate) => candidate.id === 'rust-analyzer');
  if (!definition) throw new Error('no rust-analyzer preset');
  return definition;
}

function executable(path: string, script: string): string {
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

let scratch: string;
const noRustup = async (): Promise<undefined> => undefined;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lathe-rust-analyzer-'));
});

describe('the rust-analyzer preset', () => {
  it('runs rust-analyzer for Rust files, found through rustup first, with its check command as configuration', () => {
    expect(rustAnalyzer(settings())).toMatchObject({
      command: 'rust-analyzer',
      args: [],
      languages: ['rust'],
      viaRustup: true,
      enabled: true,
      initializationOptions: { check: { command: 'check' } },
      settings: { 'rust-analyzer': { check: { command: 'check' } } },
    });
    expect(rustAnalyzer(settings({ 'rust-analyzer.check.command': 'clippy' })).initializationOptions).toEqual({ check: { command: 'clippy' } });
  });

  it('takes the program from rust-analyzer.server.path, then not through rustup', () => {
    expect(rustAnalyzer(settings({ 'rust-analyzer.server.path': '/opt/ra/rust-analyzer' }))).toMatchObject({ command: '/opt/ra/rust-analyzer', viaRustup: false });
  });

  it('can be changed or turned off through languageServers.servers', () => {
    const changed = rustAnalyzer(settings({ 'languageServers.servers': [{ id: 'rust-analyzer', args: ['--log-file', 'ra.log'], enabled: true }] }));
    expect(changed.args).toEqual(['--log-file', 'ra.log']);
    expect(rustAnalyzer(settings({ 'languageServers.servers': [{ id: 'rust-analyzer', enabled: false }] })).enabled).toBe(false);
  });
});

describe('finding rust-analyzer', () => {
  it('uses the path rustup names', async () => {
    const real = executable(join(scratch, 'ra-from-rustup'), '#!/bin/sh\n');
    const found = await discoverCommand(rustAnalyzer(settings()), { PATH: '' }, async (tool) => (tool === 'rust-analyzer' ? real : undefined));
    expect(found).toEqual({ kind: 'found', path: real });
  });

  it('uses one on the PATH when rustup has none', async () => {
    const bin = join(scratch, 'path-bin');
    mkdirSync(bin);
    const onPath = executable(join(bin, 'rust-analyzer'), '#!/bin/sh\n');
    expect(await discoverCommand(rustAnalyzer(settings()), { PATH: bin }, noRustup)).toEqual({ kind: 'found', path: onPath });
  });

  it('does not take rustup\'s proxy for the program, and says how to install it', async () => {
    const bin = join(scratch, 'proxy-bin');
    mkdirSync(bin);
    executable(join(bin, 'rustup'), '#!/bin/sh\nexit 1\n');
    symlinkSync(join(bin, 'rustup'), join(bin, 'rust-analyzer'));
    const found = await discoverCommand(rustAnalyzer(settings()), { PATH: bin }, noRustup);
    expect(found).toEqual({
      kind: 'missing',
      message: 'rust-analyzer was not found (looked for "rust-analyzer"). Install it with `rustup component add rust-analyzer`, or set `rust-analyzer.server.path` to the program.',
    });
  });

  it('reports a configured path that does not exist', async () => {
    const found = await discoverCommand(rustAnalyzer(settings({ 'rust-analyzer.server.path': join(scratch, 'nowhere', 'rust-analyzer') })), { PATH: '' }, noRustup);
    expect(found.kind).toBe('missing');
    expect(found.kind === 'missing' && found.message).toContain(join(scratch, 'nowhere', 'rust-analyzer'));
  });
});

describe('the manager and rust-analyzer', () => {
  let root: string;
  let guard: PathGuard;

  beforeAll(async () => {
    root = join(scratch, 'crate');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'Cargo.toml'), '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n');
    writeFileSync(join(root, 'src', 'main.rs'), 'fn main() {}\n');
    guard = await PathGuard.create(root);
  });

  it('opens Rust files without a server when rust-analyzer is missing, and says why', async () => {
    const emptyBin = join(scratch, 'empty-bin');
    mkdirSync(emptyBin);
    const service = new LanguageService({ guard, trusted: true, settings: () => settings(), version: '0', logger: silentLogger, env: { PATH: emptyBin }, rustupWhich: noRustup });
    try {
      expect(await service.openDocument('src/main.rs', 'rust', 1, 'fn main() {}\n')).toEqual({ server: null });
      const status = service.statuses().find((server) => server.id === 'rust-analyzer');
      expect(status).toMatchObject({ state: 'missing', pid: null, features: null });
      expect(status?.message).toContain('rustup component add rust-analyzer');
      expect(service.log('rust-analyzer').recent().join('\n')).toContain('rust-analyzer was not found');
      await expect(service.hover('src/main.rs', { line: 1, column: 4 }, new AbortController().signal)).resolves.toBeNull();
    } finally {
      await service.dispose();
    }
  });

  it('launches it in the folder, with stdio, the folder as root and its configuration', async () => {
    const bin = join(scratch, 'fake-bin');
    mkdirSync(bin);
    executable(join(bin, 'rust-analyzer'), `#!/bin/sh\nexec "${process.execPath}" "${fakeServer}" "$@"\n`);
    const record = join(scratch, 'initialize.json');
    const service = new LanguageService({
      guard,
      trusted: true,
      settings: () => settings({ 'rust-analyzer.check.command': 'clippy' }),
      version: '0',
      logger: silentLogger,
      env: { PATH: bin, FAKE_LSP_RECORD: record },
      rustupWhich: noRustup,
    });
    try {
      expect(await service.openDocument('src/main.rs', 'rust', 1, 'fn main() {}\n')).toEqual({ server: 'rust-analyzer' });
      const started = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; cwd: string; params: Record<string, unknown> };
      expect(started.argv).toEqual([]);
      expect(started.cwd).toBe(guard.root);
      expect(started.params).toMatchObject({
        rootUri: pathToFileURL(guard.root).href,
        initializationOptions: { check: { command: 'clippy' } },
        capabilities: { general: { positionEncodings: ['utf-16'] } },
      });
      expect(service.statuses().find((server) => server.id === 'rust-analyzer')).toMatchObject({ state: 'running', command: join(bin, 'rust-analyzer') });
    } finally {
      await service.dispose();
    }
  });
});
