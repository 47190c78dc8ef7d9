import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateBlock, planEdit, retryMessage, type NodeLines, type SyntaxOutline, type SyntaxParser } from '../../../../src-shared/apply/index.js';
import { addedErrorLine, wholeNodeRanges } from '../../../../src-shared/apply/syntax.js';

/**
 * A parser that knows only braces: each pair on different lines is a node, a `}` without its `{` is an error on its
 * line and a `{` never closed one on the last line. It counts its parses.
 */
function braceParser(): SyntaxParser & { parses: number } {
  const parser = {
    parses: 0,
    parse(text: string): SyntaxOutline {
      parser.parses++;
      const lines = text.split('\n');
      const open: number[] = [];
      const nodes: { first: number; last: number; token: boolean }[] = [];
      const errorLines: number[] = [];
      lines.forEach((line, index) => {
        for (const char of line) {
          if (char === '{') open.push(index + 1);
          if (char !== '}') continue;
          const first = open.pop();
          if (first === undefined) errorLines.push(index + 1);
          else if (first < index + 1) nodes.push({ first, last: index + 1, token: false });
        }
      });
      errorLines.push(...open.map(() => lines.length));
      return { errorLines, nodes };
    },
  };
  return parser;
}

/** Nodes nested as a syntax tree's are; a child may start on the line its previous sibling ends on (`} else {`). */
function nestedNodes(draw: () => number, first: number, last: number, depth: number): NodeLines[] {
  const token = depth > 0 && draw() % 6 === 0;
  const nodes: NodeLines[] = [{ first, last, token }];
  let line = first;
  while (!token && depth < 4) {
    const start = line + (draw() % 2);
    const end = start + 1 + (draw() % 5);
    if (end > last) break;
    nodes.push(...nestedNodes(draw, start, end, depth + 1));
    line = end;
  }
  return nodes;
}

const outline = (nodes: [number, number, boolean?][], errorLines: number[] = []): SyntaxOutline => ({
  errorLines,
  nodes: nodes.map(([first, last, token = false]) => ({ first, last, token })),
});

describe('wholeNodeRanges', () => {
  // A function on lines 1-9 holding an if on lines 2-4 and a loop on 5-8.
  const coversWholeNodes = wholeNodeRanges(
    outline([
      [1, 9],
      [2, 4],
      [5, 8],
    ]),
  );

  it('takes lines holding whole nodes, or whole lines inside one node', () => {
    expect(coversWholeNodes(2, 4)).toBe(true);
    expect(coversWholeNodes(2, 8)).toBe(true);
    expect(coversWholeNodes(1, 9)).toBe(true);
    expect(coversWholeNodes(3, 3)).toBe(true);
  });

  it('refuses lines that start or end inside a node they do not hold whole', () => {
    expect(coversWholeNodes(2, 5)).toBe(false);
    expect(coversWholeNodes(4, 8)).toBe(false);
    expect(coversWholeNodes(1, 4)).toBe(false);
  });

  it('refuses lines inside a token such as a block comment, which no line of starts a node', () => {
    const commented = wholeNodeRanges(outline([[1, 5, true]]));
    expect(commented(2, 3)).toBe(false);
    expect(commented(1, 5)).toBe(true);
  });

  it('agrees with checking every node against both edges of every range, on random trees', () => {
    const byEveryNode = (nodes: readonly NodeLines[], startLine: number, endLine: number) =>
      nodes.every(({ first, last, token }) => {
        const spansStart = first < startLine && last >= startLine;
        const spansEnd = first <= endLine && last > endLine;
        return token ? !spansStart && !spansEnd : spansStart === spansEnd;
      });
    fc.assert(
      fc.property(fc.array(fc.nat(99), { minLength: 64, maxLength: 64 }), fc.integer({ min: 2, max: 40 }), (choices, lines) => {
        let next = 0;
        const draw = () => choices[next++ % choices.length] ?? 0;
        const nodes = nestedNodes(draw, 1, lines, 0);
        const covers = wholeNodeRanges({ errorLines: [], nodes });
        for (let startLine = 1; startLine <= lines; startLine++) {
          for (let endLine = startLine; endLine <= lines; endLine++) expect(covers(startLine, endLine)).toBe(byEveryNode(nodes, startLine, endLine));
        }
      }),
    );
  });
});

describe('addedErrorLine', () => {
  it('compares counts: a file that had errors only must not get more', () => {
    expect(addedErrorLine(outline([]), outline([], [7]), 1)).toBe(7);
    expect(addedErrorLine(outline([], [3]), outline([], [3]), 1)).toBeUndefined();
    expect(addedErrorLine(outline([], [3]), outline([], [3, 12]), 5)).toBe(12);
    expect(addedErrorLine(outline([], [3]), outline([], [3, 4]), 5)).toBe(3);
  });
});

