import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { create } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type PluginInfo } from '../../../../src-shared/contract';
import { packPlugin } from '../../../../src-main/services/plugins/archive';
import { filesUnder, installApproved, removeScratch, startPlugins, writePlugin, type PluginsHarness } from './plugins-harness';

const repositoryRoot = join(import.meta.dirname, '..', '..', '..', '..');
const run = promisify(execFile);

let harness: PluginsHarness;
beforeEach(async () => {
  harness = await startPlugins();
});
afterEach(() => removeScratch(harness));

const readme = { path: 'README.md' };

describe('installing plugins', () => {
  it('installs from a folder: copies its files (not node_modules), and runs nothing until approved', async () => {
    const folder = writePlugin(harness.scratch, { name: 'hello', permissions: ['workspace.read'], contributes: { commands: [{ command: 'hello.say', title: 'Say hello' }] } });
    mkdirSync(join(folder, 'node_modules', 'left-pad'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'left-pad', 'index.js'), '');
    const changes: PluginInfo[][] = [];
    harness.service.onDidChangePlugins(({ plugins }) => changes.push(plugins));

    const { plugin, permissionsToApprove } = await harness.service.install(folder);
    expect(plugin).toMatchObject({ id: 'acme.hello', source: 'user', enabled: true, state: 'needs-approval', activationEvents: ['onCommand:hello.say'], errors: [] });
    expect(permissionsToApprove).toEqual({ flags: ['workspace.read'], process: [], network: [] });
    expect(filesUnder(join(harness.userFolder, 'acme.hello'))).toEqual(['dist/extension.js', 'package.json']);
    await expect(harness.service.code('acme.hello')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(harness.call('acme.hello', { method: 'workspace.readFile', params: readme })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });

    expect(harness.service.approve('acme.hello', plugin.requestedPermissions).state).toBe('ready');
    expect(await harness.service.code('acme.hello')).toEqual({ text: "export function activate() { return 'hello'; }\n" });
    expect(await harness.call('acme.hello', { method: 'workspace.readFile', params: readme })).toMatchObject({ content: '# demo\n' });
    expect(changes.map((plugins) => plugins.map((entry) => entry.state))).toEqual([['needs-approval'], ['ready']]);
  });

  it('installs from a packed archive with the same files', async () => {
    const folder = writePlugin(harness.scratch, { name: 'packed', permissions: ['ai'] });
    mkdirSync(join(folder, 'media'));
    writeFileSync(join(folder, 'media', 'icon.svg'), '<svg/>');
    const archive = join(harness.scratch, 'acme.packed-1.0.0.lathe-plugin');
    await packPlugin(folder, archive);

    const { plugin } = await harness.service.install(archive);
    expect(plugin).toMatchObject({ id: 'acme.packed', state: 'needs-approval', requestedPermissions: { flags: ['ai'] } });
    expect(filesUnder(join(harness.userFolder, 'acme.packed'))).toEqual(['dist/extension.js', 'media/icon.svg', 'package.json']);
    expect(readFileSync(join(harness.userFolder, 'acme.packed', 'media', 'icon.svg'), 'utf8')).toBe('<svg/>');
    harness.service.approve(plugin.id, plugin.requestedPermissions);
    expect(await harness.service.code('acme.packed')).toEqual({ text: "export function activate() { return 'packed'; }\n" });
  });

  describe('refuses an archive that reaches outside, and writes nothing anywhere', () => {
    let source: string;
    let before: string[];
    beforeEach(() => {
      source = writePlugin(join(harness.scratch, 'sources'), { name: 'evil' });
    });

    const attempt = async (entries: string[], reason: string, preparation: () => void = () => undefined): Promise<void> => {
      const archive = join(harness.scratch, 'evil.lathe-plugin');
      await create({ gzip: true, cwd: source, file: archive, preservePaths: true }, ['package.json', 'dist/extension.js', ...entries]);
      preparation();
      before = filesUnder(harness.scratch);
      await expect(harness.service.install(archive)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(`The archive was refused: ${reason}`) });
      expect(filesUnder(harness.scratch)).toEqual(before);
      expect(harness.service.list()).toEqual([]);
    };

    it('with a ../ entry', async () => {
      writeFileSync(join(harness.scratch, 'sources', 'escaped.txt'), 'x');
      await attempt(['../escaped.txt'], '"../escaped.txt" leaves the plugin folder', () => rmSync(join(harness.scratch, 'sources', 'escaped.txt')));
      expect(existsSync(join(harness.userFolder, '.staging', 'escaped.txt'))).toBe(false);
      expect(existsSync(join(harness.userFolder, 'escaped.txt'))).toBe(false);
    });

    it('with an absolute entry', async () => {
      const target = join(harness.scratch, 'absolute', 'owned.txt');
      mkdirSync(join(harness.scratch, 'absolute'));
      writeFileSync(target, 'x');
      await attempt([target], `${JSON.stringify(target)} is an absolute path`, () => rmSync(target));
      expect(existsSync(target)).toBe(false);
    });

    it('with a symbolic link entry', async () => {
      symlinkSync(harness.workspaceRoot, join(source, 'link'));
      await attempt(['link'], '"link" is a SymbolicLink entry (only files and folders are accepted)');
    });
  });

  it('refuses a folder holding a symbolic link', async () => {
    const folder = writePlugin(harness.scratch, { name: 'linked' });
    symlinkSync('/etc/passwd', join(folder, 'dist', 'passwd'));
    await expect(harness.service.install(folder)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('dist/passwd') });
    expect(harness.service.list()).toEqual([]);
  });

  it('refuses a plugin whose manifest is invalid, naming the field', async () => {
    const folder = writePlugin(harness.scratch, { name: 'Bad Name' }, 'bad');
    await expect(harness.service.install(folder)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: "The plugin's package.json is not valid: name: lower-case letters, digits and dashes, starting with a letter or digit",
    });
  });
});

