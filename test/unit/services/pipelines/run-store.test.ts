import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineStep } from '../../../../src-shared/contract';
import { maxDiagnosticsPerRun, RunStore } from '../../../../src-main/services/pipelines/storage/run-store';
import { openDatabase, profileMigrations } from '../../../../src-main/services/storage';
import { silentLogger } from '../../helpers/silent-logger';

function open() {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'lathe-runstore-')), 'lathe.db'), profileMigrations, silentLogger);
  return { db, store: new RunStore(db, 'ws') };
}

const step: PipelineStep = { index: 0, id: 's', name: 'S', kind: 'run', state: 'running', outcome: null, startedAt: 1, finishedAt: null, command: 'x', exitCode: null, attempts: [], summary: null };
const job = { key: 'a', jobId: 'a', name: 'A', matrix: null, needs: [], state: 'running' as const, executor: 'local' as const, startedAt: 1, finishedAt: null, outputs: {}, reused: false, pause: null, message: null };

describe('run store (migration 3)', () => {
  it('numbers runs per pipeline, keeps attempts immutable once finished, caps diagnostics, closes runs a stopped host left open', () => {
    const { db, store } = open();
    const first = store.createRun({ id: 'r1', pipelineId: 'p', pipelineName: 'P', trigger: 'manual', rerunOf: null, failedOnly: false, createdAt: 10 });
    const other = store.createRun({ id: 'r2', pipelineId: 'q', pipelineName: 'Q', trigger: 'save', rerunOf: null, failedOnly: false, createdAt: 11 });
    const second = store.createRun({ id: 'r3', pipelineId: 'p', pipelineName: 'P', trigger: 'rerun', rerunOf: 'r1', failedOnly: true, createdAt: 12 });
    expect([first.number, other.number, second.number]).toEqual([1, 1, 2]);
    store.saveRun({ ...first, state: 'running', startedAt: 10 });
    store.saveJob('r1', 0, job);
    store.saveStep('r1', 'a', step);
    const attempt = { number: 1, startedAt: 1, finishedAt: 2, exitCode: 3, timedOut: false, logLines: 5, logTruncated: false, logPath: '/l' };
    store.saveAttempt('r1', 'a', 0, attempt);
    store.saveAttempt('r1', 'a', 0, { ...attempt, exitCode: 0 });
    expect(store.getRunDetail('r1')?.jobs[0]?.steps[0]?.attempts).toEqual([{ number: 1, startedAt: 1, finishedAt: 2, exitCode: 3, timedOut: false, logLines: 5, logTruncated: false }]);
    expect(store.attemptLog('r1', 'a', 0, undefined)).toEqual({ number: 1, logPath: '/l' });
    const diagnostic = { jobKey: 'a', stepIndex: 0, file: null, line: null, column: null, severity: 'error' as const, message: 'm', source: 'rustc' as const, code: null };
    for (let index = 0; index < maxDiagnosticsPerRun; index += 1) expect(store.addDiagnostic('r1', diagnostic)).toBe(true);
    expect(store.addDiagnostic('r1', diagnostic)).toBe(false);

    new RunStore(db, 'ws').closeInterrupted(99);
    const closed = store.getRunDetail('r1');
    expect(closed?.run).toMatchObject({ state: 'cancelled', finishedAt: 99 });
    expect(closed?.jobs[0]).toMatchObject({ state: 'cancelled', finishedAt: 99 });
    expect(closed?.jobs[0]?.steps[0]).toMatchObject({ state: 'cancelled', finishedAt: 99 });
    expect(store.listRuns(undefined, 10, undefined).map((run) => run.id)).toEqual(['r3', 'r2', 'r1']);
    expect(new RunStore(db, 'other').listRuns(undefined, 10, undefined)).toEqual([]);
    expect(store.runsBeyond('p', 1)).toEqual(['r1']);
    store.deleteRun('r1');
    expect(store.getRunDetail('r1')).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM pipeline_diagnostics').get()).toEqual({ n: 0 });
  });
});
