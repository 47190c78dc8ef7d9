import { describe, expect, it } from 'vitest';
import { locateBlock } from '../../../../src-shared/apply/index.js';

const file = ['function total(items) {', '  let sum = 0;', '  for (const item of items) {', '    sum += item.price;', '  }', '  return sum;', '}'];

describe('locateBlock layers', () => {
  it('matches exactly first', () => {
    const found = locateBlock(file, { search: ['  return sum;'], replace: ['  return sum * 2;'] });
    expect(found).toMatchObject({ ok: true, layer: 'exact', start: 5, end: 6, replacement: ['  return sum * 2;'] });
  });

  it('ignores trailing whitespace only when the exact layer finds nothing', () => {
    const found = locateBlock(file, { search: ['  let sum = 0;   '], replace: ['  let sum = 1;'] });
    expect(found).toMatchObject({ ok: true, layer: 'trailing-whitespace', start: 1, replacement: ['  let sum = 1;'] });
  });

  it('ignores indentation and re-indents the replacement to the file', () => {
    const found = locateBlock(file, {
      search: ['for (const item of items) {', '  sum += item.price;', '}'],
      replace: ['for (const item of items) {', '  sum += item.price * item.quantity;', '}'],
    });
    expect(found).toMatchObject({
      ok: true,
      layer: 'whitespace',
      start: 2,
      end: 5,
      replacement: ['  for (const item of items) {', '    sum += item.price * item.quantity;', '  }'],
    });
  });

  it('lets an elision stand for any run of lines and keeps those lines', () => {
    const found = locateBlock(file, {
      search: ['function total(items) {', '  // ... existing code ...', '  return sum;', '}'],
      replace: ['function total(items) {', '  // ... existing code ...', '  return Math.round(sum);', '}'],
    });
    expect(found).toMatchObject({ ok: true, layer: 'elision', start: 0, end: 7 });
    if (found.ok) expect(found.replacement).toEqual([...file.slice(0, 5), '  return Math.round(sum);', '}']);
  });

  it('refuses an elided search whose replacement would drop the elided lines', () => {
    const found = locateBlock(file, { search: ['function total(items) {', '...', '}'], replace: ['function total(items) {', '  return 0;', '}'] });
    expect(found).toMatchObject({ ok: false, reason: 'elision-mismatch' });
  });

  it('falls back to a fuzzy match above the threshold', () => {
    const found = locateBlock(file, {
      search: ['  for (const item of item) {', '    sum += item.price;', '  }'],
      replace: ['  for (const item of items) {', '    sum += item.cost;', '  }'],
    });
    expect(found).toMatchObject({ ok: true, layer: 'fuzzy', start: 2, end: 5 });
  });

  it('refuses a block found nowhere, with the closest candidate', () => {
    const found = locateBlock(file, { search: ['  let sum = 100;', '  for (const row of rows) {'], replace: [] });
    expect(found).toMatchObject({ ok: false, reason: 'not-found', closest: { startLine: 2, endLine: 3 } });
    if (!found.ok) expect(found.closest?.similarity).toBeLessThan(0.9);
  });

  it('refuses a block found twice, naming the places', () => {
    const repeated = ['a();', 'b();', 'a();'];
    const found = locateBlock(repeated, { search: ['a();'], replace: ['c();'] });
    expect(found).toMatchObject({ ok: false, reason: 'ambiguous', closest: { startLine: 1, endLine: 1, similarity: 1 } });
    if (!found.ok) expect(found.detail).toContain('lines 1, 3');
  });

  it('refuses a fuzzy match that is no better than the runner-up', () => {
    const twins = ['value = compute(alpha, beta)', 'other()', 'value = compute(alpha, betb)'];
    const found = locateBlock(twins, { search: ['value = compute(alpha, betc)'], replace: ['x'] });
    expect(found).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('lets a line hint settle a tie when one match is strictly nearest', () => {
    const repeated = ['a();', 'b();', 'c();', 'd();', 'a();'];
    expect(locateBlock(repeated, { search: ['a();'], replace: ['z();'], lineHint: 4 })).toMatchObject({ ok: true, start: 4 });
  });
});

describe('locateBlock replacements', () => {
  it('keeps the file’s own whitespace on lines the model left unchanged', () => {
    const spaced = ['if (x) {', '  call( a );  ', '}'];
    const found = locateBlock(spaced, { search: ['if (x) {', 'call( a );', '}'], replace: ['if (x) {', 'call( a );', 'more();', '}'] });
    expect(found).toMatchObject({ ok: true, layer: 'whitespace', replacement: ['if (x) {', '  call( a );  ', 'more();', '}'] });
  });
});