describe('approvals', () => {
  it('asks again when an update wants more, and only for what is new', async () => {
    const v1 = writePlugin(join(harness.scratch, 'v1'), { name: 'grow', version: '1.0.0', permissions: ['workspace.read'] });
    await installApproved(harness, v1);

    const v2 = writePlugin(join(harness.scratch, 'v2'), { name: 'grow', version: '2.0.0', permissions: ['workspace.read', { network: ['crates.io'] }, 'clipboard'] });
    const update = await harness.service.install(v2);
    expect(update.plugin).toMatchObject({ state: 'needs-approval', manifest: { version: '2.0.0' }, grantedPermissions: { flags: ['workspace.read'] } });
    expect(update.permissionsToApprove).toEqual({ flags: ['clipboard'], process: [], network: ['crates.io'] });
    // Until the user approves again, the update runs nothing, not even what was granted before.
    await expect(harness.call('acme.grow', { method: 'workspace.readFile', params: readme })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(harness.service.code('acme.grow')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    // What the user saw for v1 does not approve v2.
    expect(() => harness.service.approve('acme.grow', { flags: ['workspace.read'], process: [], network: [] })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    expect(harness.service.approve('acme.grow', update.plugin.requestedPermissions).state).toBe('ready');
    expect(await harness.service.code('acme.grow')).toEqual({ text: "export function activate() { return 'grow'; }\n" });

    const v3 = writePlugin(join(harness.scratch, 'v3'), { name: 'grow', version: '3.0.0', permissions: ['clipboard', { network: ['crates.io'] }] });
    const same = await harness.service.install(v3);
    expect(same.plugin.state).toBe('ready');
    expect(same.permissionsToApprove).toEqual({ flags: [], process: [], network: [] });
    // v3 dropped workspace.read: the old grant does not keep it.
    await expect(harness.call('acme.grow', { method: 'workspace.readFile', params: readme })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('keeps approvals and enabled state across restarts; a disabled plugin is refused', async () => {
    await installApproved(harness, writePlugin(harness.scratch, { name: 'kept', permissions: ['workspace.read'] }));
    expect(harness.service.setEnabled('acme.kept', false)).toMatchObject({ enabled: false, state: 'disabled' });
    await expect(harness.call('acme.kept', { method: 'workspace.readFile', params: readme })).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('disabled') });

    const restarted = await harness.restart();
    expect(restarted.list()).toMatchObject([{ id: 'acme.kept', enabled: false, state: 'disabled', grantedPermissions: { flags: ['workspace.read'] } }]);
    expect(restarted.setEnabled('acme.kept', true).state).toBe('ready');
    restarted.dispose();
  });

  it('forgets everything of an uninstalled plugin: files, approval, storage, secrets', async () => {
    await installApproved(harness, writePlugin(harness.scratch, { name: 'gone', permissions: ['secrets'] }));
    await harness.call('acme.gone', { method: 'storage.set', params: { key: 'k', value: 1 } });
    await harness.call('acme.gone', { method: 'secrets.set', params: { key: 'token', value: 's3cret' } });
    expect(await harness.secretStore.get('plugin:acme.gone:token')).toBe('s3cret');

    await harness.service.uninstall('acme.gone');
    expect(existsSync(join(harness.userFolder, 'acme.gone'))).toBe(false);
    expect(harness.service.list()).toEqual([]);
    expect(await harness.secretStore.get('plugin:acme.gone:token')).toBeUndefined();
    expect(harness.db.prepare('SELECT count(*) AS n FROM plugin_storage').get()).toEqual({ n: 0 });

    const { plugin } = await harness.service.install(writePlugin(join(harness.scratch, 'again'), { name: 'gone', permissions: ['secrets'] }));
    expect(plugin.state).toBe('needs-approval');
  });
});

describe('built-in and listed plugins', () => {
  it('finds built-in plugins in the app folder, lists broken ones with their error, and skips api and template', async () => {
    const builtins = join(harness.scratch, 'app-plugins');
    writePlugin(builtins, { name: 'api', publisher: 'lathe' });
    writePlugin(builtins, { name: 'template', publisher: 'lathe' });
    writePlugin(builtins, { name: 'todo-tree', publisher: 'lathe', permissions: ['workspace.read'] });
    mkdirSync(join(builtins, 'broken'));
    writeFileSync(join(builtins, 'broken', 'package.json'), '{ "name": ');
    mkdirSync(join(builtins, 'no-manifest'));
    const service = await harness.restart({ builtinFolder: builtins });

    expect(service.list()).toMatchObject([
      { id: 'broken', source: 'builtin', state: 'invalid', manifest: null, errors: [expect.stringMatching(/^package\.json: not valid JSON/)] },
      { id: 'lathe.todo-tree', source: 'builtin', state: 'ready', grantedPermissions: { flags: ['workspace.read'] } },
    ]);
    expect(contract.plugins.list.output.parse(service.list())).toEqual(service.list());
    expect((await service.code('lathe.todo-tree')).text).toContain("'todo-tree'");
    await expect(service.uninstall('lathe.todo-tree')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(service.install(writePlugin(join(harness.scratch, 'copy'), { name: 'todo-tree', publisher: 'lathe' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(service.setEnabled('lathe.todo-tree', false).state).toBe('disabled');
    service.dispose();
  });

  it('lists a user plugin whose files went bad with the error instead of failing', async () => {
    await installApproved(harness, writePlugin(harness.scratch, { name: 'fragile' }));
    rmSync(join(harness.userFolder, 'acme.fragile', 'dist', 'extension.js'));
    expect(await harness.service.reload('acme.fragile')).toMatchObject({ state: 'invalid', errors: ['main: "dist/extension.js" is not a file of the plugin'] });
    writeFileSync(join(harness.userFolder, 'acme.fragile', 'package.json'), '[]');
    expect(await harness.service.reload('acme.fragile')).toMatchObject({ state: 'invalid', errors: [expect.stringMatching(/^\(package\.json\): /)] });
  });
});

describe('lathe plugin pack', () => {
  it('validates the manifest and writes <publisher.name>-<version>.lathe-plugin, which installs', async () => {
    const folder = writePlugin(harness.scratch, { name: 'cli-made', version: '0.3.1', permissions: ['clipboard'] });
    const out = join(harness.scratch, 'out');
    mkdirSync(out);
    const { stdout } = await run(process.execPath, [join(repositoryRoot, 'build', 'lathe.mjs'), 'plugin', 'pack', folder, '--out', out]);
    const archive = join(out, 'acme.cli-made-0.3.1.lathe-plugin');
    expect(stdout.trim()).toBe(archive);
    const { plugin } = await harness.service.install(archive);
    expect(plugin).toMatchObject({ id: 'acme.cli-made', manifest: { version: '0.3.1' }, requestedPermissions: { flags: ['clipboard'] } });
  });

  it('refuses an invalid manifest with the field named, writing nothing', async () => {
    const folder = writePlugin(harness.scratch, { name: 'broken', version: 'one' });
    const failure = await run(process.execPath, [join(repositoryRoot, 'build', 'lathe.mjs'), 'plugin', 'pack', folder], { cwd: harness.scratch }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('version: a semver version such as "1.2.3"') });
    expect(filesUnder(harness.scratch).filter((file) => file.endsWith('.lathe-plugin'))).toEqual([]);
  });
});
