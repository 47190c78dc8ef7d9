import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { CargoProblems, cargoOutput } from './cargo-output';
import { inScope, resultKey, resultOf, useTestsStore, type TestResult, type TestScope } from './tests-store';

/** Lists the workspace's tests (building them): the Test view's list. */
export async function refreshTests(): Promise<void> {
  useTestsStore.setState({ listing: 'loading', message: null });
  try {
    const workspace = await host().cargo.workspace();
    if (!workspace) {
      useTestsStore.setState({ tests: [], listing: 'failed', message: 'Open a folder with a Cargo.toml to see its tests.' });
      return;
    }
    const listing = await host().cargo.listTests({});
    const problems = new CargoProblems('tests');
    problems.add(listing.problems);
    problems.publish();
    useTestsStore.setState({ tests: listing.tests, listing: listing.error ? 'failed' : 'loaded', message: listing.error });
  } catch (error) {
    useTestsStore.setState({ listing: 'failed', message: errorMessage(error) });
  }
}

function setResults(entries: readonly [string, TestResult | undefined][]): void {
  useTestsStore.setState((state) => {
    const results = { ...state.results };
    for (const [key, result] of entries) {
      if (result) results[key] = result;
      else delete results[key];
    }
    return { results };
  });
}

/**
 * Runs tests through cargo: those in scope show as running, each result as it comes, the output in
 * the Cargo channel, build errors in Problems. Resolves when the run is over.
 */
export function runTests(scope: TestScope): Promise<void> {
  const { tests, results } = useTestsStore.getState();
  const covered = tests.filter((test) => inScope(test, scope));
  const before = new Map(covered.map((test) => [resultKey(test.package, test.name), resultOf(results, test)]));
  setResults(covered.map((test) => [resultKey(test.package, test.name), { state: 'running' }]));
  useTestsStore.setState({ running: true });
  cargoOutput(`> cargo test${scope.package ? ` -p ${scope.package}` : ''}${scope.name ? ` -- ${scope.name} --exact` : ''}`);
  const problems = new CargoProblems('tests');
  const reported = new Set<string>();
  return new Promise((resolve) => {
    const finish = (): void => {
      // Tests the run never reached (a build error, a crash) go back to what they showed before.
      setResults([...before].filter(([key]) => !reported.has(key)).map(([key, result]) => [key, result]));
      useTestsStore.setState({ running: false });
      resolve();
    };
    host().cargo.runTests(scope, {
      next(chunk) {
        if (chunk.kind === 'output') cargoOutput(chunk.text);
        else if (chunk.kind === 'diagnostics') problems.add(chunk.files);
        else if (chunk.kind === 'result') {
          const owner = chunk.package ?? covered.find((test) => test.name === chunk.name)?.package ?? null;
          const key = resultKey(owner, chunk.name);
          reported.add(key);
          setResults([[key, { state: chunk.outcome, ...(chunk.output ? { output: chunk.output } : {}) }]]);
        } else {
          problems.publish();
          cargoOutput(`${String(chunk.passed)} passed, ${String(chunk.failed)} failed, ${String(chunk.ignored)} ignored.\n`);
          finish();
        }
      },
      error(error) {
        cargoOutput(`cargo test could not run: ${error.message}\n`);
        finish();
      },
    });
  });
}
