import { describe, expect, it } from 'vitest';
import { bagDistance, editDistance, linesSimilarity } from '../../../../src-shared/apply/similarity.js';
import { isElisionLine } from '../../../../src-shared/apply/elision.js';

describe('similarity', () => {
  it('measures edit distance, stopping past a limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('bounds the edit distance from below cheaply', () => {
    expect(bagDistance('kitten', 'sitting')).toBeLessThanOrEqual(editDistance('kitten', 'sitting'));
    expect(bagDistance('abc', 'cba')).toBe(0);
  });

  it('scores line lists ignoring surrounding whitespace and gives up under a floor', () => {
    expect(linesSimilarity(['  a = 1'], ['a = 1  '])).toBe(1);
    expect(linesSimilarity(['a = 1', 'b = 2'], ['a = 1', 'b = 3'])).toBeCloseTo(0.9, 5);
    expect(linesSimilarity(['abcdef'], ['uvwxyz'], 0.5)).toBe(0);
    expect(linesSimilarity(['a'], ['a', 'b'])).toBe(0);
  });
});

describe('isElisionLine', () => {
  it.each(['...', '    // ... existing code ...', '# ...', '/* ... */', '<!-- ... -->', '// rest of the file unchanged', '…'])('treats %j as an elision', (line) => {
    expect(isElisionLine(line)).toBe(true);
  });

  it.each(['const rest = [...items];', 'print("...")', '// existing behaviour: see issue', 'foo(...args)'])('treats %j as code', (line) => {
    expect(isElisionLine(line)).toBe(false);
  });
});
