import { describe, expect, it } from 'vitest';
import type { GitDiffHunk, GitDiffLine, GitLogCommit, GitStatus } from '../../../src-shared/contract';
import { buildDecorations } from '../../../src-renderer/features/scm/decorations';
import { changeBars } from '../../../src-renderer/features/scm/editor/change-bar-ranges';
import { parseConflicts, resolveConflict } from '../../../src-renderer/features/scm/editor/conflict-markers';
import { hunkAnchor, hunkSelection, selectedLineRanges, selectionFromLines, toRanges } from '../../../src-renderer/features/scm/editor/line-selection';
import { emptyGraphState, layoutGraph, type GraphRow } from '../../../src-renderer/features/scm/history/graph-layout';
import { parseRefs } from '../../../src-renderer/features/scm/history/refs';

/** A hunk from its lines as `git diff` prints them (' ', '-', '+'), numbered from the given starts. */
function hunk(oldStart: number, newStart: number, text: string): GitDiffHunk {
  let oldLine = oldStart;
  let newLine = newStart;
  const lines: GitDiffLine[] = text.split('\n').map((raw) => {
    const [sign, body] = [raw[0], raw.slice(1)];
    if (sign === '-') return { kind: 'removed', text: body, oldLine: oldLine++, newLine: null };
    if (sign === '+') return { kind: 'added', text: body, oldLine: null, newLine: newLine++ };
    return { kind: 'context', text: body, oldLine: oldLine++, newLine: newLine++ };
  });
  const oldLines = lines.filter((line) => line.kind !== 'added').length;
  const newLines = lines.filter((line) => line.kind !== 'removed').length;
  return {
    oldStart: oldLines === 0 ? oldStart - 1 : oldStart,
    oldLines,
    newStart: newLines === 0 ? newStart - 1 : newStart,
    newLines,
    heading: '',
    lines,
  };
}

describe('line selection', () => {
  // Old lines 1-7; line 3 is rewritten, line 5 deleted, and a line is added after old line 6.
  const changes = hunk(1, 1, [' one', ' two', '-three', '+THREE', ' four', '-five', ' six', '+six and a half', ' seven'].join('\n'));

  it('selects a whole hunk as the contract spells it', () => {
    expect(hunkSelection('a.txt', changes)).toEqual({ path: 'a.txt', oldRanges: [{ start: 1, end: 7 }], newRanges: [{ start: 1, end: 7 }] });
    const deletion = hunk(4, 4, '-gone');
    expect(hunkSelection('a.txt', deletion)).toEqual({ path: 'a.txt', oldRanges: [{ start: 4, end: 4 }], newRanges: [] });
  });

  it('folds line numbers into ranges', () => {
    expect(toRanges([5, 1, 2, 3, 9, 10, 5])).toEqual([
      { start: 1, end: 3 },
      { start: 5, end: 5 },
      { start: 9, end: 10 },
    ]);
  });

  it('pairs the lines of a change that has as many lines on both sides', () => {
    expect(selectionFromLines('a.txt', [changes], 'new', [{ start: 3, end: 3 }])).toEqual({
      path: 'a.txt',
      oldRanges: [{ start: 3, end: 3 }],
      newRanges: [{ start: 3, end: 3 }],
    });
  });

  it('picks a deletion from the new side when a line next to it is selected', () => {
    // "five" was between new lines 4 (four) and 5 (six).
    expect(selectionFromLines('a.txt', [changes], 'new', [{ start: 5, end: 5 }])).toEqual({ path: 'a.txt', oldRanges: [{ start: 5, end: 5 }], newRanges: [] });
    expect(selectionFromLines('a.txt', [changes], 'new', [{ start: 4, end: 4 }])?.oldRanges).toEqual([{ start: 5, end: 5 }]);
    expect(selectionFromLines('a.txt', [changes], 'new', [{ start: 1, end: 1 }])).toBeNull();
  });

  it('takes only the selected added lines, with all the removed lines of an uneven change', () => {
    const uneven = hunk(10, 10, ['-old', '+new one', '+new two', '+new three'].join('\n'));
    expect(selectionFromLines('b.txt', [uneven], 'new', [{ start: 11, end: 11 }])).toEqual({
      path: 'b.txt',
      oldRanges: [{ start: 10, end: 10 }],
      newRanges: [{ start: 11, end: 11 }],
    });
  });

  it('selects removed lines from the old side', () => {
    expect(selectionFromLines('a.txt', [changes], 'old', [{ start: 5, end: 5 }])).toEqual({ path: 'a.txt', oldRanges: [{ start: 5, end: 5 }], newRanges: [] });
    // An addition seen from the old side is picked by the lines around it.
    expect(selectionFromLines('a.txt', [changes], 'old', [{ start: 7, end: 7 }])?.newRanges).toEqual([{ start: 6, end: 6 }]);
  });

  it('places a hunk’s actions above its first change', () => {
    expect(hunkAnchor(changes)).toBe(2);
    expect(hunkAnchor(hunk(1, 1, '+first line'))).toBe(0);
  });

  it('reads whole lines from editor selections', () => {
    expect(selectedLineRanges([{ startLineNumber: 2, endLineNumber: 5, endColumn: 1 }])).toEqual([{ start: 2, end: 4 }]);
    expect(selectedLineRanges([{ startLineNumber: 7, endLineNumber: 7, endColumn: 1 }])).toEqual([{ start: 7, end: 7 }]);
  });
});

