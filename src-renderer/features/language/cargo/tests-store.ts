import { create } from 'zustand';
import type { CargoTarget, CargoTest, CargoTestOutcome } from '../../../../src-shared/contract';

export type TestState = CargoTestOutcome | 'running';

export interface TestResult {
  state: TestState;
  /** What a failed test printed. */
  output?: string;
}

interface TestsState {
  tests: CargoTest[];
  /** By `resultKey`. */
  results: Readonly<Record<string, TestResult>>;
  listing: 'idle' | 'loading' | 'loaded' | 'failed';
  /** Why the list could not be made (no Cargo.toml, tests that do not build). */
  message: string | null;
  running: boolean;
}

export const useTestsStore = create<TestsState>()(() => ({ tests: [], results: {}, listing: 'idle', message: null, running: false }));

/** A result is known by package and name; a run over the whole workspace reports names only. */
export const resultKey = (packageName: string | null, name: string): string => `${packageName ?? ''}::${name}`;

export function resultOf(results: TestsState['results'], test: CargoTest): TestResult | undefined {
  return results[resultKey(test.package, test.name)] ?? results[resultKey(null, test.name)];
}

/** The tests a run covers: all, a package's, a target's, or one by name. */
export interface TestScope {
  package?: string;
  target?: CargoTarget;
  name?: string;
}

export function inScope(test: CargoTest, scope: TestScope): boolean {
  return (
    (scope.package === undefined || test.package === scope.package) &&
    (scope.target === undefined || (test.target.kind === scope.target.kind && test.target.name === scope.target.name)) &&
    (scope.name === undefined || test.name === scope.name)
  );
}
