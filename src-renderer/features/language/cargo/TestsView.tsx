import { useEffect, useMemo, useState } from 'react';
import type { CargoTest } from '../../../../src-shared/contract';
import { Codicon } from '../../../platform/ui/Codicon';
import { openFileAt } from '../../editor';
import { refreshTests, runTests } from './run-tests';
import { resultOf, useTestsStore, type TestResult } from './tests-store';
import './tests.css';

const stateIcons: Record<TestResult['state'] | 'none', { icon: string; label: string }> = {
  passed: { icon: 'pass', label: 'Passed' },
  failed: { icon: 'error', label: 'Failed' },
  ignored: { icon: 'circle-slash', label: 'Ignored' },
  running: { icon: 'loading', label: 'Running' },
  none: { icon: 'circle-large-outline', label: 'Not yet run' },
};

interface TargetGroup {
  key: string;
  label: string;
  tests: CargoTest[];
}

/** Tests grouped by package and target, in the order cargo listed them. */
function groupTests(tests: readonly CargoTest[]): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const test of tests) {
    const key = `${test.package}/${test.target.kind}/${test.target.name}`;
    const label = test.target.kind === 'lib' ? `${test.package}` : `${test.package} › ${test.target.kind} ${test.target.name}`;
    const group = groups.get(key) ?? { key, label, tests: [] };
    group.tests.push(test);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function TestRow({ test }: { test: CargoTest }) {
  const result = useTestsStore((state) => resultOf(state.results, test));
  const running = useTestsStore((state) => state.running);
  const look = stateIcons[result?.state ?? 'none'];
  const open = (): void => {
    if (test.location) void openFileAt(test.location.path, test.location.line, 1, { preview: true });
  };
  return (
    <>
      <div
        role="treeitem"
        tabIndex={-1}
        className={`test-row state-${result?.state ?? 'none'}`}
        data-testid="test-row"
        data-name={test.name}
        data-state={result?.state ?? 'none'}
        title={`${test.name} (${look.label})`}
        onClick={open}
        onKeyDown={(event) => {
          if (event.key === 'Enter') open();
        }}
      >
        <Codicon name={look.icon} className={`test-state-icon${result?.state === 'running' ? ' codicon-modifier-spin' : ''}`} title={look.label} />
        <span className="test-name">{test.name}</span>
        <span className="test-actions">
          <button
            type="button"
            className="icon-button"
            title="Run Test"
            aria-label={`Run ${test.name}`}
            disabled={running}
            onClick={(event) => {
              event.stopPropagation();
              void runTests({ package: test.package, target: test.target, name: test.name });
            }}
          >
            <Codicon name="play" />
          </button>
        </span>
      </div>
      {result?.state === 'failed' && result.output ? (
        <pre className="test-output" data-testid="test-output">
          {result.output}
        </pre>
      ) : null}
    </>
  );
}

/** The Testing side bar view: the workspace's Rust tests, run one, a target's, or all, with results inline. */
export function TestsView() {
  const { tests, listing, message, running, results } = useTestsStore();
  const groups = useMemo(() => groupTests(tests), [tests]);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (useTestsStore.getState().listing === 'idle') void refreshTests();
  }, []);
  const counts = useMemo(() => {
    const states = tests.map((test) => resultOf(results, test)?.state);
    return { passed: states.filter((state) => state === 'passed').length, failed: states.filter((state) => state === 'failed').length };
  }, [tests, results]);
  const toggle = (key: string): void => setFolded((current) => (current.has(key) ? new Set([...current].filter((other) => other !== key)) : new Set([...current, key])));

  return (
    <div className="tests-view" data-testid="tests-view">
      <header className="side-bar-title tests-title">
        <h2>Testing</h2>
        <span className="tests-title-actions">
          <button type="button" className="icon-button" title="Run All Tests" aria-label="Run All Tests" data-testid="tests-run-all" disabled={running || tests.length === 0} onClick={() => void runTests({})}>
            <Codicon name="run-all" />
          </button>
          <button type="button" className="icon-button" title="Refresh Tests" aria-label="Refresh Tests" disabled={listing === 'loading'} onClick={() => void refreshTests()}>
            <Codicon name="refresh" />
          </button>
        </span>
      </header>
      {listing === 'loading' && tests.length === 0 ? <div className="tests-message">Building and listing tests…</div> : null}
      {message ? <div className="tests-message">{message}</div> : null}
      {listing === 'loaded' && tests.length === 0 ? <div className="tests-message">No tests were found.</div> : null}
      <div className="tests-tree" role="tree" aria-label="Tests">
        {groups.map((group) => (
          <div key={group.key} role="group">
            <div
              role="treeitem"
              tabIndex={-1}
              aria-expanded={!folded.has(group.key)}
              className="test-group"
              onClick={() => toggle(group.key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') toggle(group.key);
              }}
            >
              <Codicon name={folded.has(group.key) ? 'chevron-right' : 'chevron-down'} />
              <span className="test-name">{group.label}</span>
              <span className="test-actions">
                <button
                  type="button"
                  className="icon-button"
                  title="Run Tests"
                  aria-label={`Run the tests of ${group.label}`}
                  disabled={running}
                  onClick={(event) => {
                    event.stopPropagation();
                    const first = group.tests[0];
                    if (first) void runTests({ package: first.package, target: first.target });
                  }}
                >
                  <Codicon name="run-all" />
                </button>
              </span>
            </div>
            {folded.has(group.key) ? null : group.tests.map((test) => <TestRow key={test.name} test={test} />)}
          </div>
        ))}
      </div>
      {tests.length > 0 ? (
        <div className="tests-summary" data-testid="tests-summary">
          {counts.passed} passed, {counts.failed} failed, {tests.length} tests
        </div>
      ) : null}
    </div>
  );
}
