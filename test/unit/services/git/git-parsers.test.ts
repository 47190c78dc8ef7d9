import { describe, expect, it } from 'vitest';
import { numberHunks, parseUnifiedDiff } from '../../../../src-main/services/git/diff-hunks';
import { applySelection } from '../../../../src-main/services/git/line-selection';
import { parsePorcelainV2 } from '../../../../src-main/services/git/native/parse-status';

describe('porcelain v2 status', () => {
  it('reads branch headers, renames, submodules, conflicts and paths with spaces', () => {
    const output = [
      '# branch.oid 1111111111111111111111111111111111111111',
      '# branch.head (detached)',
      '# branch.upstream origin/main',
      '# branch.ab +2 -3',
      '# stash 4',
      '2 R. N... 100644 100644 100644 aaaa aaaa R100 new name.txt',
      'old name.txt',
      '1 .M SC.U 160000 160000 160000 bbbb bbbb lib',
      'u AA N... 000000 100644 100644 100644 0000 cccc dddd both.txt',
      '? dir/untracked file.txt',
      '',
    ].join('\0');
    expect(parsePorcelainV2(output)).toEqual({
      head: { branch: null, oid: '1111111111111111111111111111111111111111', detached: true, upstream: 'origin/main', ahead: 2, behind: 3 },
      staged: [{ path: 'new name.txt', oldPath: 'old name.txt', kind: 'renamed' }],
      unstaged: [{ path: 'lib', kind: 'modified', submodule: { commitChanged: true, modified: false, untracked: true } }],
      untracked: [{ path: 'dir/untracked file.txt', kind: 'untracked' }],
      conflicted: [{ path: 'both.txt', kind: 'bothAdded' }],
      stashCount: 4,
      truncated: false,
    });
  });
});

describe('unified diff hunks', () => {
  it('counts lines per side, so content that looks like a header stays content', () => {
    const diff = ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,2 +1,3 @@ fn main', ' @@ -9,9 +9,9 @@', '-diff --git x', '+kept', '+\\ added', ''].join('\n');
    const { binary, hunks } = parseUnifiedDiff(diff);
    expect(binary).toBe(false);
    expect(numberHunks(hunks)).toEqual([
      {
        oldStart: 1,
        oldLines: 2,
        newStart: 1,
        newLines: 3,
        heading: 'fn main',
        lines: [
          { kind: 'context', text: '@@ -9,9 +9,9 @@', oldLine: 1, newLine: 1 },
          { kind: 'removed', text: 'diff --git x', oldLine: 2, newLine: null },
          { kind: 'added', text: 'kept', oldLine: null, newLine: 2 },
          { kind: 'added', text: '\\ added', oldLine: null, newLine: 3 },
        ],
      },
    ]);
    expect(parseUnifiedDiff('diff --git a/x b/x\nBinary files a/x and b/x differ\n')).toEqual({ binary: true, hunks: [] });
  });
});

describe('applying a line selection', () => {
  const hunksOf = (text: string) => numberHunks(parseUnifiedDiff(text).hunks);

  it('keeps CRLF line endings and a missing final newline byte for byte', () => {
    const hunks = hunksOf(['@@ -1,2 +1,2 @@', ' a\r', '-b', '\\ No newline at end of file', '+B\r', ''].join('\n'));
    expect(applySelection('a\r\nb', hunks, 'old', { oldRanges: [{ start: 2, end: 2 }], newRanges: [{ start: 2, end: 2 }] })).toBe('a\r\nB\r\n');
    // Only the addition: it goes after the old last line, which then needs its newline.
    expect(applySelection('a\r\nb', hunks, 'old', { oldRanges: [], newRanges: [{ start: 2, end: 2 }] })).toBe('a\r\nb\nB\r\n');
  });

  it('reverts selected lines from the new side when unstaging', () => {
    const hunks = hunksOf(['@@ -1,3 +1,3 @@', ' x', '-y', '+Y', ' z', ''].join('\n'));
    expect(applySelection('x\nY\nz\n', hunks, 'new', { oldRanges: [{ start: 2, end: 2 }], newRanges: [{ start: 2, end: 2 }] })).toBe('x\ny\nz\n');
    expect(applySelection('x\nY\nz\n', hunks, 'new', { oldRanges: [], newRanges: [{ start: 2, end: 2 }] })).toBe('x\nz\n');
  });
});
