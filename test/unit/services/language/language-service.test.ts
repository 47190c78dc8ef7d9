import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, LanguageServerStatus } from '../../../../src-shared/contract';
import { LanguageService, type LanguageServiceOptions, type LanguageSettings } from '../../../../src-main/services/language';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const typescriptServer = join(repoRoot, 'node_modules', '.bin', 'typescript-language-server');
const fixture = join(repoRoot, 'test', 'fixtures', 'typescript-project');

function languageSettings(servers: LanguageSettings['languageServers.servers'] = []): LanguageSettings {
  return { 'languageServers.servers': servers, 'languageServers.trace': 'off', 'rust-analyzer.server.path': '', 'rust-analyzer.check.command': 'check' };
}

const typescriptSettings = languageSettings([{ id: 'typescript-language-server', command: typescriptServer, enabled: true }]);

let root: string;
let guard: PathGuard;
const never = new AbortController().signal;

async function makeService(extra: Partial<LanguageServiceOptions> = {}): Promise<LanguageService> {
  return new LanguageService({ guard, trusted: true, settings: () => typescriptSettings, version: '0.0.0-test', logger: silentLogger, ...extra });
}

function fixtureText(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Resolves with the diagnostics of the first publication for `path` that satisfies `accept`. */
function nextDiagnostics(service: LanguageService, path: string, accept: (diagnostics: Diagnostic[]) => boolean = (list) => list.length > 0): Promise<Diagnostic[]> {
  return new Promise((resolve) => {
    const subscription = service.onDidPublishDiagnostics((event) => {
      if (event.path !== path || !accept(event.diagnostics)) return;
      subscription.dispose();
      resolve(event.diagnostics);
    });
  });
}

function statusOf(service: LanguageService, id: string): LanguageServerStatus {
  const status = service.statuses().find((candidate) => candidate.id === id);
  if (!status) throw new Error(`no status for ${id}`);
  return status;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(read: () => T, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'lathe-language-')), 'project');
  cpSync(fixture, root, { recursive: true });
  guard = await PathGuard.create(root);
});

describe('the language-server manager with typescript-language-server', () => {
  let service: LanguageService;

  beforeAll(async () => {
    service = await makeService();
  });

  afterAll(async () => {
    await service.dispose();
  });

  it('starts the server for a TypeScript file and reports its type error with the range', async () => {
    const published = nextDiagnostics(service, 'src/main.ts');
    const opened = await service.openDocument('src/main.ts', 'typescript', 1, fixtureText('src/main.ts'));
    expect(opened.server).toBe('typescript-language-server');
    const status = statusOf(service, 'typescript-language-server');
    expect(status).toMatchObject({ state: 'running', restarts: 0 });
    expect(status.features).toMatchObject({ hover: true, definition: true, references: true, formatting: true, rename: { prepare: true } });
    const [diagnostic] = await published;
    expect(diagnostic).toMatchObject({
      severity: 'error',
      source: 'typescript',
      code: '2322',
      range: { start: { line: 4, column: 7 }, end: { line: 4, column: 12 } },
    });
    expect(diagnostic?.message).toMatch(/number.*not assignable.*string/);
  });

  it('clears the diagnostic after an incremental edit fixes it', async () => {
    const cleared = nextDiagnostics(service, 'src/main.ts', (list) => list.length === 0);
    // `const label: string = total;` → `const label: number = total;`
    service.changeDocument('src/main.ts', 2, [{ range: { start: { line: 4, column: 14 }, end: { line: 4, column: 20 } }, text: 'number' }]);
    expect(await cleared).toEqual([]);
  });

  it('completes members, and resolves an item for its documentation', async () => {
    await service.openDocument('src/math.ts', 'typescript', 1, fixtureText('src/math.ts'));
    // Typing `total.to` on a new last line.
    service.changeDocument('src/main.ts', 3, [{ range: { start: { line: 6, column: 1 }, end: { line: 6, column: 1 } }, text: 'total.to' }]);
    const list = await service.completion('src/main.ts', { line: 6, column: 9 }, undefined, false, never);
    const toFixed = list.items.find((item) => item.label === 'toFixed');
    expect(toFixed).toMatchObject({ kind: 'method' });
    const resolved = await service.resolveCompletion('src/main.ts', toFixed?.id ?? -1, never);
    expect(resolved.documentation ?? resolved.detail).toMatch(/fixed-point|toFixed/);
    service.changeDocument('src/main.ts', 4, [{ range: { start: { line: 6, column: 1 }, end: { line: 6, column: 9 } }, text: '' }]);
  });

  it('hovers with the declaration and its comment as markdown', async () => {
    const hover = await service.hover('src/main.ts', { line: 3, column: 23 }, never);
    expect(hover?.markdown).toContain('```typescript\n(alias) add(left: number, right: number): number');
    expect(hover?.markdown).toContain('Adds two numbers.');
    expect(hover?.range).toEqual({ start: { line: 3, column: 23 }, end: { line: 3, column: 26 } });
  });

  it('goes to the definition in another file', async () => {
    const locations = await service.locations('src/main.ts', { line: 3, column: 23 }, 'definition', true, never);
    expect(locations).toEqual([{ path: 'src/math.ts', range: { start: { line: 2, column: 17 }, end: { line: 2, column: 20 } } }]);
  });

  it('renames across files: the declaration, the import and the call', async () => {
    const prepared = await service.prepareRename('src/math.ts', { line: 2, column: 18 }, never);
    expect(prepared).toEqual({ range: { start: { line: 2, column: 17 }, end: { line: 2, column: 20 } }, placeholder: 'add' });
    const edit = await service.rename('src/math.ts', { line: 2, column: 18 }, 'sum', never);
    expect(edit.files).toEqual([
      { path: 'src/math.ts', edits: [{ range: { start: { line: 2, column: 17 }, end: { line: 2, column: 20 } }, newText: 'sum' }] },
      {
        path: 'src/main.ts',
        edits: [
          { range: { start: { line: 1, column: 10 }, end: { line: 1, column: 13 } }, newText: 'sum' },
          { range: { start: { line: 3, column: 23 }, end: { line: 3, column: 26 } }, newText: 'sum' },
        ],
      },
    ]);
  });

  it('formats a file into edits', async () => {
    const text = fixtureText('src/unformatted.ts');
    await service.openDocument('src/unformatted.ts', 'typescript', 1, text);
    const edits = await service.format('src/unformatted.ts', undefined, { tabSize: 2, insertSpaces: true }, never);
    expect(edits.length).toBeGreaterThan(0);
    let formatted = text;
    // Applied from the end so earlier offsets stay valid (the file is a single line).
    for (const edit of [...edits].sort((a, b) => b.range.start.column - a.range.start.column)) {
      if (edit.range.start.line !== 1 || edit.range.end.line !== 1) continue;
      formatted = formatted.slice(0, edit.range.start.column - 1) + edit.newText + formatted.slice(edit.range.end.column - 1);
    }
    expect(formatted.split('\n')[0]).toBe("export const settings = { name: 'lathe', size: 2 }");
  });

  it('lists document symbols and finds workspace symbols', async () => {
    const symbols = await service.documentSymbols('src/math.ts', never);
    expect(symbols).toMatchObject([{ name: 'add', kind: 'function' }]);
    const found = await service.workspaceSymbols('add', never);
    expect(found.some((symbol) => symbol.name === 'add' && symbol.location.path === 'src/math.ts')).toBe(true);
  });

  it('restarts a killed server with backoff and gives it its files again', async () => {
    const before = statusOf(service, 'typescript-language-server');
    expect(before.pid).toBeGreaterThan(0);
    const republished = nextDiagnostics(service, 'src/main.ts', () => true);
    process.kill(before.pid ?? 0, 'SIGKILL');
    const restarted = await waitFor(
      () => statusOf(service, 'typescript-language-server'),
      (status) => status.state === 'running' && status.pid !== before.pid,
    );
    expect(restarted.restarts).toBe(1);
    await republished;
    const hover = await service.hover('src/main.ts', { line: 3, column: 23 }, never);
    expect(hover?.markdown).toContain('add(left: number, right: number)');
  });
});

