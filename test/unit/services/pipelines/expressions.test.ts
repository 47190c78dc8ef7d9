import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExpression, hashFilesCalls, hashFilesKey, type ExpressionScope } from '../../../../src-main/services/pipelines/expressions/evaluate';
import { fromExpressionData } from '../../../../src-main/services/pipelines/expressions/expression-data';
import { hashFiles } from '../../../../src-main/services/pipelines/expressions/hash-files';
import { pipelineFixtures } from './pipelines-harness';

interface ExpressionCase {
  expression: string;
  result?: unknown;
  error?: boolean;
  status?: 'failure' | 'cancelled';
}

const { contexts, cases } = JSON.parse(readFileSync(join(pipelineFixtures, 'expressions.json'), 'utf8')) as { contexts: Record<string, unknown>; cases: ExpressionCase[] };

function scope(status: ExpressionCase['status']): ExpressionScope {
  return {
    contexts,
    status: { success: () => status === undefined, failure: () => status === 'failure', cancelled: () => status === 'cancelled' },
  };
}

describe('expressions (GitHub semantics through @actions/expressions, with our contexts and functions)', () => {
  it('has at least 100 cases', () => expect(cases.length).toBeGreaterThanOrEqual(100));

  it.each(cases.map((testCase) => [`${testCase.expression}${testCase.status ? ` (${testCase.status})` : ''}`, testCase] as const))('%s', (_name, testCase) => {
    const evaluate = () => fromExpressionData(evaluateExpression(testCase.expression, scope(testCase.status)));
    if (testCase.error) expect(evaluate).toThrow(/failed/);
    else expect(evaluate()).toEqual(testCase.result);
  });
});

describe('hashFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'lathe-hash-'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  writeFileSync(join(root, 'Cargo.lock'), 'one');
  writeFileSync(join(root, 'a', 'b', 'Cargo.lock'), 'two');
  writeFileSync(join(root, '.git', 'Cargo.lock'), 'ignored');

  it('hashes matching files in path order, leaves .git out, honours !patterns, and gives "" for no match', async () => {
    const all = await hashFiles(root, ['**/Cargo.lock']);
    expect(all).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashFiles(root, ['**/Cargo.lock', '!a/**'])).toBe(await hashFiles(root, ['Cargo.lock']));
    expect(await hashFiles(root, ['Cargo.lock'])).not.toBe(all);
    expect(await hashFiles(root, ['**/*.nothing'])).toBe('');
    writeFileSync(join(root, 'a', 'b', 'Cargo.lock'), 'changed');
    expect(await hashFiles(root, ['**/Cargo.lock'])).not.toBe(all);
  });

  it('finds the calls of an expression with their arguments evaluated, and answers them from the prepared results', () => {
    const probe: ExpressionScope = { contexts: { matrix: { lock: 'Cargo.lock' } } };
    const calls = hashFilesCalls("format('deps-{0}-{1}', hashFiles(matrix.lock), hashFiles('**/x', '!y'))", probe);
    expect(calls).toEqual([['Cargo.lock'], ['**/x', '!y']]);
    const prepared: ExpressionScope = { ...probe, hashFiles: new Map([[hashFilesKey(['Cargo.lock']), 'abc']]) };
    expect(fromExpressionData(evaluateExpression('hashFiles(matrix.lock)', prepared))).toBe('abc');
    expect(() => evaluateExpression("hashFiles('other')", prepared)).toThrow(/not computed/);
  });
});
