import { describe, expect, it } from 'vitest';
import { selectedRanges } from '../../../../plugins/word-count/src/selections';
import { detailsMessage, statusText } from '../../../../plugins/word-count/src/word-count-text';

describe('what the word count shows', () => {
  it('puts the words and the minutes in the status bar, and the selected words first when there are some', () => {
    expect(statusText({ words: 1234, selectedWords: null, minutes: 7 })).toBe('$(book) 1,234 words · 7 min');
    expect(statusText({ words: 1, selectedWords: null, minutes: 1 })).toBe('$(book) 1 word · 1 min');
    expect(statusText({ words: 1234, selectedWords: 120, minutes: 7 })).toBe('$(book) 120 of 1,234 words · 7 min');
  });

  it('details the count, the reading speed and what is not counted', () => {
    expect(detailsMessage('docs/guide.md', { words: 450, selectedWords: null, minutes: 3 }, 200)).toBe(
      'docs/guide.md: 450 words, about 3 minutes to read at 200 words per minute. Code blocks, markup and link targets are not counted.',
    );
    expect(detailsMessage('a.md', { words: 10, selectedWords: 1, minutes: 1 }, 200)).toContain('about 1 minute to read at 200 words per minute. 1 word is selected.');
    expect(detailsMessage('empty.md', { words: 0, selectedWords: null, minutes: 0 }, 200)).toContain('empty.md: 0 words, nothing to read.');
  });
});

describe('the selected ranges', () => {
  const at = (line: number, character: number) => ({ line, character });

  it('leave out bare cursors and run from start to end whichever way the selection was made', () => {
    expect(
      selectedRanges([
        { anchor: at(1, 4), active: at(1, 4) },
        { anchor: at(3, 2), active: at(1, 0) },
        { anchor: at(5, 1), active: at(5, 9) },
        { anchor: at(7, 8), active: at(7, 3) },
      ]),
    ).toEqual([
      { start: at(1, 0), end: at(3, 2) },
      { start: at(5, 1), end: at(5, 9) },
      { start: at(7, 3), end: at(7, 8) },
    ]);
  });
});
