import { describe, expect, it } from 'vitest';
import { diffHunks, rawLines } from '../../../../src-shared/apply';
import { placeHunks } from '../../../../src-renderer/features/ai-edit/place-hunks';

const sent = ['use std::io;', '', 'fn a() {}', 'fn b() {}', 'fn c() {}', 'fn d() {}', ''].join('\n');
const planned = ['use std::io;', 'use std::fmt;', '', 'fn a() {}', 'fn b() { todo!() }', 'fn c() {}', 'fn d() {', '}', ''].join('\n');
const hunks = diffHunks(rawLines(sent), rawLines(planned));

/** Each placed hunk's id and the buffer line it starts on, and the ids of the hunks left out. */
function place(current: string): { placed: [number, number][]; edited: number[] } {
  const { placed, edited } = placeHunks(hunks, sent, current);
  return { placed: placed.map(({ hunk, line }) => [hunk.id, line]), edited: edited.map(({ id }) => id) };
}

describe("placing a plan's hunks in the buffer as it is now", () => {
  it('starts from an insertion after line 1 and two replacements', () => {
    expect(hunks.map(({ oldStart, oldLines }) => [oldStart, oldLines.length])).toEqual([
      [1, 0],
      [3, 1],
      [5, 1],
    ]);
  });

  it('puts the hunks where the plan saw them when the buffer did not change', () => {
    expect(place(sent)).toEqual({ placed: [[0, 2], [1, 4], [2, 6]], edited: [] });
  });

  it('moves every hunk by the lines added or removed above it', () => {
    expect(place(`// header\n// more\n${sent}`)).toEqual({ placed: [[0, 4], [1, 6], [2, 8]], edited: [] });
    expect(place(sent.replace('use std::io;\n', ''))).toEqual({ placed: [[0, 1], [1, 3], [2, 5]], edited: [] });
    // A line more between the second and the third hunk moves only the third.
    expect(place(sent.replace('fn c() {}', 'fn c() {\n}'))).toEqual({ placed: [[0, 2], [1, 4], [2, 7]], edited: [] });
  });

  it('leaves the hunks alone for edits below them', () => {
    expect(place(`${sent}fn e() {}\n`)).toEqual({ placed: [[0, 2], [1, 4], [2, 6]], edited: [] });
  });

  it('leaves out a hunk whose own lines were edited, and places the others', () => {
    expect(place(sent.replace('fn b() {}', 'fn b() -> u8 { 0 }'))).toEqual({ placed: [[0, 2], [2, 6]], edited: [1] });
    expect(place(sent.replace('fn d() {}\n', ''))).toEqual({ placed: [[0, 2], [1, 4]], edited: [2] });
  });

  it('puts an insertion after lines typed at its point, and leaves it out when an edit spans that point', () => {
    expect(place(sent.replace('use std::io;\n', 'use std::io;\nuse std::env;\n'))).toEqual({ placed: [[0, 3], [1, 5], [2, 7]], edited: [] });
    expect(place(sent.replace('use std::io;\n\n', 'use std::{env, io};\n'))).toEqual({ placed: [[1, 3], [2, 5]], edited: [0] });
  });
});
