import { describe, expect, it } from 'vitest';
import { expandMatrix, MatrixError } from '../../../../src-main/services/pipelines/engine/matrix';

describe('matrix expansion (GitHub rules)', () => {
  it('is the cartesian product in key order', () => {
    expect(expandMatrix({ os: ['linux', 'mac'], node: [18, 20] })).toEqual([
      { os: 'linux', node: 18 },
      { os: 'linux', node: 20 },
      { os: 'mac', node: 18 },
      { os: 'mac', node: 20 },
    ]);
  });

  it('removes combinations matching an exclude entry (partially), objects compared deeply', () => {
    expect(expandMatrix({ os: ['linux', 'mac'], cfg: [{ a: 1 }, { a: 2 }], exclude: [{ os: 'mac', cfg: { a: 1 } }] })).toEqual([
      { os: 'linux', cfg: { a: 1 } },
      { os: 'linux', cfg: { a: 2 } },
      { os: 'mac', cfg: { a: 2 } },
    ]);
  });

  it('merges include entries into the combinations they fit, and adds the ones that fit none', () => {
    expect(
      expandMatrix({
        fruit: ['apple', 'pear'],
        animal: ['cat', 'dog'],
        include: [{ color: 'green' }, { color: 'pink', animal: 'cat' }, { fruit: 'apple', shape: 'circle' }, { fruit: 'banana' }, { fruit: 'banana', animal: 'cat' }],
      }),
    ).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it('takes a matrix of includes only as those combinations', () => {
    expect(expandMatrix({ include: [{ a: 1 }, { a: 2, b: 3 }] })).toEqual([{ a: 1 }, { a: 2, b: 3 }]);
  });

  it('refuses more than 256 combinations (before building them), empty vectors and empty results', () => {
    expect(() => expandMatrix({ a: Array.from({ length: 100 }, (_, i) => i), b: Array.from({ length: 100 }, (_, i) => i), c: Array.from({ length: 100 }, (_, i) => i) })).toThrow(
      /1000000 jobs; at most 256/,
    );
    expect(() => expandMatrix({ a: Array.from({ length: 256 }, (_, i) => i), include: [{ extra: 1, a: 'new' }] })).toThrow(/257 jobs/);
    expect(() => expandMatrix({ a: [] })).toThrow(MatrixError);
    expect(() => expandMatrix({ a: [1], exclude: [{ a: 1 }] })).toThrow(/no jobs/);
    expect(() => expandMatrix({ a: 'x' })).toThrow(/must be a list/);
    expect(() => expandMatrix(['x'])).toThrow(/mapping/);
  });
});
