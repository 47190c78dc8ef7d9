import { describe, expect, it } from 'vitest';
import type { PipelineJobState, PipelineRunDetail } from '../../../../src-shared/contract';
import { parseAnsi, stripAnsi } from '../../../../src-renderer/features/pipelines/ansi';
import { applyRunEvent } from '../../../../src-renderer/features/pipelines/apply-run-event';
import { criticalPath } from '../../../../src-renderer/features/pipelines/critical-path';
import { layoutDag } from '../../../../src-renderer/features/pipelines/dag-layout';
import { visibleRows } from '../../../../src-renderer/features/pipelines/log-groups';

function job(key: string, needs: string[] = [], times: { startedAt?: number; finishedAt?: number } = {}): PipelineJobState {
  const jobId = key.split('.')[0] ?? key;
  return {
    key,
    jobId,
    name: key,
    matrix: key.includes('.') ? { leg: key } : null,
    needs,
    state: times.finishedAt === undefined ? 'queued' : 'success',
    executor: 'local',
    startedAt: times.startedAt ?? null,
    finishedAt: times.finishedAt ?? null,
    outputs: {},
    reused: false,
    pause: null,
    message: null,
  };
}

describe('ANSI colours in step logs', () => {
  it('styles the basic and bright colours and bold, and resets', () => {
    expect(parseAnsi('\x1b[1;31mfail\x1b[0m ok \x1b[92mbright\x1b[39m')).toEqual([
      { text: 'fail', className: 'ansi-fg-1 ansi-bold' },
      { text: ' ok ', className: '' },
      { text: 'bright', className: 'ansi-fg-10' },
    ]);
  });

  it('skips 256-colour arguments and drops other escapes', () => {
    expect(parseAnsi('\x1b[38;5;196mred\x1b[K\x1b[m')).toEqual([{ text: 'red', className: '' }]);
    expect(stripAnsi('\x1b[32mgreen\x1b[0m')).toBe('green');
  });
});

describe('the run graph', () => {
  it('puts each job one column right of the deepest job it needs, matrix legs one row each', () => {
    const { placed, edges, columns, rows } = layoutDag([job('a'), job('test.1', ['a']), job('test.2', ['a']), job('lint'), job('deploy', ['test', 'lint'])]);
    expect(placed.map(({ job: { key }, column, row }) => [key, column, row])).toEqual([
      ['a', 0, 0],
      ['test.1', 1, 0],
      ['test.2', 1, 1],
      ['lint', 0, 1],
      ['deploy', 2, 0],
    ]);
    expect(edges).toContainEqual({ from: 'test.2', to: 'deploy' });
    expect(edges).toContainEqual({ from: 'lint', to: 'deploy' });
    expect([columns, rows]).toEqual([3, 2]);
  });

  it('follows the chain that finished last as the critical path', () => {
    const jobs = [job('a', [], { startedAt: 0, finishedAt: 5 }), job('slow', [], { startedAt: 0, finishedAt: 9 }), job('join', ['a', 'slow'], { startedAt: 9, finishedAt: 10 })];
    expect([...criticalPath(jobs, 20)].sort()).toEqual(['join', 'slow']);
    expect(criticalPath([job('a')], 20).size).toBe(0);
  });
});

describe('run events', () => {
  const detail: PipelineRunDetail = {
    run: { id: 'r1', pipelineId: 'ci.yml', pipelineName: 'CI', number: 1, trigger: 'manual', rerunOf: null, failedOnly: false, state: 'running', createdAt: 0, startedAt: 0, finishedAt: null },
    jobs: [{ ...job('a'), steps: [] }],
    diagnostics: [],
    artifacts: [],
  };
  const step = { index: 0, id: 's', name: 'Step', kind: 'run' as const, state: 'running' as const, outcome: null, startedAt: 1, finishedAt: null, command: 'true', exitCode: null, attempts: [], summary: null };

  it('updates jobs and steps of the shown run, and ignores other runs', () => {
    const withStep = applyRunEvent(detail, { kind: 'step', runId: 'r1', jobKey: 'a', step });
    expect(withStep.jobs[0]?.steps).toEqual([step]);
    const done = applyRunEvent(withStep, { kind: 'job', runId: 'r1', job: { ...job('a', [], { startedAt: 0, finishedAt: 2 }) } });
    expect(done.jobs[0]?.state).toBe('success');
    expect(done.jobs[0]?.steps).toEqual([step]);
    expect(applyRunEvent(detail, { kind: 'job', runId: 'r2', job: job('b') })).toBe(detail);
  });
});

describe('log groups', () => {
  const line = (kind: 'stdout' | 'group' | 'endgroup', text: string) => ({ time: 0, kind, text });
  const lines = [line('stdout', 'before'), line('group', 'Install'), line('stdout', 'inside'), line('endgroup', ''), line('stdout', 'after')];

  it('folds groups until expanded, and never shows the end markers', () => {
    expect(visibleRows(lines, new Set()).map((row) => row.line.text)).toEqual(['before', 'Install', 'after']);
    expect(visibleRows(lines, new Set([2])).map((row) => [row.line.text, row.groupOf])).toEqual([
      ['before', null],
      ['Install', null],
      ['inside', 2],
      ['after', null],
    ]);
  });
});
