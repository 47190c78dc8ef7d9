import { describe, expect, it } from 'vitest';
import { liveDiff } from '../../../../src-renderer/features/ai-edit/live-diff';
import { streamedLines } from '../../../../src-renderer/features/ai-edit/streamed-lines';

const region = ['fn greet() {', '    println!("hi");', '}'];
const streaming = (text: string, original: readonly string[] = region) => liveDiff(original, streamedLines(text));

describe('the live diff of a region against its rewrite so far', () => {
  it('shows nothing while the rewrite repeats the region, and does not take the lines it has not reached for removed', () => {
    expect(streaming('')).toEqual([]);
    expect(streaming('fn greet() {\n')).toEqual([]);
    expect(streaming('fn greet() {\n    println!("hi");\n}\n')).toEqual([]);
  });

  it('draws the line being written where the model is', () => {
    expect(streaming('fn gre')).toEqual([{ at: 0, removed: 0, added: ['fn gre'] }]);
    expect(streaming('fn greet() {\n    print')).toEqual([{ at: 1, removed: 0, added: ['    print'] }]);
  });

  it('adds a changed line while the rest streams, and replaces the old one once the rewrite goes on past it', () => {
    expect(streaming('fn greet() {\n    println!("hello");\n')).toEqual([{ at: 1, removed: 0, added: ['    println!("hello");'] }]);
    // The line being written goes under the new lines the model has not gone past yet.
    expect(streaming('fn greet() {\n    println!("hello");\n}')).toEqual([{ at: 1, removed: 0, added: ['    println!("hello");', '}'] }]);
    expect(streaming('fn greet() {\n    println!("hello");\n}\n')).toEqual([{ at: 1, removed: 1, added: ['    println!("hello");'] }]);
  });

  it('removes the lines the rewrite went past without repeating', () => {
    expect(streaming('fn greet() {\n}\n')).toEqual([{ at: 1, removed: 1, added: [] }]);
    expect(streaming('fn greet() {\n}\n', [...region, '// after'])).toEqual([{ at: 1, removed: 1, added: [] }]);
  });

  it('keeps an earlier change while the line after it is being written', () => {
    expect(streaming('fn hello() {\n    println!("hi");\n}', region)).toEqual([
      { at: 0, removed: 1, added: ['fn hello() {'] },
      { at: 2, removed: 0, added: ['}'] },
    ]);
  });

  it('draws an insertion into an empty region as added lines only', () => {
    expect(streaming('', [])).toEqual([]);
    expect(streaming('// one\n// tw', [])).toEqual([{ at: 0, removed: 0, added: ['// one', '// tw'] }]);
    expect(streaming('// one\r\n// two\r\n', [])).toEqual([{ at: 0, removed: 0, added: ['// one', '// two'] }]);
  });
});
