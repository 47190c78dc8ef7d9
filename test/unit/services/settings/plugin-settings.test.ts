import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginInfo, SettingsSnapshot } from '../../../../src-shared/contract';
import { parseManifest } from '../../../../src-shared/plugins/manifest';
import { SettingsService, type InstalledPlugins } from '../../../../src-main/services/settings';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Installed = Pick<PluginInfo, 'id' | 'manifest'>;

function plugin(name: string, title: string, properties: Record<string, unknown>): Installed {
  const result = parseManifest({
    name,
    publisher: 'acme',
    version: '1.0.0',
    engines: { lathe: '^1.0.0' },
    main: 'dist/extension.js',
    contributes: { configuration: { title, properties } },
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return { id: `acme.${name}`, manifest: result.manifest };
}

const wordCount = plugin('word-count', 'Word Count', {
  'word-count.wordsPerMinute': { type: 'integer', default: 200, minimum: 1, maximum: 2000 },
  'word-count.unit': { type: 'string', enum: ['words', 'characters'], default: 'words' },
  'word-count.telemetryHost': { type: 'string', default: '', scope: 'application' },
});

/** A plugin list that can change, as the plugins service's does on install and uninstall. */
function installedPlugins(initial: Installed[]): InstalledPlugins & { set(plugins: Installed[]): void } {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    list: () => current,
    onDidChangePlugins: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    set(plugins) {
      current = plugins;
      for (const listener of listeners) listener();
    },
  };
}

async function setup(files: { user?: string; workspace?: string }, plugins: InstalledPlugins) {
  const root = await mkdtemp(join(tmpdir(), 'lathe-plugin-settings-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const userFile = join(root, 'settings.json');
  const workspaceFile = join(root, 'workspace', '.lathe', 'settings.json');
  await mkdir(join(root, 'workspace', '.lathe'), { recursive: true });
  if (files.user !== undefined) await writeFile(userFile, files.user);
  if (files.workspace !== undefined) await writeFile(workspaceFile, files.workspace);
  const service = new SettingsService({ userFile, workspaceFile, plugins, logger });
  cleanups.push(() => service.dispose());
  await service.start();
  return { service, userFile, workspaceFile };
}

function nextChange(service: SettingsService, accept: (snapshot: SettingsSnapshot) => boolean): Promise<SettingsSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching settings change within 5 s')), 5000);
    const subscription = service.onChanged((snapshot) => {
      if (!accept(snapshot)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(snapshot);
    });
  });
}

describe('SettingsService: settings contributed by plugins', () => {
  it('lists each plugin as a group and layers its values over the manifest defaults', async () => {
    const { service } = await setup(
      { user: '{ "word-count.wordsPerMinute": 250, "word-count.unit": "characters" }', workspace: '{ "word-count.wordsPerMinute": 300 }' },
      installedPlugins([wordCount]),
    );
    const { plugins, issues } = service.snapshot();
    expect(issues).toEqual([]);
    expect(plugins.groups).toEqual([{ plugin: 'acme.word-count', title: 'Word Count', properties: wordCount.manifest?.contributes.configuration?.properties }]);
    expect(plugins.values).toEqual({ 'word-count.wordsPerMinute': 300, 'word-count.unit': 'characters', 'word-count.telemetryHost': '' });
    expect(plugins.layers).toEqual({ user: { 'word-count.wordsPerMinute': 250, 'word-count.unit': 'characters' }, workspace: { 'word-count.wordsPerMinute': 300 } });
    // Built-in values and layers hold built-in keys only.
    expect(service.snapshot().layers).toEqual({ user: {}, workspace: {} });
  });

  it('reports a value of the wrong type in its file and uses the default', async () => {
    const { service, userFile } = await setup({ user: '{\n  "word-count.wordsPerMinute": "fast"\n}' }, installedPlugins([wordCount]));
    expect(service.snapshot().plugins.values['word-count.wordsPerMinute']).toBe(200);
    expect(service.snapshot().issues).toEqual([
      { file: userFile, target: 'user', line: 2, column: 32, key: 'word-count.wordsPerMinute', message: expect.stringMatching(/^word-count\.wordsPerMinute: .*number/) },
    ]);
  });

  it('checks enum, minimum, maximum and integer', async () => {
    const { service } = await setup(
      { user: '{ "word-count.unit": "pages", "word-count.wordsPerMinute": 0 }', workspace: '{ "word-count.wordsPerMinute": 2.5 }' },
      installedPlugins([wordCount]),
    );
    expect(service.snapshot().plugins.values).toMatchObject({ 'word-count.unit': 'words', 'word-count.wordsPerMinute': 200 });
    expect(service.snapshot().issues.map((issue) => [issue.target, issue.key])).toEqual([
      ['user', 'word-count.unit'],
      ['user', 'word-count.wordsPerMinute'],
      ['workspace', 'word-count.wordsPerMinute'],
    ]);
  });

  it('keeps an application-scope setting out of workspace settings', async () => {
    const { service } = await setup({ workspace: '{ "word-count.telemetryHost": "example.com" }' }, installedPlugins([wordCount]));
    expect(service.snapshot().plugins.values['word-count.telemetryHost']).toBe('');
    expect(service.snapshot().issues).toEqual([expect.objectContaining({ key: 'word-count.telemetryHost', message: '"word-count.telemetryHost" can only be set in user settings' })]);
    await expect(service.update({ key: 'word-count.telemetryHost', value: 'example.com', target: 'workspace' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('treats a key of a plugin that is not installed as unknown, as before', async () => {
    const { service } = await setup({ user: '{ "todo-tree.tags": ["TODO"] }' }, installedPlugins([wordCount]));
    expect(service.snapshot().plugins.values).not.toHaveProperty('todo-tree.tags');
    expect(service.snapshot().issues).toEqual([expect.objectContaining({ key: 'todo-tree.tags', message: 'Unknown setting "todo-tree.tags"' })]);
    await expect(service.update({ key: 'todo-tree.tags', value: ['TODO'], target: 'user' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Unknown setting "todo-tree.tags"' });
  });

  it('writes a valid value to the file and refuses one the manifest does not allow', async () => {
    const { service, userFile } = await setup({ user: '{\n  // mine\n}\n' }, installedPlugins([wordCount]));
    await service.update({ key: 'word-count.wordsPerMinute', value: 120, target: 'user' });
    expect(service.snapshot().plugins.values['word-count.wordsPerMinute']).toBe(120);
    expect(await readFile(userFile, 'utf8')).toContain('// mine');
    await expect(service.update({ key: 'word-count.wordsPerMinute', value: 5000, target: 'user' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(service.update({ key: 'word-count.unit', value: 'pages', target: 'user' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(service.snapshot().plugins.values['word-count.wordsPerMinute']).toBe(120);
  });

  it('checks the files again when a plugin is installed or uninstalled', async () => {
    const plugins = installedPlugins([]);
    const { service } = await setup({ user: '{ "word-count.wordsPerMinute": 250 }' }, plugins);
    expect(service.snapshot().issues).toEqual([expect.objectContaining({ message: 'Unknown setting "word-count.wordsPerMinute"' })]);

    const installed = nextChange(service, (snapshot) => snapshot.plugins.groups.length === 1);
    plugins.set([wordCount]);
    const afterInstall = await installed;
    expect(afterInstall.issues).toEqual([]);
    expect(afterInstall.plugins.values['word-count.wordsPerMinute']).toBe(250);

    const uninstalled = nextChange(service, (snapshot) => snapshot.plugins.groups.length === 0);
    plugins.set([]);
    const afterUninstall = await uninstalled;
    expect(afterUninstall.plugins.values).toEqual({});
    expect(afterUninstall.issues).toEqual([expect.objectContaining({ message: 'Unknown setting "word-count.wordsPerMinute"' })]);
  });

  it('gives a key two plugins of the same name declare to the first listed', async () => {
    const other = { ...plugin('word-count', 'Other Word Count', { 'word-count.wordsPerMinute': { type: 'string', default: 'slow' } }), id: 'other.word-count' };
    const { service } = await setup({ user: '{ "word-count.wordsPerMinute": 90 }' }, installedPlugins([wordCount, other]));
    expect(service.snapshot().issues).toEqual([]);
    expect(service.snapshot().plugins.values['word-count.wordsPerMinute']).toBe(90);
    expect(service.snapshot().plugins.groups.map((group) => group.plugin)).toEqual(['acme.word-count']);
  });
});
