import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../../src-shared/apply/index.js';

describe('parseAnswer', () => {
  it('reads fenced search/replace blocks with the file path before them', () => {
    const answer = ['Change this:', '', '**src/app.ts**', '```ts', '<<<<<<< SEARCH', 'a', '=======', 'b', '>>>>>>> REPLACE', '```'].join('\n');
    expect(parseAnswer(answer)).toEqual({ kind: 'search-replace', blocks: [{ search: ['a'], replace: ['b'], path: 'src/app.ts' }] });
  });

  it('keeps fences inside a block as content and marks an unterminated block as malformed', () => {
    const answer = ['<<<<<<< SEARCH', '```', '=======', '~~~', '>>>>>>> REPLACE', '<<<<<<< SEARCH', 'x', '======='].join('\n');
    expect(parseAnswer(answer)).toEqual({
      kind: 'search-replace',
      blocks: [{ search: ['```'], replace: ['~~~'] }, { malformed: expect.stringContaining('cut off'), search: ['x'] }],
    });
  });

  it('reads unified diff hunks with counts, hints and the target path', () => {
    const answer = ['```diff', '--- a/m.py', '+++ b/m.py', '@@ -3,3 +3,3 @@ def f():', ' keep', '--- removed dashes', '+new', ' tail', '\\ No newline at end of file', '```'].join('\n');
    expect(parseAnswer(answer)).toEqual({
      kind: 'unified-diff',
      blocks: [{ search: ['keep', '-- removed dashes', 'tail'], replace: ['keep', 'new', 'tail'], lineHint: 3, path: 'm.py' }],
    });
  });

  it('reads bare @@ hunks without counts', () => {
    const answer = ['@@ ... @@', ' a', '-b', '+c', 'Hope this helps'].join('\n');
    expect(parseAnswer(answer)).toEqual({ kind: 'unified-diff', blocks: [{ search: ['a', 'b'], replace: ['a', 'c'] }] });
  });

  it('reads a single fenced block as a rewrite and nothing else as nothing', () => {
    expect(parseAnswer('```\nx\n```')).toEqual({ kind: 'rewrite', text: 'x\n' });
    expect(parseAnswer('```\nx\n```\n```\ny\n```')).toEqual({ kind: 'none' });
    expect(parseAnswer('just prose')).toEqual({ kind: 'none' });
  });
});
