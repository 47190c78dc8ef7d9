import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAcceptedHunks, planSearchReplace } from '../../../../src-shared/apply/index.js';

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const eol = fc.constantFrom('\n', '\r\n');

/** Unique lines, so a slice of them is found exactly once. */
const document = fc.record({ lines: fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), eol, finalNewline: fc.boolean() });

const render = (lines: readonly string[], lineEnd: string, finalNewline: boolean) => lines.join(lineEnd) + (finalNewline && lines.length ? lineEnd : '');

describe('apply properties', () => {
  it('an exact search/replace gives exactly the expected text, and all hunks rebuild it', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.nat(), fc.array(word, { maxLength: 5 }), ({ lines, eol: lineEnd, finalNewline }, a, b, replace) => {
        const start = a % lines.length;
        const end = start + 1 + (b % (lines.length - start));
        const original = render(lines, lineEnd, finalNewline);
        const expectedLines = [...lines.slice(0, start), ...replace, ...lines.slice(end)];
        const edit = planSearchReplace(original, [{ search: lines.slice(start, end), replace }]);
        expect(edit.refusals).toEqual([]);
        expect(edit.applied[0]?.layer).toBe('exact');
        // A file with no line ending at all gives no hint of its style; new lines then end in \n.
        const newEol = original.includes(lineEnd) ? lineEnd : '\n';
        expect(edit.newText).toBe(render(expectedLines, newEol, finalNewline));
        expect(applyAcceptedHunks(original, edit.hunks, edit.hunks.map((hunk) => hunk.id))).toBe(edit.newText);
        expect(applyAcceptedHunks(original, edit.hunks, [])).toBe(original);
      }),
    );
  });

  it('a refused edit never changes the text', () => {
    const missing = fc.array(fc.stringMatching(/^[0-9]{1,8}$/), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(document, missing, fc.array(word, { maxLength: 4 }), fc.boolean(), ({ lines, eol: lineEnd, finalNewline }, search, replace, duplicate) => {
        // Either text that is not in the file, or a line that is in it twice.
        const fileLines = duplicate ? [...lines, lines[0] ?? 'a'] : lines;
        const original = render(fileLines, lineEnd, finalNewline);
        const edit = planSearchReplace(original, [{ search: duplicate ? [fileLines[0] ?? 'a'] : search, replace }]);
        expect(edit.refusals.map((refusal) => refusal.reason)).toEqual([duplicate ? 'ambiguous' : 'not-found']);
        expect(edit.newText).toBe(original);
        expect(edit.hunks).toEqual([]);
      }),
    );
  });

  it('any block either applies or leaves the text byte for byte as it was', () => {
    const line = fc.stringMatching(/^[ \t]{0,3}(?:[a-c ]{0,6}|\.\.\.|\/\/ \.\.\.)$/);
    const text = fc.tuple(fc.array(line, { maxLength: 12 }), eol, fc.boolean()).map(([lines, lineEnd, finalNewline]) => render(lines, lineEnd, finalNewline));
    fc.assert(
      fc.property(text, fc.array(line, { maxLength: 4 }), fc.array(line, { maxLength: 4 }), (original, search, replace) => {
        const edit = planSearchReplace(original, [{ search, replace }]);
        if (edit.applied.length === 0) expect(edit.newText).toBe(original);
        expect(applyAcceptedHunks(original, edit.hunks, edit.hunks.map((hunk) => hunk.id))).toBe(edit.newText);
      }),
    );
  });
});
