import { isDeepStrictEqual } from 'node:util';

/** GitHub's limit on the jobs one matrix may produce. */
export const maxMatrixCombinations = 256;

export type MatrixCombination = Record<string, unknown>;

export class MatrixError extends Error {}

/**
 * Expands `strategy.matrix` as GitHub does: the cartesian product of its vectors (in key order), minus
 * each `exclude` entry that matches, then each `include` entry is merged into every combination whose
 * original values it does not contradict, or added as a combination of its own when it fits none.
 */
export function expandMatrix(matrix: unknown): MatrixCombination[] {
  if (!isRecord(matrix)) throw new MatrixError('The matrix must be a mapping');
  const { include = [], exclude = [], ...vectors } = matrix;
  if (!Array.isArray(include) || !Array.isArray(exclude)) throw new MatrixError('include and exclude must be lists of mappings');
  for (const [key, values] of Object.entries(vectors)) {
    if (!Array.isArray(values)) throw new MatrixError(`The matrix vector '${key}' must be a list`);
    if (values.length === 0) throw new MatrixError(`The matrix vector '${key}' has no values`);
  }
  guardSize(Object.values(vectors).reduce((product: number, values) => product * (values as unknown[]).length, 1));

  let combinations: MatrixCombination[] = Object.keys(vectors).length > 0 ? product(vectors as Record<string, unknown[]>) : [];
  for (const entry of exclude) {
    if (!isRecord(entry)) throw new MatrixError('Each exclude entry must be a mapping');
    combinations = combinations.filter((combination) => !matches(combination, entry));
  }

  // Include entries merge only into the product's combinations, never into ones an include added.
  const originalKeys = new Set(Object.keys(vectors));
  const originals = combinations.map((combination) => ({ ...combination }));
  const added: MatrixCombination[] = [];
  for (const entry of include) {
    if (!isRecord(entry)) throw new MatrixError('Each include entry must be a mapping');
    let merged = false;
    combinations.forEach((combination, index) => {
      const original = originals[index] as MatrixCombination;
      const fits = Object.entries(entry).every(([key, value]) => !originalKeys.has(key) || isDeepStrictEqual(original[key], value));
      if (!fits) return;
      Object.assign(combination, entry);
      merged = true;
    });
    if (!merged) added.push({ ...entry });
  }
  combinations = [...combinations, ...added];
  if (combinations.length === 0) throw new MatrixError('The matrix produced no jobs');
  guardSize(combinations.length);
  return combinations;
}

function guardSize(count: number): void {
  if (count > maxMatrixCombinations) {
    throw new MatrixError(`The matrix produces ${count} jobs; at most ${maxMatrixCombinations} are allowed`);
  }
}

function product(vectors: Record<string, unknown[]>): MatrixCombination[] {
  return Object.entries(vectors).reduce<MatrixCombination[]>(
    (combinations, [key, values]) => combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value }))),
    [{}],
  );
}

function matches(combination: MatrixCombination, partial: Record<string, unknown>): boolean {
  return Object.entries(partial).every(([key, value]) => isDeepStrictEqual(combination[key], value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
