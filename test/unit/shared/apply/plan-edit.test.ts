import { describe, expect, it } from 'vitest';
import { planEdit, planRewrite, planSearchReplace } from '../../../../src-shared/apply/index.js';

const block = (search: string, replace: string) => ['<<<<<<< SEARCH', search, '=======', replace, '>>>>>>> REPLACE'].join('\n');

describe('planEdit with search/replace blocks', () => {
  it('keeps CRLF endings, including on inserted lines', () => {
    const original = 'one\r\ntwo\r\nthree\r\n';
    const edit = planEdit(original, block('two', 'two\ntwo and a half'));
    expect(edit.newText).toBe('one\r\ntwo\r\ntwo and a half\r\nthree\r\n');
  });

  it('keeps mixed endings where they were', () => {
    const original = 'a\r\nb\nc\r\n';
    expect(planEdit(original, block('b', 'B')).newText).toBe('a\r\nB\nc\r\n');
    expect(planEdit(original, block('a\nb\nc', 'b\nc')).newText).toBe('b\nc\r\n');
  });

  it('keeps a missing final newline, also when the last line is edited or extended', () => {
    expect(planEdit('a\nb', block('b', 'B')).newText).toBe('a\nB');
    expect(planEdit('a\nb', block('b', 'b\nc')).newText).toBe('a\nb\nc');
    expect(planEdit('a\nb\n', block('b', 'b\nc')).newText).toBe('a\nb\nc\n');
  });

  it('writes replacement indentation in the file’s tabs', () => {
    const original = 'func main() {\n\tif ok {\n\t\trun()\n\t}\n}\n';
    const edit = planEdit(original, block('    if ok {\n        run()\n    }', '    if ok {\n        run()\n        stop()\n    }'));
    expect(edit.applied[0]?.layer).toBe('whitespace');
    expect(edit.newText).toBe('func main() {\n\tif ok {\n\t\trun()\n\t\tstop()\n\t}\n}\n');
  });

  it('applies several blocks, refusing one and keeping the rest', () => {
    const original = 'alpha\nbeta\ngamma\ndelta\n';
    const answer = ['src/greek.txt', '```', block('alpha', 'ALPHA'), block('omega-missing-line', 'x'), block('delta', 'DELTA'), '```'].join('\n');
    const edit = planEdit(original, answer);
    expect(edit.newText).toBe('ALPHA\nbeta\ngamma\nDELTA\n');
    expect(edit.applied.map((applied) => applied.blockIndex)).toEqual([0, 2]);
    expect(edit.refusals).toMatchObject([{ blockIndex: 1, reason: 'not-found' }]);
  });

  it('keeps the lines an elision stood for, byte for byte', () => {
    const original = 'def run():\r\n    setup()  \r\n    work()\r\n    return 1\r\n';
    const edit = planEdit(original, block('def run():\n    # ...\n    return 1', 'def run():\n    # ...\n    return 2'));
    expect(edit.applied[0]?.layer).toBe('elision');
    expect(edit.newText).toBe('def run():\r\n    setup()  \r\n    work()\r\n    return 2\r\n');
    expect(edit.hunks).toHaveLength(1);
  });

  it('takes only the blocks an answer names for the file being edited', () => {
    const answer = ['src/a.ts', block('x', 'A'), 'src/b.ts', block('x', 'B')].join('\n');
    expect(planEdit('x\n', answer, { path: '/work/project/src/b.ts' }).newText).toBe('B\n');
    expect(planEdit('x\n', answer, { path: 'src\\a.ts' }).newText).toBe('A\n');
  });

  it('applies later blocks to the text earlier blocks left', () => {
    const edit = planEdit('x = 1\n', [block('x = 1', 'x = 2'), block('x = 2', 'x = 3')].join('\n'));
    expect(edit.newText).toBe('x = 3\n');
  });

  it('refuses an ambiguous block without touching the text', () => {
    const original = 'log()\nwork()\nlog()\n';
    const edit = planEdit(original, block('log()', 'trace()'));
    expect(edit.newText).toBe(original);
    expect(edit.hunks).toEqual([]);
    expect(edit.refusals[0]).toMatchObject({ reason: 'ambiguous', closest: { startLine: 1 }, closestText: 'log()' });
  });

  it('refuses an empty search on a non-empty file and fills an empty one', () => {
    expect(planSearchReplace('code\n', [{ search: [], replace: ['new'] }]).refusals[0]?.reason).toBe('empty-search');
    expect(planSearchReplace('', [{ search: [''], replace: ['new'] }]).newText).toBe('new\n');
  });

  it('refuses an answer with no edit in it', () => {
    const edit = planEdit('a\n', 'I would rename the variable.');
    expect(edit).toMatchObject({ newText: 'a\n', refusals: [{ reason: 'unparsed', blockIndex: -1 }] });
  });
});

describe('planEdit with unified diffs', () => {
  const original = ['import x', '', 'def f():', '    return 1', '', 'def g():', '    return 2', ''].join('\n');

  it('applies a hunk whose header line is off', () => {
    const diff = ['--- a/m.py', '+++ b/m.py', '@@ -40,3 +40,3 @@', ' def g():', '-    return 2', '+    return 3', ''].join('\n');
    const edit = planEdit(original, diff);
    expect(edit.applied[0]?.layer).toBe('exact');
    expect(edit.newText).toBe(original.replace('return 2', 'return 3'));
  });

  it('applies a hunk with stale context through the fuzzy layer', () => {
    const diff = ['@@ -6,2 +6,2 @@', ' def g() :', '-    return 2', '+    return 3'].join('\n');
    const edit = planEdit(original, diff);
    expect(edit.applied[0]?.layer).toBe('fuzzy');
    expect(edit.newText).toBe(original.replace('return 2', 'return 3'));
  });

  it('uses the header line to pick between equal contexts', () => {
    const repeated = 'a\nreturn\nb\nreturn\n';
    const diff = ['@@ -4,1 +4,1 @@', '-return', '+return 0'].join('\n');
    expect(planEdit(repeated, diff).newText).toBe('a\nreturn\nb\nreturn 0\n');
  });
});

describe('planRewrite', () => {
  it('rewrites the whole file from a fenced answer, keeping unchanged lines’ endings', () => {
    const original = 'a\r\nb\r\nc\r\n';
    const edit = planEdit(original, 'Here it is:\n```ts\na\nB\nc\n```\n');
    expect(edit.newText).toBe('a\r\nB\r\nc\r\n');
    expect(edit.hunks).toHaveLength(1);
  });

  it('rewrites a region only', () => {
    expect(planRewrite('1\n2\n3\n4\n', 'two\nthree\n', { startLine: 2, endLine: 3 }).newText).toBe('1\ntwo\nthree\n4\n');
  });

  it('refuses a rewrite that elides code or empties the file', () => {
    expect(planRewrite('a\nb\n', 'a\n// ... existing code ...\n').refusals[0]?.reason).toBe('unsafe-rewrite');
    expect(planRewrite('a\nb\n', '\n').refusals[0]?.reason).toBe('unsafe-rewrite');
    expect(planRewrite('a\nb\n', '\n').newText).toBe('a\nb\n');
  });
});
