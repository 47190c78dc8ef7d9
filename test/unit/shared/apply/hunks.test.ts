import { describe, expect, it } from 'vitest';
import { applyAcceptedHunks, planEdit } from '../../../../src-shared/apply/index.js';

const original = ['one', 'two', 'three', 'four', 'five', 'six', ''].join('\r\n');
const answer = ['<<<<<<< SEARCH', 'two', '=======', 'TWO', '>>>>>>> REPLACE', '<<<<<<< SEARCH', 'five', '=======', 'FIVE', 'five and a half', '>>>>>>> REPLACE'].join('\n');

describe('hunks', () => {
  const edit = planEdit(original, answer);

  it('splits an edit into hunks with old and new lines and positions', () => {
    expect(edit.hunks).toEqual([
      { id: 0, oldStart: 1, newStart: 1, oldLines: ['two\r\n'], newLines: ['TWO\r\n'] },
      { id: 1, oldStart: 4, newStart: 4, oldLines: ['five\r\n'], newLines: ['FIVE\r\n', 'five and a half\r\n'] },
    ]);
  });

  it('applies all, none or some hunks', () => {
    expect(applyAcceptedHunks(original, edit.hunks, [0, 1])).toBe(edit.newText);
    expect(applyAcceptedHunks(original, edit.hunks, [])).toBe(original);
    expect(applyAcceptedHunks(original, edit.hunks, [1])).toBe(original.replace('five\r\n', 'FIVE\r\nfive and a half\r\n'));
    expect(applyAcceptedHunks(original, edit.hunks, [0])).toBe(original.replace('two', 'TWO'));
  });

  it('refuses to apply a hunk to text that changed since', () => {
    expect(() => applyAcceptedHunks(original.replace('two', 'deux'), edit.hunks, [0])).toThrow(/does not match/);
  });
});
