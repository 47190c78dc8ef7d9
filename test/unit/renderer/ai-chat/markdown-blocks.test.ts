import { describe, expect, it } from 'vitest';
import { splitMarkdownBlocks } from '../../../../src-renderer/features/ai-chat/markdown-blocks';

describe('splitting an answer into markdown and code blocks', () => {
  it('separates top-level fences from the markdown around them', () => {
    const text = 'Here is a fix:\n\n```rust\nfn main() {\n    println!("hi");\n}\n```\n\nThen run `cargo run`.\n';
    expect(splitMarkdownBlocks(text, false)).toEqual([
      { kind: 'markdown', text: 'Here is a fix:\n' },
      { kind: 'code', language: 'rust', code: 'fn main() {\n    println!("hi");\n}', complete: true },
      { kind: 'markdown', text: '\nThen run `cargo run`.\n' },
    ]);
  });

  it('shows a fence that is still streaming as an open code block', () => {
    expect(splitMarkdownBlocks('Try:\n```ts\nconst a = 1;\nconst b', true)).toEqual([
      { kind: 'markdown', text: 'Try:' },
      { kind: 'code', language: 'ts', code: 'const a = 1;\nconst b', complete: false },
    ]);
  });

  it('holds back a line that may still become a fence until it ends', () => {
    expect(splitMarkdownBlocks('Text\n``', true)).toEqual([{ kind: 'markdown', text: 'Text' }]);
    expect(splitMarkdownBlocks('```py\nx = 1\n``', true)).toEqual([{ kind: 'code', language: 'py', code: 'x = 1', complete: false }]);
    // Once the answer is complete the same text is taken as written.
    expect(splitMarkdownBlocks('Text\n``', false)).toEqual([{ kind: 'markdown', text: 'Text\n``' }]);
  });

  it('closes a fence only with the same character, at least as long', () => {
    const text = '````md\n```js\ninner\n```\n````\n~~~\ntilde\n```\n~~~';
    expect(splitMarkdownBlocks(text, false)).toEqual([
      { kind: 'code', language: 'md', code: '```js\ninner\n```', complete: true },
      { kind: 'code', language: '', code: 'tilde\n```', complete: true },
    ]);
  });

  it('leaves fences indented four spaces or more (inside list items) to the markdown', () => {
    const text = '1. Step:\n\n    ```sh\n    make\n    ```\n';
    expect(splitMarkdownBlocks(text, false)).toEqual([{ kind: 'markdown', text }]);
  });

  it('strips the opening fence indentation from code lines and reads only the first word of the info string', () => {
    expect(splitMarkdownBlocks('  ```python title="a.py"\n  x = 1\n    y = 2\n  ```', false)).toEqual([
      { kind: 'code', language: 'python', code: 'x = 1\n  y = 2', complete: true },
    ]);
  });

  it('does not take inline code with backticks in the info string for a fence', () => {
    expect(splitMarkdownBlocks('```a``` is inline', false)).toEqual([{ kind: 'markdown', text: '```a``` is inline' }]);
  });

  it('reads Windows line ends', () => {
    expect(splitMarkdownBlocks('```c\r\nint x;\r\n```\r\n', false)).toEqual([{ kind: 'code', language: 'c', code: 'int x;', complete: true }]);
  });

  it('keeps the earlier blocks identical as more text streams in', () => {
    const answer = 'Intro\n```js\nlet a;\n```\nMiddle text that keeps growing';
    const early = splitMarkdownBlocks(answer.slice(0, 30), true);
    const later = splitMarkdownBlocks(answer, true);
    expect(later.slice(0, 2)).toEqual(early.slice(0, 2));
  });
});