describe('a server that keeps crashing', () => {
  it('is given up on with a message that says what to do', async () => {
    const service = await makeService({ crashPolicy: { maxCrashes: 2, windowMs: 60_000, baseDelayMs: 50, maxDelayMs: 50 } });
    try {
      await service.openDocument('src/math.ts', 'typescript', 1, fixtureText('src/math.ts'));
      for (let crash = 0; crash < 2; crash++) {
        const running = await waitFor(() => statusOf(service, 'typescript-language-server'), (status) => status.state === 'running' && status.pid !== null);
        process.kill(running.pid ?? 0, 'SIGKILL');
        await waitFor(() => statusOf(service, 'typescript-language-server'), (status) => status.pid !== running.pid);
      }
      const failed = await waitFor(() => statusOf(service, 'typescript-language-server'), (status) => status.state === 'failed');
      expect(failed.message).toMatch(/stopped unexpectedly 2 times.*will not be restarted.*Restart Language Server/);
      await expect(service.hover('src/math.ts', { line: 2, column: 17 }, never)).resolves.toBeNull();

      // A restart by hand starts it again.
      await service.restartServer('typescript-language-server');
      expect(statusOf(service, 'typescript-language-server')).toMatchObject({ state: 'running', restarts: 0, message: null });
    } finally {
      await service.dispose();
    }
  });

  it('stops a server once no file needs it', async () => {
    const service = await makeService({ idleStopMs: 50 });
    try {
      await service.openDocument('src/math.ts', 'typescript', 1, fixtureText('src/math.ts'));
      const { pid } = statusOf(service, 'typescript-language-server');
      service.closeDocument('src/math.ts');
      await waitFor(() => statusOf(service, 'typescript-language-server').state, (state) => state === 'stopped');
      await waitFor(() => isAlive(pid ?? 0), (alive) => !alive);
    } finally {
      await service.dispose();
    }
  });
});

describe('an untrusted folder', () => {
  it('runs no server', async () => {
    const service = await makeService({ trusted: false });
    try {
      expect(await service.openDocument('src/math.ts', 'typescript', 1, fixtureText('src/math.ts'))).toEqual({ server: null });
      expect(statusOf(service, 'typescript-language-server')).toMatchObject({ state: 'disabled', message: 'Language servers run only in a trusted folder.' });
    } finally {
      await service.dispose();
    }
  });
});