describe('change bars', () => {
  it('marks added, modified and deleted lines', () => {
    const bars = changeBars([hunk(1, 1, [' one', '-two', '+TWO', ' three', '-four', ' five', '+five and a half', '+five and more'].join('\n'))]);
    expect(bars).toEqual([
      { kind: 'modified', start: 2, end: 2 },
      { kind: 'deleted', start: 3, end: 3 },
      { kind: 'added', start: 5, end: 6 },
    ]);
  });
});

const commit = (oid: string, parents: string[]): GitLogCommit => ({ oid, parents, subject: oid, author: { name: 'A', email: 'a@example.com', time: 0 }, refs: [] });

describe('commit graph layout', () => {
  it('keeps a straight history in one lane', () => {
    const { rows } = layoutGraph(emptyGraphState(), [commit('c', ['b']), commit('b', ['a']), commit('a', [])]);
    expect(rows.map((row) => row.column)).toEqual([0, 0, 0]);
    expect(rows.map((row) => row.width)).toEqual([1, 1, 1]);
    expect(rows[2]?.continuing).toEqual([]);
  });

  it('opens a lane for a merged branch and joins it again at the fork', () => {
    // m merges t into b; t and b both come from a.
    const { rows } = layoutGraph(emptyGraphState(), [commit('m', ['b', 't']), commit('t', ['a']), commit('b', ['a']), commit('a', [])]);
    const byOid = Object.fromEntries(rows.map((row) => [row.commit.oid, row])) as Record<string, GraphRow>;
    expect(byOid.m?.column).toBe(0);
    expect(byOid.t?.column).toBe(1);
    expect(byOid.b?.column).toBe(0);
    expect(byOid.a?.column).toBe(0);
    // The merge sends a line to the second parent's lane.
    expect(byOid.m?.segments).toContainEqual(expect.objectContaining({ fromColumn: 0, fromY: 0.5, toColumn: 1, toY: 1 }));
    // The fork point gathers both lanes.
    expect(byOid.a?.segments).toContainEqual(expect.objectContaining({ fromColumn: 1, fromY: 0, toColumn: 0, toY: 0.5 }));
    expect(byOid.t?.color).not.toBe(byOid.m?.color);
    expect(byOid.a?.width).toBe(2);
  });

  it('lays out page after page as if it were one list', () => {
    const commits = [commit('m', ['b', 't']), commit('t', ['a']), commit('b', ['a']), commit('a', [])];
    const whole = layoutGraph(emptyGraphState(), commits).rows;
    const first = layoutGraph(emptyGraphState(), commits.slice(0, 2));
    const second = layoutGraph(first.state, commits.slice(2));
    expect([...first.rows, ...second.rows]).toEqual(whole);
  });

  it('lays out 50,000 commits quickly', () => {
    const commits = Array.from({ length: 50_000 }, (_, index) => commit(`c${index}`, index + 1 < 50_000 ? [`c${index + 1}`] : []));
    const started = performance.now();
    const { rows } = layoutGraph(emptyGraphState(), commits);
    expect(rows).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('conflict markers', () => {
  const text = ['before', '<<<<<<< HEAD', 'ours', '=======', 'theirs 1', 'theirs 2', '>>>>>>> feature', 'middle', '<<<<<<< HEAD', 'a', '||||||| base', 'o', '=======', 'b', '>>>>>>> other', 'unfinished <<<<<<<'];

  it('finds each block with its sides, including a diff3 base', () => {
    const regions = parseConflicts(text);
    expect(regions).toHaveLength(2);
    expect(regions[0]).toMatchObject({
      startLine: 2,
      current: { start: 3, end: 3 },
      base: null,
      separatorLine: 4,
      incoming: { start: 5, end: 6 },
      endLine: 7,
      currentName: 'HEAD',
      incomingName: 'feature',
    });
    expect(regions[1]).toMatchObject({ startLine: 9, current: { start: 10, end: 10 }, base: { start: 12, end: 12 }, incoming: { start: 14, end: 14 }, endLine: 15 });
  });

  it('resolves a block to one side or both', () => {
    const [region] = parseConflicts(text);
    if (!region) throw new Error('no conflict found');
    expect(resolveConflict(text, region, 'current')).toEqual(['ours']);
    expect(resolveConflict(text, region, 'incoming')).toEqual(['theirs 1', 'theirs 2']);
    expect(resolveConflict(text, region, 'both')).toEqual(['ours', 'theirs 1', 'theirs 2']);
  });

  it('leaves a block without its end marker alone', () => {
    expect(parseConflicts(['<<<<<<< HEAD', 'ours', '======='])).toEqual([]);
  });
});

describe('decorations and refs', () => {
  const head = { branch: 'main', oid: 'abc', detached: false, upstream: null, ahead: 0, behind: 0 };
  const status: GitStatus = {
    head,
    staged: [{ path: 'src/a.ts', kind: 'added' }],
    unstaged: [{ path: 'src/a.ts', kind: 'modified' }, { path: 'docs/b.md', kind: 'deleted' }],
    untracked: [{ path: 'src/new/c.ts', kind: 'untracked' }],
    conflicted: [{ path: 'src/d.ts', kind: 'bothModified' }],
    operation: 'merge',
    stashCount: 0,
    truncated: false,
  };

  it('gives each changed file its letter, the working tree over the index, a conflict over both', () => {
    const decorations = buildDecorations(status);
    expect(decorations.get('src/a.ts')).toMatchObject({ letter: 'M', className: 'git-decoration-modified' });
    expect(decorations.get('docs/b.md')).toMatchObject({ letter: 'D' });
    expect(decorations.get('src/new/c.ts')).toMatchObject({ letter: 'U', className: 'git-decoration-untracked' });
    expect(decorations.get('src/d.ts')).toMatchObject({ letter: 'C', className: 'git-decoration-conflict' });
  });

  it('colours the folders above changes by the most pressing one, without a letter', () => {
    const decorations = buildDecorations(status);
    expect(decorations.get('src')).toMatchObject({ letter: null, className: 'git-decoration-conflict' });
    expect(decorations.get('src/new')).toMatchObject({ letter: null, className: 'git-decoration-untracked' });
    expect(decorations.get('docs')).toMatchObject({ className: 'git-decoration-deleted' });
    expect(buildDecorations(null).size).toBe(0);
  });

  it('tells the current branch, remote branches and tags apart', () => {
    expect(parseRefs(['HEAD -> main', 'origin/main', 'origin/HEAD', 'tag: v1.0', 'feature/x'], ['origin'])).toEqual([
      { label: 'main', kind: 'head' },
      { label: 'origin/main', kind: 'remote' },
      { label: 'v1.0', kind: 'tag' },
      { label: 'feature/x', kind: 'branch' },
    ]);
  });
});
