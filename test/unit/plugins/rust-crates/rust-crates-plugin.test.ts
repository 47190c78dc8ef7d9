import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crateFiles } from '../../../../plugins/rust-crates/src/templates';
import { runPluginAsBuiltIn, type RunningPlugin } from '../plugin-harness';

let plugin: RunningPlugin;
const file = (path: string): string => readFileSync(join(plugin.plugins.workspaceRoot, path), 'utf8');
const rootManifest = '# The workspace\n[workspace]\nresolver = "2"\nmembers = [\n    "app", # the binary\n]\n';

beforeAll(async () => {
  plugin = await runPluginAsBuiltIn('rust-crates');
  const root = plugin.plugins.workspaceRoot;
  writeFileSync(join(root, 'Cargo.toml'), rootManifest);
  mkdirSync(join(root, 'app', 'src'), { recursive: true });
  writeFileSync(join(root, 'app', 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nanyhow = "1"\nserde = "1"\n');
  writeFileSync(join(root, 'app', 'src', 'main.rs'), 'fn main() {}\n');
}, 30_000);

afterAll(() => plugin.dispose());

describe('the rust-crates plugin, run by the plugin runtime against the plugin service', () => {
  it('creates a binary crate from its template and opens its main.rs', async () => {
    plugin.answers.push('Binary', 'hello', 'tools/hello', '');
    await plugin.runtime.commands.run('rust-crates.newCrate', []);
    for (const { path, content } of crateFiles('binary', 'hello')) expect(file(`tools/hello/${path}`)).toBe(content);
    expect(plugin.callsTo('showTextDocument').at(-1)).toEqual(['tools/hello/src/main.rs', null]);
    expect(plugin.messages.at(-1)).toBe('Created the crate hello in tools/hello.');
    expect(file('Cargo.toml')).toBe(rootManifest);
  });

  it('asks again, saying why, for a name cargo would refuse', async () => {
    plugin.answers.push('Library', '2fast', 'fast', undefined);
    await plugin.runtime.commands.run('rust-crates.newCrate', []);
    const prompts = plugin.callsTo('showInputBox').map(([options]) => (options as { prompt?: string }).prompt);
    expect(prompts.slice(-3)).toEqual(["The crate's name.", "A crate name starts with a letter. The crate's name.", 'The folder for the crate, relative to the workspace.']);
    expect(existsSync(join(plugin.plugins.workspaceRoot, 'fast'))).toBe(false);
  });

  it('creates a workspace member whose code the AI writes from a description, and adds it to members keeping the comment', async () => {
    plugin.answers.push('Cargo workspace member', 'Library', 'textkit', 'crates/textkit', 'split text into words');
    const aiCalls = plugin.plugins.aiCalls.length;
    await plugin.runtime.commands.run('rust-crates.newCrate', []);
    expect(plugin.plugins.aiCalls.slice(aiCalls)).toEqual([expect.stringContaining('What it should do: split text into words')]);
    // The harness's AI answers "answer": the file holds what the AI wrote.
    expect(file('crates/textkit/src/lib.rs')).toBe('answer\n');
    expect(file('crates/textkit/Cargo.toml')).toContain('name = "textkit"');
    expect(file('Cargo.toml')).toBe('# The workspace\n[workspace]\nresolver = "2"\nmembers = [\n    "app", # the binary\n    "crates/textkit",\n]\n');
    expect(plugin.messages.at(-1)).toBe('Created the crate textkit in crates/textkit and added it to the workspace members.');
  });

  it("adds a dependency to the chosen crate's [dependencies] in alphabetical order", async () => {
    plugin.answers.push('app', 'rand', '0.8');
    await plugin.runtime.commands.run('rust-crates.addDependency', []);
    expect(file('app/Cargo.toml')).toBe('[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nanyhow = "1"\nrand = "0.8"\nserde = "1"\n');
    expect(plugin.messages.at(-1)).toBe('Added rand = "0.8" to app/Cargo.toml.');

    plugin.answers.push('app', 'serde', '1');
    await plugin.runtime.commands.run('rust-crates.addDependency', []);
    expect(plugin.messages.at(-1)).toBe('serde is already a dependency in app/Cargo.toml (line 9).');
  });

  it('adds to the crate of the active editor without asking which', async () => {
    plugin.runtime.documents.open({ path: 'tools/hello/src/main.rs', languageId: 'rust', version: 1, text: file('tools/hello/src/main.rs'), isDirty: false });
    plugin.runtime.editor.update({ path: 'tools/hello/src/main.rs', selections: [] });
    plugin.answers.push('log', '^0.4');
    await plugin.runtime.commands.run('rust-crates.addDependency', []);
    expect(file('tools/hello/Cargo.toml')).toContain('[dependencies]\nlog = "^0.4"\n');
  });

  it('refuses a virtual workspace manifest', async () => {
    plugin.runtime.editor.update(null);
    plugin.answers.push('(workspace root)', 'log', '1');
    await plugin.runtime.commands.run('rust-crates.addDependency', []);
    expect(plugin.messages.at(-1)).toContain('Cargo.toml declares no [package]');
    expect(file('Cargo.toml')).not.toContain('log');
  });

  it('writes a README with the AI, and asks before replacing one', async () => {
    plugin.answers.push('crates/textkit');
    await plugin.runtime.commands.run('rust-crates.generateReadme', []);
    expect(file('crates/textkit/README.md')).toBe('answer\n');
    expect(plugin.plugins.aiCalls.at(-1)).toContain('Write the README.md of the Rust crate in crates/textkit.');

    writeFileSync(join(plugin.plugins.workspaceRoot, 'crates/textkit/README.md'), '# Mine\n');
    plugin.answers.push('crates/textkit', undefined);
    await plugin.runtime.commands.run('rust-crates.generateReadme', []);
    expect(file('crates/textkit/README.md')).toBe('# Mine\n');

    plugin.answers.push('crates/textkit', 'Replace');
    await plugin.runtime.commands.run('rust-crates.generateReadme', []);
    expect(file('crates/textkit/README.md')).toBe('answer\n');
    expect(plugin.callsTo('showTextDocument').at(-1)).toEqual(['crates/textkit/README.md', null]);
  });

  it('asked only what it had to', () => {
    expect(plugin.answers).toEqual([]);
  });
});