describe('placing blocks with a parser', () => {
  // The same lines are a whole if statement in send and the head of an if/else in send_counted.
  const file = [
    'impl Link {',
    '    fn send(&mut self, frame: &Frame) {',
    '        if let Err(error) = self.writer.write_all(&frame.to_bytes()) {',
    '            log::warn!("dropping frame {}: {}", frame.id, error);',
    '            self.dropped += 1;',
    '        }',
    '    }',
    '',
    '    fn send_counted(&mut self, frame: &Frame) {',
    '        if let Err(error) = self.writer.write_all(&frame.to_bytes()) {',
    '            log::warn!("dropping frame {}: {}", frame.id, error);',
    '            self.dropped += 1;',
    '        } else {',
    '            self.sent += 1;',
    '        }',
    '    }',
    '}',
  ];
  const staleIf = [
    '        if let Err(error) = self.writer.write_all(&frame.encode()) {',
    '            log::warn!("dropping frame {}: {}", frame.id, error);',
    '            self.dropped += 1;',
    '        }',
  ];
  const counted = staleIf.map((line) => line.replace('self.dropped += 1;', 'self.dropped += 2;'));
  const sendOnly = [...file.slice(0, 8), '}'];

  it('of close fuzzy windows, takes the only one holding whole nodes; by text alone it is ambiguous', () => {
    expect(locateBlock(file, { search: staleIf, replace: counted })).toMatchObject({ ok: false, reason: 'ambiguous' });
    const found = locateBlock(file, { search: staleIf, replace: counted }, braceParser());
    expect(found).toMatchObject({ ok: true, layer: 'fuzzy', start: 2, end: 6 });
    if (found.ok) expect(found.replacement[2]).toBe('            self.dropped += 2;');
  });

  it('stays ambiguous when several close windows hold whole nodes', () => {
    const twins = [...file.slice(0, 8), ...file.slice(1, 7), '}'];
    expect(locateBlock(twins, { search: staleIf, replace: counted }, braceParser())).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('refuses a fuzzy placement that leaves the file with a new error, naming its line', () => {
    const dropsBrace = { search: staleIf, replace: counted.slice(0, 3) };
    const located = locateBlock(sendOnly, dropsBrace, braceParser());
    expect(located).toMatchObject({ ok: false, reason: 'syntax-error', closest: { startLine: 3, endLine: 6 } });
    if (!located.ok) expect(located.detail).toBe('applying this block where it matched best would leave a syntax error at line 8');
    expect(locateBlock(sendOnly, dropsBrace)).toMatchObject({ ok: true, layer: 'fuzzy' });
  });

  it('refuses an elision placement that leaves a new error', () => {
    const search = ['    fn send(&mut self, frame: &Frame) {', '        // ... existing code ...', '    }'];
    const replace = ['    fn send(&mut self, frame: &Frame) {', '        // ... existing code ...', '        self.flush();'];
    expect(locateBlock(file, { search, replace })).toMatchObject({ ok: true, layer: 'elision' });
    expect(locateBlock(file, { search, replace }, braceParser())).toMatchObject({ ok: false, reason: 'syntax-error', closest: { startLine: 2, endLine: 6, similarity: 1 } });
  });

  it('parses nothing for a block the exact and whitespace layers place, and only the result when it has no error', () => {
    const parser = braceParser();
    locateBlock(file, { search: ['            self.sent += 1;'], replace: ['            self.sent += 2;'] }, parser);
    locateBlock(file, { search: ['self.sent += 1;'], replace: ['self.sent += 2;'] }, parser);
    expect(parser.parses).toBe(0);
    locateBlock(sendOnly, { search: staleIf, replace: counted }, parser);
    expect(parser.parses).toBe(1);
  });

  it('passes the parser through planEdit, and the retry message says what to fix', () => {
    const answer = ['<<<<<<< SEARCH', ...staleIf, '=======', ...counted.slice(0, 3), '>>>>>>> REPLACE'].join('\n');
    const original = `${sendOnly.join('\n')}\n`;
    const edit = planEdit(original, answer, { syntax: braceParser() });
    expect(edit.newText).toBe(original);
    expect(edit.refusals[0]).toMatchObject({ reason: 'syntax-error', closestText: file.slice(2, 6).join('\n') });
    const message = retryMessage(edit, 0) ?? '';
    expect(message).toContain('Block 1 (syntax-error): applying this block where it matched best would leave a syntax error at line 8.');
    expect(message).toContain('must close every bracket and block it opens');
  });
});
