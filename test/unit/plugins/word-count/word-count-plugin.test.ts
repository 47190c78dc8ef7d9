import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPluginAsBuiltIn, type RunningPlugin } from '../plugin-harness';

let plugin: RunningPlugin;
const status = () => plugin.statusItems.get('word-count.status');
const at = (line: number, character: number) => ({ line, character });
const cursor = (line: number, character: number) => [{ anchor: at(line, character), active: at(line, character) }];
/** Lets the status bar item's batched update go out. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const guide = '# Guide\n\nInstall it with `cargo install lathe`.\n\n```sh\nnot counted at all\n```\n';

beforeAll(async () => {
  plugin = await runPluginAsBuiltIn('word-count', {
    documents: [
      { path: 'docs/guide.md', languageId: 'markdown', version: 1, text: guide, isDirty: false },
      { path: 'src/main.rs', languageId: 'rust', version: 1, text: 'fn main() {}\n', isDirty: false },
    ],
    activeEditor: { path: 'docs/guide.md', selections: cursor(0, 0) },
  });
  await settled();
}, 30_000);

afterAll(() => plugin.dispose());

describe('the word-count plugin, run by the plugin runtime', () => {
  it("shows the active Markdown file's words and reading time", () => {
    expect(status()).toMatchObject({ text: '$(book) 7 words · 1 min', command: 'word-count.showDetails', alignment: 'right' });
  });

  it('counts the selection too, whichever way it was made', async () => {
    plugin.runtime.editor.update({ path: 'docs/guide.md', selections: [{ anchor: at(2, 22), active: at(0, 0) }] });
    await settled();
    expect(status()?.text).toBe('$(book) 5 of 7 words · 1 min');
  });

  it('follows the changes of the document', async () => {
    const end = guide.length;
    plugin.runtime.documents.change({ path: 'docs/guide.md', version: 2, isDirty: true, changes: [{ rangeOffset: end, rangeLength: 0, text: '\nThree more words.\n' }] });
    plugin.runtime.editor.update({ path: 'docs/guide.md', selections: cursor(0, 0) });
    await settled();
    expect(status()?.text).toBe('$(book) 10 words · 1 min');
  });

  it('reads the reading speed from word-count.wordsPerMinute', async () => {
    plugin.runtime.configuration.update({ 'word-count.wordsPerMinute': 4 });
    await settled();
    expect(status()?.text).toBe('$(book) 10 words · 3 min');
  });

  it('details the count in a notification', async () => {
    await plugin.runtime.commands.run('word-count.showDetails', []);
    expect(plugin.messages.at(-1)).toBe('docs/guide.md: 10 words, about 3 minutes to read at 4 words per minute. Code blocks, markup and link targets are not counted.');
  });

  it('hides the item for other files', async () => {
    plugin.runtime.editor.update({ path: 'src/main.rs', selections: cursor(0, 0) });
    await settled();
    expect(status()).toBeNull();
    await plugin.runtime.commands.run('word-count.showDetails', []);
    expect(plugin.messages.at(-1)).toBe('Open a Markdown file to count its words.');
  });

  it('reads only the documents the editor sends it: it calls nothing main serves', () => {
    expect(plugin.callsTo('gateway')).toEqual([]);
  });
});
