import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contract, type PluginEvent, type PluginRequest } from '../../../../src-shared/contract';
import { PluginSecrets } from '../../../../src-main/services/plugins/plugin-secrets';
import { installApproved, removeScratch, startPlugins, writePlugin, type PluginsHarness } from './plugins-harness';

let harness: PluginsHarness;
afterEach(() => removeScratch(harness));

/** Installs and approves `acme.<name>` with the given permissions. */
async function plugin(name: string, permissions: unknown[] = []): Promise<string> {
  const info = await installApproved(harness, writePlugin(join(harness.scratch, 'sources'), { name, permissions }));
  return info.id;
}

describe('permissions are checked in main', () => {
  let server: Server;
  let serverRequests = 0;
  let origin: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      serverRequests += 1;
      response.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()));
  beforeEach(async () => {
    harness = await startPlugins({ env: { PATH: dirname(process.execPath) } });
  });

  const marker = 'ran.txt';
  const cases: [string, () => PluginRequest, () => Promise<void>][] = [
    ['workspace.read', () => ({ method: 'workspace.readFile', params: { path: 'README.md' } }), async () => undefined],
    [
      'workspace.write',
      () => ({ method: 'workspace.writeFile', params: { path: 'README.md', content: 'overwritten' } }),
      async () => expect(readFileSync(join(harness.workspaceRoot, 'README.md'), 'utf8')).toBe('# demo\n'),
    ],
    ['terminal', () => ({ method: 'terminal.create', params: {} }), async () => expect(harness.terminalCalls).toEqual([])],
    [
      'process',
      () => ({ method: 'process.run', params: { command: 'node', args: ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`] } }),
      async () => expect(existsSync(join(harness.workspaceRoot, marker))).toBe(false),
    ],
    ['network', () => ({ method: 'network.fetch', params: { url: origin } }), async () => expect(serverRequests).toBe(0)],
    ['ai', () => ({ method: 'ai.chat', params: { messages: [{ role: 'user', content: 'hi' }] } }), async () => expect(harness.aiCalls).toEqual([])],
    [
      'secrets',
      () => ({ method: 'secrets.set', params: { key: 'token', value: 'x' } }),
      async () => expect(await harness.secretStore.get('plugin:acme.bare:token')).toBeUndefined(),
    ],
    ['clipboard', () => ({ method: 'clipboard.check', params: { access: 'read' } }), async () => undefined],
  ];

  it.each(cases)('refuses a call that needs "%s" to a plugin without it, and nothing happens', async (permission, request, nothingHappened) => {
    const bare = await plugin('bare', []);
    const call = request();
    await expect(harness.call(bare, call)).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: `The plugin acme.bare may not call ${call.method} without the permission "${permission}": it was not granted`,
      details: { plugin: 'acme.bare', permission, call: call.method },
    });
    await nothingHappened();
  });

  it('serves the same calls to a plugin that has every permission (so the refusals above are not vacuous)', async () => {
    const host = new URL(origin).host;
    const full = await plugin('full', ['workspace.read', 'workspace.write', 'terminal', { process: ['node'] }, { network: [host] }, 'ai', 'secrets', 'clipboard']);
    for (const [, request] of cases) await harness.call(full, request());
    expect(readFileSync(join(harness.workspaceRoot, 'README.md'), 'utf8')).toBe('overwritten');
    expect(existsSync(join(harness.workspaceRoot, marker))).toBe(true);
    expect(serverRequests).toBe(1);
    expect(harness.terminalCalls).toEqual(['create acme.full']);
    expect(harness.aiCalls).toEqual(['chat hi']);
    expect(await harness.secretStore.get('plugin:acme.full:token')).toBe('x');
  });

  it('refuses plugins that are unknown or not approved, before any work', async () => {
    await expect(harness.call('acme.nobody', { method: 'storage.keys', params: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await harness.service.install(writePlugin(join(harness.scratch, 'sources'), { name: 'pending', permissions: ['workspace.write'] }));
    await expect(harness.call('acme.pending', { method: 'storage.keys', params: {} })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { plugin: 'acme.pending', call: 'storage.keys' },
    });
  });
});

describe('process.run', () => {
  beforeEach(async () => {
    harness = await startPlugins({ env: { PATH: dirname(process.execPath), OPENAI_API_KEY: 'sk-secret', LATHE_SECRET_TOKEN: 'hidden', HOME: '/home/someone' } });
  });

  it('runs a declared program without a shell, in a workspace folder, with a filtered environment', async () => {
    const runner = await plugin('runner', [{ process: ['node'] }]);
    const script = 'console.log(JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(1), key: process.env.OPENAI_API_KEY ?? null, token: process.env.LATHE_SECRET_TOKEN ?? null, home: process.env.HOME }))';
    const result = (await harness.call(runner, { method: 'process.run', params: { command: 'node', args: ['-e', script, '$(whoami)', '; ls'], cwd: 'src' } })) as {
      stdout: string;
      exitCode: number;
    };
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ cwd: join(harness.workspaceRoot, 'src'), args: ['$(whoami)', '; ls'], key: null, token: null, home: '/home/someone' });
  });

  it('refuses a program the manifest does not declare', async () => {
    const runner = await plugin('runner', [{ process: ['node'] }]);
    await expect(harness.call(runner, { method: 'process.run', params: { command: 'git', args: ['status'] } })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: 'The plugin acme.runner may not call process.run without the permission "process: git": git is not one of the programs it declares (node)',
      details: { plugin: 'acme.runner', permission: 'process: git', call: 'process.run' },
    });
    expect(contract.plugins.call.input.safeParse({ plugin: runner, request: { method: 'process.run', params: { command: '/usr/bin/node' } } }).success).toBe(false);
  });

  it('stops a program at its timeout and at its output cap', async () => {
    const runner = await plugin('runner', [{ process: ['node'] }]);
    const slow = await harness.call(runner, { method: 'process.run', params: { command: 'node', args: ['-e', 'setTimeout(() => {}, 20000)'], timeoutMs: 300 } });
    expect(slow).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    const loud = await harness.call(runner, { method: 'process.run', params: { command: 'node', args: ['-e', "process.stdout.write('x'.repeat(200000)); setTimeout(() => {}, 20000)"], maxOutputBytes: 1000 } });
    expect(loud).toMatchObject({ truncated: true, stdout: 'x'.repeat(1000) });
  });

  it('says when a declared program is not installed, and keeps its folder inside the workspace', async () => {
    const runner = await plugin('runner', [{ process: ['node', 'no-such-tool-here'] }]);
    await expect(harness.call(runner, { method: 'process.run', params: { command: 'no-such-tool-here' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(harness.call(runner, { method: 'process.run', params: { command: 'node', args: ['-v'], cwd: '..' } })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(harness.call(runner, { method: 'process.run', params: { command: 'node', args: ['-v'], cwd: '/tmp' } })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });
});

describe('workspace access', () => {
  beforeEach(async () => {
    harness = await startPlugins();
  });

  it('goes through the path guard: ../, absolute paths and symlinks out are refused, nothing is written outside', async () => {
    const editor = await plugin('editor', ['workspace.read', 'workspace.write']);
    writeFileSync(join(harness.scratch, 'outside.txt'), 'private');
    symlinkSync(join(harness.scratch, 'outside.txt'), join(harness.workspaceRoot, 'link.txt'));
    const refused: PluginRequest[] = [
      { method: 'workspace.readFile', params: { path: '../outside.txt' } },
      { method: 'workspace.readFile', params: { path: join(harness.scratch, 'outside.txt') } },
      { method: 'workspace.readFile', params: { path: 'link.txt' } },
      { method: 'workspace.readDirectory', params: { path: '..' } },
      { method: 'workspace.writeFile', params: { path: '../escape.txt', content: 'x' } },
      { method: 'workspace.writeFile', params: { path: 'link.txt', content: 'x' } },
      { method: 'workspace.rename', params: { from: 'README.md', to: '../moved.md' } },
      { method: 'workspace.checkEdit', params: { paths: ['src/main.rs', '../outside.txt'] } },
    ];
    for (const request of refused) await expect(harness.call(editor, request), JSON.stringify(request)).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    expect(readFileSync(join(harness.scratch, 'outside.txt'), 'utf8')).toBe('private');
    expect(existsSync(join(harness.scratch, 'escape.txt'))).toBe(false);
    expect(existsSync(join(harness.scratch, 'moved.md'))).toBe(false);
    expect(await harness.call(editor, { method: 'workspace.checkEdit', params: { paths: ['./src//main.rs'] } })).toEqual({ paths: ['src/main.rs'] });
  });

  it('reads, writes, lists, finds and searches inside the workspace', async () => {
    const editor = await plugin('editor', ['workspace.read', 'workspace.write']);
    await harness.call(editor, { method: 'workspace.writeFile', params: { path: 'src/lib.rs', content: '// TODO: test\n' } });
    expect(await harness.call(editor, { method: 'workspace.readFile', params: { path: 'src/lib.rs' } })).toMatchObject({ content: '// TODO: test\n', encoding: 'utf8' });
    expect(await harness.call(editor, { method: 'workspace.findFiles', params: { include: '**/*.rs' } })).toEqual({ paths: expect.arrayContaining(['src/lib.rs', 'src/main.rs']), truncated: false });
    expect(((await harness.call(editor, { method: 'workspace.findFiles', params: { include: '**/*.rs', limit: 1 } })) as { truncated: boolean }).truncated).toBe(true);
    expect(await harness.call(editor, { method: 'workspace.textSearch', params: { query: 'TODO' } })).toMatchObject({ fileCount: 2, matchCount: 2, truncated: false });
    expect(((await harness.call(editor, { method: 'workspace.readDirectory', params: { path: 'src' } })) as { name: string }[]).map((entry) => entry.name)).toEqual(['lib.rs', 'main.rs']);
  });

  it('creates a folder with its missing parents, and an existing folder is no error', async () => {
    const editor = await plugin('editor', ['workspace.read', 'workspace.write']);
    await harness.call(editor, { method: 'workspace.createDirectory', params: { path: 'crates/parser/src' } });
    await harness.call(editor, { method: 'workspace.createDirectory', params: { path: 'crates/parser' } });
    expect(((await harness.call(editor, { method: 'workspace.readDirectory', params: { path: 'crates/parser' } })) as { name: string }[]).map((entry) => entry.name)).toEqual(['src']);
    await expect(harness.call(editor, { method: 'workspace.createDirectory', params: { path: '../outside/deep' } })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    expect(existsSync(join(harness.scratch, 'outside'))).toBe(false);
  });

  it('sends file changes only to plugins that watch and may read', async () => {
    const watcher = await plugin('watcher', ['workspace.read']);
    await plugin('quiet', ['workspace.read']);
    const blind = await plugin('blind', []);
    const received: { plugin: string; event: PluginEvent }[] = [];
    harness.service.onPluginEvent((payload) => received.push(payload));
    await harness.call(watcher, { method: 'workspace.watchFiles', params: {} });
    await expect(harness.call(blind, { method: 'workspace.watchFiles', params: {} })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });

    harness.fileChanges.fire([{ path: 'src/main.rs', kind: 'changed' }]);
    expect(received).toEqual([{ plugin: 'acme.watcher', event: { kind: 'workspace.didChangeFiles', changes: [{ path: 'src/main.rs', kind: 'changed' }] } }]);
    harness.service.setEnabled(watcher, false);
    harness.fileChanges.fire([{ path: 'README.md', kind: 'deleted' }]);
    expect(received).toHaveLength(1);
  });
});

describe('terminals', () => {
  beforeEach(async () => {
    harness = await startPlugins();
  });

  it('a plugin sees only the terminals it created, and hears when they close', async () => {
    const owner = await plugin('owner', ['terminal']);
    const other = await plugin('other', ['terminal']);
    const events: { plugin: string; event: PluginEvent }[] = [];
    harness.service.onPluginEvent((payload) => events.push(payload));
    const { terminalId } = (await harness.call(owner, { method: 'terminal.create', params: { name: 'Build', cwd: 'src' } })) as { terminalId: string };
    await harness.call(owner, { method: 'terminal.sendText', params: { terminalId, text: 'cargo build' } });
    expect(await harness.call(owner, { method: 'terminal.readOutput', params: { terminalId } })).toEqual({ text: 'cargo build\r' });
    await expect(harness.call(other, { method: 'terminal.sendText', params: { terminalId, text: 'rm -rf ~' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(harness.call(other, { method: 'terminal.dispose', params: { terminalId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(harness.call(owner, { method: 'terminal.create', params: { cwd: '../..' } })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await harness.call(owner, { method: 'terminal.dispose', params: { terminalId } });
    expect(harness.terminalCalls).toEqual(['create Build', `write ${terminalId} cargo build\r`, `kill ${terminalId}`]);
    expect(events).toEqual([{ plugin: owner, event: { kind: 'terminal.didClose', terminalId } }]);
  });
});

describe('storage and secrets belong to one plugin', () => {
  beforeEach(async () => {
    harness = await startPlugins();
  });

  it('keeps each plugin’s storage apart, per scope', async () => {
    const a = await plugin('a');
    const b = await plugin('b');
    await harness.call(a, { method: 'storage.set', params: { key: 'shared', value: { from: 'a' } } });
    await harness.call(a, { method: 'storage.set', params: { key: 'acme.b/shared', value: 'still a' } });
    expect(await harness.call(b, { method: 'storage.get', params: { key: 'shared' } })).toBeNull();
    expect(await harness.call(b, { method: 'storage.keys', params: {} })).toEqual([]);
    await harness.call(b, { method: 'storage.set', params: { key: 'shared', value: ['b'] } });
    await harness.call(b, { method: 'storage.set', params: { key: 'shared', scope: 'workspace', value: 'b in this folder' } });

    expect(await harness.call(a, { method: 'storage.get', params: { key: 'shared' } })).toEqual({ from: 'a' });
    expect(await harness.call(a, { method: 'storage.keys', params: {} })).toEqual(['acme.b/shared', 'shared']);
    expect(await harness.call(b, { method: 'storage.get', params: { key: 'shared' } })).toEqual(['b']);
    expect(await harness.call(b, { method: 'storage.get', params: { key: 'shared', scope: 'workspace' } })).toBe('b in this folder');
    await harness.call(a, { method: 'storage.delete', params: { key: 'shared' } });
    expect(await harness.call(b, { method: 'storage.get', params: { key: 'shared' } })).toEqual(['b']);
    await expect(harness.call(a, { method: 'storage.set', params: { key: 'big', value: 'x'.repeat(1024 * 1024) } })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('keeps each plugin’s secrets in its own namespace, away from the IDE’s own', async () => {
    const a = await plugin('a', ['secrets']);
    const b = await plugin('b', ['secrets']);
    await harness.secretStore.set('openai.apiKey', 'sk-ide');
    await harness.call(a, { method: 'secrets.set', params: { key: 'token', value: 'from-a' } });
    expect(await harness.call(b, { method: 'secrets.get', params: { key: 'token' } })).toBeNull();
    await harness.call(b, { method: 'secrets.set', params: { key: 'token', value: 'from-b' } });
    expect(await harness.call(a, { method: 'secrets.get', params: { key: 'token' } })).toBe('from-a');
    expect(await harness.call(a, { method: 'secrets.get', params: { key: 'openai.apiKey' } })).toBeNull();
    await harness.call(b, { method: 'secrets.delete', params: { key: 'token' } });
    expect(await harness.call(a, { method: 'secrets.get', params: { key: 'token' } })).toBe('from-a');
    expect(await harness.secretStore.get('plugin:acme.a:token')).toBe('from-a');
    expect(await harness.secretStore.get('openai.apiKey')).toBe('sk-ide');

    // A key cannot name another namespace: the schema refuses it, and so does the store behind it.
    for (const key of ['acme.b:token', '../token', 'plugin:acme.b:token']) {
      expect(contract.plugins.call.input.safeParse({ plugin: a, request: { method: 'secrets.get', params: { key } } }).success, key).toBe(false);
    }
    await expect(new PluginSecrets(harness.secretStore, harness.db).get(a, 'x:token')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
