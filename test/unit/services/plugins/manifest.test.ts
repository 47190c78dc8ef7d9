import { afterEach, describe, expect, it } from 'vitest';
import { LATHE_API_VERSION } from '../../../../src-shared/plugins/api-version';
import { activationEvents, engineMismatch, parseManifest, pluginId, pluginManifestSchema, type PluginManifest } from '../../../../src-shared/plugins/manifest';
import { requestedPermissions, uncoveredPermissions } from '../../../../src-shared/plugins/permissions';
import { removeScratch, startPlugins, writePlugin, type PluginsHarness } from './plugins-harness';

const base = { name: 'todo-tree', publisher: 'lathe', version: '1.2.3', engines: { lathe: '^1.0.0' }, main: 'dist/extension.js' };

function valid(extra: Record<string, unknown> = {}): PluginManifest {
  const result = parseManifest({ ...base, ...extra });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.manifest;
}

function errorsOf(extra: Record<string, unknown>): string[] {
  const result = parseManifest({ ...base, ...extra });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('plugin manifest', () => {
  it('reads a complete manifest, filling what is left out', () => {
    const manifest = valid({
      displayName: 'TODO Tree',
      activationEvents: ['onStartupFinished', 'workspaceContains:**/*.rs'],
      contributes: {
        commands: [{ command: 'todo-tree.refresh', title: 'Refresh', category: 'TODO', icon: 'refresh' }],
        menus: { commandPalette: [{ command: 'todo-tree.refresh', when: 'workspaceFolderCount > 0' }], 'view/title': [{ command: 'todo-tree.refresh', group: 'navigation' }] },
        keybindings: [{ command: 'todo-tree.refresh', key: 'ctrl+alt+t', mac: 'cmd+alt+t' }],
        viewsContainers: [{ id: 'todo-tree.container', title: 'TODOs', icon: 'checklist' }],
        views: [
          { id: 'todo-tree.list', name: 'TODOs', container: 'todo-tree.container' },
          { id: 'todo-tree.summary', name: 'Summary', container: 'explorer' },
        ],
        configuration: { title: 'TODO Tree', properties: { 'todo-tree.tags': { type: 'array', default: ['TODO', 'FIXME'] }, 'todo-tree.mode': { type: 'string', enum: ['a', 'b'], default: 'a' } } },
        statusBar: [{ id: 'todo-tree.count', text: '$(checklist) 0' }],
      },
      permissions: ['workspace.read', { process: ['cargo', 'git'] }, { network: ['crates.io', '*.github.com', '127.0.0.1:8080'] }],
      scripts: { build: 'esbuild' },
    });
    expect(manifest.description).toBe('');
    expect(manifest.contributes.statusBar[0]).toMatchObject({ alignment: 'left', priority: 0 });
    expect(manifest).not.toHaveProperty('scripts');
    expect(pluginId(manifest)).toBe('lathe.todo-tree');
    // The router checks what it sends against the same schema: reading a read manifest changes nothing.
    expect(pluginManifestSchema.parse(manifest)).toEqual(manifest);
    expect(valid().contributes).toEqual({ commands: [], menus: {}, keybindings: [], viewsContainers: [], views: [], statusBar: [] });
  });

  it('names the field of every error', () => {
    expect(
      errorsOf({
        version: '1.2',
        engines: { lathe: 'soon' },
        contributes: {
          commands: [
            { command: 'todo-tree.a', title: 'A' },
            { command: 'todo-tree.b', title: 'B' },
            { command: 'bad id', title: 'C' },
          ],
          menus: { 'editor/title': [] },
          configuration: { title: 'T', properties: { 'todo-tree.enabled': { type: 'boolean', default: 'yes' } } },
        },
        permissions: ['workspace.read', 'root', { process: ['/bin/sh'] }],
      }),
    ).toEqual([
      'version: a semver version such as "1.2.3"',
      'engines.lathe: a semver range such as "^1.0.0"',
      'contributes.commands[2].command: an id of the form "<plugin name>.<name>"',
      'contributes.menus: Unrecognized key: "editor/title"',
      'contributes.configuration.properties["todo-tree.enabled"].default: the default is not of type boolean',
      'permissions[1]: expected one of "workspace.read", "workspace.write", "terminal", "ai", "secrets", "clipboard", { "process": [program names] } or { "network": [hosts] }',
      'permissions[2].process[0]: a program name without a path (e.g. "cargo")',
    ]);
    expect(errorsOf({ name: undefined, main: '../outside.js' })).toEqual([
      'name: Invalid input: expected string, received undefined',
      'main: a relative path to a .js, .mjs or .cjs file inside the plugin folder',
    ]);
  });

  it('checks contributions against each other: own ids, declared commands, known containers', () => {
    expect(
      errorsOf({
        contributes: {
          commands: [{ command: 'other.run', title: 'Run' }, { command: 'todo-tree.run', title: 'Run' }, { command: 'todo-tree.run', title: 'Again' }],
          menus: { 'editor/context': [{ command: 'todo-tree.missing' }] },
          views: [{ id: 'todo-tree.list', name: 'List', container: 'sidebar' }],
          configuration: { title: 'T', properties: { 'files.exclude': { type: 'object' } } },
        },
      }),
    ).toEqual([
      'contributes.commands[0].command: "other.run" must start with "todo-tree."',
      'contributes.commands[2].command: "todo-tree.run" is declared twice',
      'contributes.menus["editor/context"][0].command: "todo-tree.missing" is not one of contributes.commands',
      'contributes.views[0].container: "sidebar" is neither explorer, scm, panel nor one of contributes.viewsContainers',
      'contributes.configuration.properties["files.exclude"]: "files.exclude" must start with "todo-tree."',
    ]);
  });

  it('implies activation events from contributed commands and views, keeping the declared ones once', () => {
    const manifest = valid({
      activationEvents: ['onLanguage:rust', 'onCommand:todo-tree.refresh'],
      contributes: {
        commands: [{ command: 'todo-tree.refresh', title: 'Refresh' }, { command: 'todo-tree.reveal', title: 'Reveal' }],
        views: [{ id: 'todo-tree.list', name: 'TODOs', container: 'explorer' }],
      },
    });
    expect(activationEvents(manifest)).toEqual(['onLanguage:rust', 'onCommand:todo-tree.refresh', 'onCommand:todo-tree.reveal', 'onView:todo-tree.list']);
    expect(errorsOf({ activationEvents: ['*'] })).toEqual(['activationEvents[0]: one of onStartupFinished, onCommand:<id>, onLanguage:<id>, workspaceContains:<glob>, onView:<id>']);
  });

  it('accepts an engine range the API version satisfies and says why it refuses another', () => {
    expect(LATHE_API_VERSION).toBe('1.0.0');
    expect(engineMismatch(valid({ engines: { lathe: '^1.0.0' } }))).toBeNull();
    expect(engineMismatch(valid({ engines: { lathe: '>=0.9.0' } }))).toBeNull();
    expect(engineMismatch(valid({ engines: { lathe: '^1.3.0' } }))).toBe('The plugin needs Lathe API ^1.3.0; this Lathe offers API 1.0.0');
    expect(engineMismatch(valid({ engines: { lathe: '^2.0.0' } }), '1.9.0')).toBe('The plugin needs Lathe API ^2.0.0; this Lathe offers API 1.9.0');
  });

  it('turns the permission list into a set, and tells what a grant does not cover', () => {
    const requested = requestedPermissions(['clipboard', 'workspace.read', { process: ['git', 'cargo'] }, { process: ['git'] }, { network: ['crates.io'] }, 'clipboard']);
    expect(requested).toEqual({ flags: ['clipboard', 'workspace.read'], process: ['cargo', 'git'], network: ['crates.io'] });
    expect(uncoveredPermissions(requested, { flags: ['workspace.read'], process: ['cargo'], network: [] })).toEqual({ flags: ['clipboard'], process: ['git'], network: ['crates.io'] });
  });
});

describe('the engine check when installing and listing', () => {
  let harness: PluginsHarness;
  afterEach(() => removeScratch(harness));

  it('refuses to install a plugin for a newer API, with the reason, and writes nothing', async () => {
    harness = await startPlugins();
    const folder = writePlugin(harness.scratch, { name: 'future', engines: '^1.4.0' });
    await expect(harness.service.install(folder)).rejects.toMatchObject({ code: 'UNSUPPORTED', message: 'The plugin needs Lathe API ^1.4.0; this Lathe offers API 1.0.0' });
    expect(harness.service.list()).toEqual([]);
  });

  it('lists an installed plugin as incompatible once the host offers an older API', async () => {
    harness = await startPlugins();
    const folder = writePlugin(harness.scratch, { name: 'current', engines: '^1.0.0' });
    const { plugin } = await harness.service.install(folder);
    harness.service.approve(plugin.id, plugin.requestedPermissions);
    const older = await harness.restart({ apiVersion: '0.9.0' });
    const [listed] = older.list();
    expect(listed).toMatchObject({ id: 'acme.current', state: 'incompatible', errors: ['The plugin needs Lathe API ^1.0.0; this Lathe offers API 0.9.0'] });
    await expect(older.code('acme.current')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    older.dispose();
  });
});
