import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTags, normalizeTags, parseTaggedLine, searchPattern } from '../../../../plugins/todo-tree/src/tags';

describe('the todo-tree.tags setting', () => {
  it('falls back to TODO, FIXME and HACK when it is not a list of tags', () => {
    expect(normalizeTags(undefined)).toEqual(['TODO', 'FIXME', 'HACK']);
    expect(normalizeTags('TODO')).toEqual([...defaultTags]);
    expect(normalizeTags([])).toEqual([...defaultTags]);
    expect(normalizeTags(['', '  ', 3])).toEqual([...defaultTags]);
  });

  it('keeps the tags trimmed, once each, without blanks, spaces inside or non-strings', () => {
    expect(normalizeTags([' NOTE ', 'NOTE', 'BUG', 7, 'TWO WORDS', '@todo'])).toEqual(['NOTE', 'BUG', '@todo']);
  });
});

describe('a tagged line', () => {
  const tags = ['TODO', 'FIXME', 'HACK'];

  it.each([
    ['    // TODO: handle the error', 'TODO', 'handle the error'],
    ['# FIXME(anna): retry on timeout', 'FIXME', 'retry on timeout'],
    ['/* HACK */', 'HACK', ''],
    ['<!-- TODO write the install section -->', 'TODO', 'write the install section'],
    ['-- TODO - index this column', 'TODO', 'index this column'],
    ['; FIXME', 'FIXME', ''],
    [' * TODO: a line of a block comment', 'TODO', 'a line of a block comment'],
    ['TODO at the start of a Markdown line', 'TODO', 'at the start of a Markdown line'],
    ['let x = 1; // HACK: the parser needs a trailing space', 'HACK', 'the parser needs a trailing space'],
  ])('%j is %s: %j', (line, tag, text) => {
    expect(parseTaggedLine(line, tags)).toEqual({ tag, text });
  });

  it.each([
    ['let todoList = [];'],
    ['const label = "TODO";'],
    ['// TODOS are not a tag'],
    ['// a sentence that mentions TODO in passing'],
    ['// todo: lower case is not the tag'],
    ['x = FIXME_COUNT'],
  ])('%j holds no tag', (line) => {
    expect(parseTaggedLine(line, tags)).toBeNull();
  });

  it('takes a tag that starts without a word character, and the longest of tags that share a start', () => {
    expect(parseTaggedLine('// @todo: ship it', ['@todo'])).toEqual({ tag: '@todo', text: 'ship it' });
    expect(parseTaggedLine('// TODO! now', ['TODO', 'TODO!'])).toEqual({ tag: 'TODO!', text: 'now' });
  });

  it('reads the characters of a tag literally', () => {
    expect(parseTaggedLine('// FIX.ME soon', ['FIX.ME'])).toEqual({ tag: 'FIX.ME', text: 'soon' });
    expect(parseTaggedLine('// FIXxME soon', ['FIX.ME'])).toBeNull();
  });
});

describe('the search pattern', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lathe-todo-tree-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The lines ripgrep (the search service's engine) finds with the pattern, case-sensitively. */
  const ripgrepLines = (pattern: string, text: string): string[] => {
    writeFileSync(join(folder, 'sample.rs'), text);
    try {
      return execFileSync(rgPath, ['--no-heading', '--no-filename', '--no-line-number', '--case-sensitive', '-e', pattern, folder], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    } catch (error) {
      if ((error as { status?: number }).status === 1) return [];
      throw error;
    }
  };

  it('finds in ripgrep exactly the lines the plugin then reads as tagged', () => {
    const tags = ['TODO', 'FIXME', 'HACK', '@note', 'FIX.ME'];
    const lines = [
      'fn main() { // TODO: print something',
      '    let todo_list = vec![]; // not a tag',
      '    let label = "FIXME"; // a string, not a comment',
      '    # HACK around the borrow checker',
      '/* @note: the order matters */',
      '// FIXxME not the literal tag',
      '// FIX.ME the literal tag',
      '// TODOS is another word',
    ];
    const found = ripgrepLines(searchPattern(tags), `${lines.join('\n')}\n`);
    expect(found).toEqual(lines.filter((line) => parseTaggedLine(line, tags) !== null));
    expect(found).toHaveLength(4);
  });
});
