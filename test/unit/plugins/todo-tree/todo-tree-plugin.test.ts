import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPluginAsBuiltIn, type RunningPlugin } from '../plugin-harness';

let plugin: RunningPlugin;
// The plugin's console is its Output channel; here it is read from the spy.
const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
const status = () => plugin.statusItems.get('todo-tree.status');
const searches = () => plugin.callsTo('gateway').filter(([method]) => method === 'workspace.textSearch').length;

beforeAll(async () => {
  plugin = await runPluginAsBuiltIn('todo-tree');
  // The harness's workspace holds src/main.rs with "// TODO: greet"; add more.
  const root = plugin.plugins.workspaceRoot;
  writeFileSync(join(root, 'src', 'lib.rs'), 'pub fn parse() {}\n    // FIXME(anna): handle empty input\n/* HACK */\nlet todo_list = 0;\n');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'notes.md'), '# Notes\n\nTODO write the install section\n');
  await plugin.runtime.commands.run('todo-tree.refresh', []);
}, 30_000);

afterAll(async () => {
  await plugin.dispose();
  log.mockRestore();
});

describe('the todo-tree plugin, run by the plugin runtime against the plugin service', () => {
  it('registers its commands and provides its view', () => {
    expect(plugin.callsTo('registerCommand').map(([id]) => id)).toEqual(['todo-tree.refresh', 'todo-tree.open']);
    expect(plugin.callsTo('provideTreeView')).toEqual([['todo-tree.todos', true]]);
  });

  it('counts the TODOs of the workspace in its status bar item, which shows the view when clicked', () => {
    expect(status()).toMatchObject({ text: '$(check) 2 TODO 1 FIXME 1 HACK', command: 'workbench.view.todo-tree.sidebar', alignment: 'left' });
    expect(status()?.tooltip).toBe('2 TODO, 1 FIXME, 1 HACK in 3 files. Click to show the Todo Tree.');
    expect(log).toHaveBeenLastCalledWith('Scanned the workspace: 2 TODO, 1 FIXME, 1 HACK in 3 files');
  });

  it('lists them by file, each opening its line', async () => {
    const files = await plugin.runtime.trees.children('todo-tree.todos', null);
    expect(files.map((file) => [file.label, file.description, file.collapsible])).toEqual([
      ['notes.md', 'docs', 'expanded'],
      ['lib.rs', 'src', 'expanded'],
      ['main.rs', 'src', 'expanded'],
    ]);
    const lib = await plugin.runtime.trees.children('todo-tree.todos', files[1]?.handle ?? '');
    expect(lib.map((item) => [item.label, item.description, item.icon])).toEqual([
      ['FIXME: handle empty input', 'line 2', 'warning'],
      ['HACK', 'line 3', 'tools'],
    ]);
    const command = lib[0]?.command;
    expect(command).toEqual({ command: 'todo-tree.open', arguments: ['src/lib.rs', { line: 1, character: 4 }] });
    await plugin.runtime.commands.run(command?.command ?? '', command?.arguments ?? []);
    expect(plugin.callsTo('showTextDocument').at(-1)).toEqual(['src/lib.rs', { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }]);
  });

  it('scans again when a file is saved, and when files change on disk', async () => {
    const before = searches();
    writeFileSync(join(plugin.plugins.workspaceRoot, 'src', 'extra.rs'), '// TODO: one more\n');
    plugin.runtime.workspace.filesChanged([{ kind: 'created', path: 'src/extra.rs' }]);
    await vi.waitFor(() => expect(status()?.text).toBe('$(check) 3 TODO 1 FIXME 1 HACK'));

    plugin.runtime.documents.open({ path: 'src/extra.rs', languageId: 'rust', version: 1, text: '// TODO: one more\n', isDirty: false });
    writeFileSync(join(plugin.plugins.workspaceRoot, 'src', 'extra.rs'), '// FIXME: one more\n');
    plugin.runtime.documents.save('src/extra.rs');
    await vi.waitFor(() => expect(status()?.text).toBe('$(check) 2 TODO 2 FIXME 1 HACK'));
    expect(searches()).toBeGreaterThan(before);
  });

  it('follows the todo-tree.tags setting', async () => {
    plugin.runtime.configuration.update({ 'todo-tree.tags': ['HACK', 'NOTE'] });
    await vi.waitFor(() => expect(status()?.text).toBe('$(check) 1 HACK'));
    const files = await plugin.runtime.trees.children('todo-tree.todos', null);
    expect(files.map((file) => file.label)).toEqual(['lib.rs']);
  });

  it('removes its status bar item and view when deactivated', async () => {
    await plugin.deactivate();
    expect(status()).toBeNull();
    expect(plugin.callsTo('provideTreeView').at(-1)).toEqual(['todo-tree.todos', false]);
    expect(plugin.callsTo('unregisterCommand').map(([id]) => id).sort()).toEqual(['todo-tree.open', 'todo-tree.refresh']);
  });
});
