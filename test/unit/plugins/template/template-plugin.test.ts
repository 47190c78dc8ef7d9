import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseManifest } from '../../../../src-shared/plugins/manifest';
import { runPluginAsBuiltIn, type RunningPlugin } from '../plugin-harness';

const pluginsFolder = join(import.meta.dirname, '..', '..', '..', '..', 'plugins');
const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
let plugin: RunningPlugin;

beforeAll(async () => {
  plugin = await runPluginAsBuiltIn('template');
}, 30_000);

afterAll(async () => {
  await plugin.dispose();
  log.mockRestore();
});

describe('the plugin template', () => {
  it('activates, logs, and takes over its contributed status bar item', () => {
    expect(log).toHaveBeenCalledWith('your-name.my-plugin is active');
    expect(plugin.statusItems.get('my-plugin.greetings')).toMatchObject({ text: '$(smiley) 0', command: 'my-plugin.sayHello', alignment: 'right', priority: 10 });
  });

  it('greets with its setting and counts the greetings', async () => {
    await plugin.runtime.commands.run('my-plugin.sayHello', []);
    expect(plugin.messages).toEqual(['Hello from workspace!']);
    plugin.runtime.configuration.update({ 'my-plugin.greeting': 'Hi' });
    await plugin.runtime.commands.run('my-plugin.sayHello', []);
    expect(plugin.messages.at(-1)).toBe('Hi from workspace!');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(plugin.statusItems.get('my-plugin.greetings')?.text).toBe('$(smiley) 2');
  });
});

describe('the manifests of the plugins in plugins/', () => {
  it.each(['template', 'todo-tree', 'word-count', 'rust-crates'])('%s/package.json is valid, with its script in dist/', (name) => {
    const parsed = parseManifest(JSON.parse(readFileSync(join(pluginsFolder, name, 'package.json'), 'utf8')));
    expect(parsed).toMatchObject({ ok: true, manifest: { main: 'dist/extension.js', engines: { lathe: '^1.0.0' } } });
  });
});
