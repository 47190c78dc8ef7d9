import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, wordsPerMinuteSetting } from '../../../../plugins/word-count/src/markdown-words';

describe('the words of Markdown', () => {
  it.each([
    ['', 0],
    ['Hello, world!', 2],
    ['# A title\n\nSome *emphasis*, **strong** and ~~struck~~ words.', 8],
    ["Don't split well-known words, e.g. 3.14 or snake_case.", 8],
    ['- one\n- two\n  1. three\n> four five', 5],
    ['| name | size |\n| --- | ---: |\n| a | 1 |', 4],
    ['Call `cargo build` first.', 4],
    ['See [the guide](https://example.com/a/long/path "title") and ![a cat](cat.png).', 6],
    ['Text[^1] and more.\n\n[docs]: https://example.com/docs', 4],
    ['<details><summary>More</summary>inside</details> <!-- a hidden comment -->', 2],
    ['---\ntitle: Not counted\ntags: [a, b]\n---\nCounted words here.', 3],
    ['Before\n\n```rust\nfn main() { println!("not prose"); }\n```\n\nAfter', 2],
    ['```\ncode\n~~~\nstill code\n```\nprose', 1],
    ['````\ncode\n```\nstill code\n````\nprose', 1],
    ['Open fence\n```\nruns to the end of the file', 2],
    ['日本語の文章 and English', 8],
    ['Ünïcödé wörds çount', 3],
    ['Windows\r\nline\r\nendings', 3],
  ])('%j has %i words', (markdown, words) => {
    expect(countWords(markdown)).toBe(words);
  });
});

describe('the reading time', () => {
  it('is rounded up to whole minutes, and nothing for an empty text', () => {
    expect(readingMinutes(0, 200)).toBe(0);
    expect(readingMinutes(1, 200)).toBe(1);
    expect(readingMinutes(200, 200)).toBe(1);
    expect(readingMinutes(201, 200)).toBe(2);
    expect(readingMinutes(1000, 250)).toBe(4);
  });

  it('uses the setting only when it is a positive number', () => {
    expect(wordsPerMinuteSetting(300)).toBe(300);
    expect(wordsPerMinuteSetting(undefined)).toBe(200);
    expect(wordsPerMinuteSetting(0)).toBe(200);
    expect(wordsPerMinuteSetting(-5)).toBe(200);
    expect(wordsPerMinuteSetting('fast')).toBe(200);
    expect(wordsPerMinuteSetting(Number.NaN)).toBe(200);
  });
});
