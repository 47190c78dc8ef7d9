import { describe, expect, it } from 'vitest';
import { streamedLines } from '../../../../src-renderer/features/ai-edit/streamed-lines';

/** Every point a chunk of the text may end at, the whole text included. */
function prefixes(text: string): string[] {
  return Array.from({ length: text.length + 1 }, (_, end) => text.slice(0, end));
}

describe('the lines of a rewrite as it streams', () => {
  it('keeps the line still being written apart from the finished ones', () => {
    expect(streamedLines('fn main() {\n    let x')).toEqual({ complete: ['fn main() {'], partial: '    let x' });
    expect(streamedLines('fn main() {\n    let x = 1;\n')).toEqual({ complete: ['fn main() {', '    let x = 1;'], partial: null });
  });

  it('has no line before the first chunk, and an empty one once a bare line break arrives', () => {
    expect(streamedLines('')).toEqual({ complete: [], partial: null });
    expect(streamedLines('\n')).toEqual({ complete: [''], partial: null });
    expect(streamedLines('a\n\n')).toEqual({ complete: ['a', ''], partial: null });
  });

  it('takes a CRLF split across two chunks for one line break', () => {
    expect(streamedLines('one\r')).toEqual({ complete: ['one'], partial: null });
    expect(streamedLines('one\r\n')).toEqual({ complete: ['one'], partial: null });
    expect(streamedLines('one\r\ntw')).toEqual({ complete: ['one'], partial: 'tw' });
  });

  it('never shows a line the whole answer does not have, wherever a chunk ends', () => {
    for (const text of ['fn a() {\n    1\n}\n', 'fn a() {\r\n    1\r\n}\r\n', 'let x = 1;\r\n\r\nlet y = 2;']) {
      const end = streamedLines(text);
      const whole = end.partial === null ? end.complete : [...end.complete, end.partial];
      for (const prefix of prefixes(text)) {
        const { complete, partial } = streamedLines(prefix);
        expect(complete).toEqual(whole.slice(0, complete.length));
        if (partial !== null) expect(whole[complete.length]?.startsWith(partial)).toBe(true);
      }
    }
  });

  it('draws a fenced answer from the fence body: neither fence line, nor what follows the closing one', () => {
    expect(streamedLines('```')).toEqual({ complete: [], partial: null });
    expect(streamedLines('```rust\nfn a')).toEqual({ complete: [], partial: 'fn a' });
    expect(streamedLines('```rust\nfn a() {}\n``')).toEqual({ complete: ['fn a() {}'], partial: '``' });
    expect(streamedLines('```rust\nfn a() {}\n```')).toEqual({ complete: ['fn a() {}'], partial: null });
    expect(streamedLines('```rust\nfn a() {}\n```\nThis adds a function.\n')).toEqual({ complete: ['fn a() {}'], partial: null });
    expect(streamedLines('~~~\r\nfn a() {}\r\n~~~\r\n')).toEqual({ complete: ['fn a() {}'], partial: null });
  });

  it('leaves backticks inside the code alone', () => {
    expect(streamedLines('let s = "```";\n')).toEqual({ complete: ['let s = "```";'], partial: null });
  });
});
