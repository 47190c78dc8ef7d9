import { describe, expect, it } from 'vitest';
import { countByTag, groupTodos, scanSummary, splitPath, statusText } from '../../../../plugins/todo-tree/src/todos';

const tags = ['TODO', 'FIXME', 'HACK'];

describe('TODOs from search matches', () => {
  const matches = [
    { path: 'src/main.rs', line: 9, character: 4, preview: '    // FIXME: unwrap' },
    { path: 'README.md', line: 2, character: 0, preview: 'TODO write the install section' },
    { path: 'src/main.rs', line: 1, character: 0, preview: '// TODO: parse the arguments' },
    { path: 'src/main.rs', line: 1, character: 0, preview: '// TODO: parse the arguments' },
    { path: 'src/lib.rs', line: 4, character: 4, preview: 'let todo_count = 0;' },
  ];

  it('are grouped by file in path order, by line within a file, once per line, without lines that hold no tag', () => {
    expect(groupTodos(matches, tags)).toEqual([
      { path: 'README.md', todos: [{ path: 'README.md', line: 2, character: 0, tag: 'TODO', text: 'write the install section' }] },
      {
        path: 'src/main.rs',
        todos: [
          { path: 'src/main.rs', line: 1, character: 0, tag: 'TODO', text: 'parse the arguments' },
          { path: 'src/main.rs', line: 9, character: 4, tag: 'FIXME', text: 'unwrap' },
        ],
      },
    ]);
  });

  it('are counted by tag in the order of the setting, and the status bar names only the tags found', () => {
    const counts = countByTag(groupTodos(matches, tags), tags);
    expect(counts).toEqual([
      { tag: 'TODO', count: 2 },
      { tag: 'FIXME', count: 1 },
      { tag: 'HACK', count: 0 },
    ]);
    expect(statusText(counts)).toBe('$(check) 2 TODO 1 FIXME');
    expect(scanSummary(counts, 2, false)).toBe('2 TODO, 1 FIXME, 0 HACK in 2 files');
    expect(scanSummary(counts, 1, true)).toBe('2 TODO, 1 FIXME, 0 HACK in 1 file (the search stopped early: some are not counted)');
  });

  it('says so when there are none', () => {
    expect(statusText(countByTag([], tags))).toBe('$(check) No TODOs');
  });

  it("name a file by its name and its folder's path", () => {
    expect(splitPath('src/lib/parse.rs')).toEqual({ name: 'parse.rs', folder: 'src/lib' });
    expect(splitPath('Cargo.toml')).toEqual({ name: 'Cargo.toml', folder: '' });
  });
});
