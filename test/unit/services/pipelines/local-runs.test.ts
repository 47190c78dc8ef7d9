import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineRunDetail } from '../../../../src-shared/contract';
import { stillRunning } from '../../../../src-main/lib/process-tree';
import { createHarness, job, texts, type Harness } from './pipelines-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

async function open(...args: Parameters<typeof createHarness>): Promise<Harness> {
  harness = await createHarness(...args);
  return harness;
}

function pids(root: string): number[] {
  const file = join(root, 'pids.txt');
  return existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(/(\d+)/g)].map((match) => Number(match[1])) : [];
}

const states = (steps: { state: string }[]) => steps.map((step) => step.state);

describe('local runs of the fixtures', () => {
  it('exit codes: a failing step fails its job and the run; later steps are skipped; bash -e and pipefail as GitHub', async () => {
    const h = await open('exit-codes');
    const detail = await h.run('.lathe/pipelines/exit-codes.yml');
    expect(detail.run.state).toBe('failure');
    expect(job(detail, 'passes').state).toBe('success');
    const fails = job(detail, 'fails');
    expect(fails.state).toBe('failure');
    expect(states(fails.steps)).toEqual(['success', 'failure', 'skipped']);
    expect(fails.steps[1]).toMatchObject({ exitCode: 3, outcome: 'failure', attempts: [{ number: 1, exitCode: 3, timedOut: false }] });
    expect(texts(await h.log(detail.run.id, 'fails', 1), 'error')).toEqual(['Process completed with exit code 3.']);
    expect(states(job(detail, 'pipefail').steps)).toEqual(['failure', 'skipped']);
    expect(job(detail, 'sh-default').state).toBe('failure');
    expect(texts(await h.log(detail.run.id, 'sh-default', 0))).not.toContain('not printed');
  });

  it('outputs: $GITHUB_OUTPUT (with a multi-line value), ::set-output, job outputs, needs.<id>.outputs and .result', async () => {
    const h = await open('outputs');
    const detail = await h.run('.lathe/pipelines/outputs.yml');
    expect(detail.run.state).toBe('success');
    expect(job(detail, 'produce').outputs).toEqual({ single: 'one value', multi: 'line 1\nline 2', legacy: 'from set-output' });
    expect(job(detail, 'consume').state).toBe('success');
  });

  it('env files: $GITHUB_ENV, $GITHUB_PATH and $GITHUB_STEP_SUMMARY reach later steps; env precedence; working-directory', async () => {
    const h = await open('env-files');
    const detail = await h.run('.lathe/pipelines/env-files.yml');
    const steps = job(detail, 'env').steps;
    expect(states(steps)).toEqual(['success', 'success', 'success']);
    expect(steps[0]?.summary).toBe('## Summary of the step\n');
  });

  it('matrix: include/exclude, strategy context, names, max-parallel, fail-fast cancels siblings, fail-fast: false does not', async () => {
    const h = await open('matrix');
    const started = Date.now();
    const detail = await h.run('.lathe/pipelines/matrix.yml');
    expect(Date.now() - started).toBeLessThan(20_000);
    const combinations = readFileSync(join(h.root, 'combinations.txt'), 'utf8').trim().split('\n').sort();
    expect(combinations).toEqual(['linux-1-added-to-linux 0/4', 'linux-2-added-to-linux 1/4', 'mac-2- 2/4', 'windows-3- 3/4']);
    const fanOut = detail.jobs.filter((entry) => entry.jobId === 'fan-out');
    expect(fanOut.map((entry) => entry.key)).toEqual(['fan-out.1', 'fan-out.2', 'fan-out.3', 'fan-out.4']);
    expect(fanOut[0]?.name).toBe('fan-out (linux, 1, added-to-linux)');
    // max-parallel 2: never more than two instances at once.
    const spans = fanOut.map((entry) => [entry.startedAt ?? 0, entry.finishedAt ?? 0] as const);
    const overlapping = (at: number) => spans.filter(([start, end]) => start <= at && at < end).length;
    expect(Math.max(...spans.map(([start]) => overlapping(start)))).toBeLessThanOrEqual(2);
    expect(detail.jobs.filter((entry) => entry.jobId === 'fail-fast').map((entry) => entry.state).sort()).toEqual(['cancelled', 'cancelled', 'failure']);
    expect(detail.jobs.filter((entry) => entry.jobId === 'no-fail-fast').map((entry) => entry.state)).toEqual(['failure', 'success']);
    expect(detail.jobs.filter((entry) => entry.jobId === 'named').map((entry) => entry.name)).toEqual(['Build x86', 'Build arm']);
  });

  it('status functions: failure(), always(), success(), step outcomes, job-level always() and failure(), false conditions', async () => {
    const h = await open('status-functions');
    const detail = await h.run('.lathe/pipelines/status.yml');
    expect(states(job(detail, 'steps').steps)).toEqual(['failure', 'skipped', 'success', 'success', 'success', 'skipped']);
    expect(job(detail, 'after-failure')).toMatchObject({ state: 'skipped', message: expect.stringMatching(/needs did not succeed/) });
    expect(job(detail, 'cleanup').state).toBe('success');
    expect(texts(await h.log(detail.run.id, 'cleanup', 0), 'stdout')).toEqual(['cleanup sees skipped']);
    expect(job(detail, 'on-failure').state).toBe('success');
    expect(job(detail, 'condition-false')).toMatchObject({ state: 'skipped', message: null });
  });

  it('continue-on-error: a step failure is allowed (outcome failure, conclusion success); a job allowed to fail does not fail its needs', async () => {
    const h = await open('continue-on-error');
    const detail = await h.run('.lathe/pipelines/continue.yml');
    expect(job(detail, 'step-level').steps[0]).toMatchObject({ state: 'success', outcome: 'failure', exitCode: 2 });
    expect(job(detail, 'step-level').state).toBe('success');
    expect(job(detail, 'experimental.2').state).toBe('failure');
    expect(job(detail, 'after').state).toBe('success');
    expect(detail.run.state).toBe('success');
  });

  it('timeouts end the whole process tree, even a child that ignores SIGTERM and one left behind: 0 processes remain', async () => {
    const h = await open('timeouts');
    const started = Date.now();
    const detail = await h.run('.lathe/pipelines/timeouts.yml');
    expect(Date.now() - started).toBeLessThan(15_000);
    const step = job(detail, 'step-timeout').steps[0];
    expect(step).toMatchObject({ state: 'failure', attempts: [{ timedOut: true, exitCode: null }] });
    expect(texts(await h.log(detail.run.id, 'step-timeout', 0), 'error')).toEqual([expect.stringMatching(/timed out after 1\.2 s/)]);
    expect(job(detail, 'step-timeout').steps[1]?.state).toBe('skipped');
    expect(job(detail, 'job-timeout')).toMatchObject({ state: 'failure', message: expect.stringMatching(/timeout-minutes/) });
    expect(job(detail, 'leftovers').state).toBe('success');
    const started_ = pids(h.root);
    expect(started_.length).toBeGreaterThanOrEqual(4);
    await h.service.dispose();
    expect(await stillRunning(started_)).toEqual([]);
  });

  it('retries: only on the listed exit codes, each attempt kept, the timeout per attempt, the shorthand', async () => {
    const h = await open('retries');
    const detail = await h.run('.lathe/pipelines/retries.yml');
    const flaky = job(detail, 'flaky').steps[0];
    expect(flaky?.state).toBe('success');
    expect(flaky?.attempts.map((attempt) => attempt.exitCode)).toEqual([75, 75, 0]);
    expect(texts(await h.log(detail.run.id, 'flaky', 0, 2), 'info')[0]).toBe('Attempt 1 exited with 75; retrying (attempt 2 of 4)');
    expect(job(detail, 'other-code').steps[0]?.attempts).toHaveLength(1);
    const timed = job(detail, 'timeout-per-attempt').steps[0];
    expect(timed?.attempts.map((attempt) => attempt.timedOut)).toEqual([true, true]);
    expect(job(detail, 'shorthand').steps[0]?.attempts.map((attempt) => attempt.exitCode)).toEqual([4, 4, 4]);
  });

  it('cancellation kills running steps (0 processes remain), skips the rest, still runs always() steps; a second cancel halts', async () => {
    const h = await open('cancellation');
    const result = await h.start('.lathe/pipelines/cancel.yml');
    if (result.kind !== 'started') throw new Error('did not start');
    await h.waitFor((event) => event.kind === 'step' && event.step.state === 'running');
    for (let tries = 0; pids(h.root).length < 2 && tries < 200; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    h.service.cancel(result.run.id);
    const detail = await h.waitForEnd(result.run.id);
    expect(detail.run.state).toBe('cancelled');
    expect(states(job(detail, 'long').steps)).toEqual(['cancelled', 'skipped', 'success']);
    expect(job(detail, 'long').state).toBe('cancelled');
    expect(job(detail, 'queued').state).toBe('skipped');
    expect(await stillRunning(pids(h.root))).toEqual([]);
    expect(() => h.service.cancel(result.run.id)).not.toThrow();
    expect(() => h.service.cancel('no-such-run')).toThrow(/No run/);
  });

  it('schedules a true DAG: a job starts when its own needs are done, not when its level is', async () => {
    const h = await open('dag');
    const detail = await h.run('.lathe/pipelines/dag.yml');
    const afterFast = job(detail, 'after-fast');
    const slow = job(detail, 'slow');
    expect(afterFast.startedAt).toBeLessThan(slow.finishedAt ?? 0);
    expect(job(detail, 'join').startedAt).toBeGreaterThanOrEqual(slow.finishedAt ?? 0);
  });

  it('workflow commands: masks (configured secrets and ::add-mask::), groups, annotations as diagnostics', async () => {
    const h = await open('workflow-commands');
    h.secrets.set('pipelines.API_TOKEN', 'super-secret-token');
    const detail = await h.run('.lathe/pipelines/commands.yml');
    const lines = await h.log(detail.run.id, 'commands', 0);
    expect(lines.map((line) => line.text).join('\n')).not.toContain('super-secret-token');
    // The script shows the literal it masks (it is in the file); its output never does.
    expect(texts(lines, 'stdout').join('\n')).not.toContain('dynamic-secret-42');
    expect(texts(lines, 'stdout')).toContain('the configured secret is ***');
    expect(texts(lines, 'group')).toEqual(['Compiling']);
    expect(texts(lines, 'debug')).toEqual(['a debug line']);
    expect(detail.diagnostics.map(({ file, line, column, severity, source }) => ({ file, line, column, severity, source }))).toEqual([
      { file: 'src/main.rs', line: 4, column: 5, severity: 'error', source: 'annotation' },
      { file: 'README.md', line: 2, column: null, severity: 'warning', source: 'annotation' },
      { file: null, line: null, column: null, severity: 'notice', source: 'annotation' },
      { file: null, line: null, column: null, severity: 'error', source: 'annotation' },
    ]);
    expect(h.events.some((event) => event.kind === 'diagnostic')).toBe(true);
  });

  it('problem matchers: rustc, tsc and eslint output becomes the run diagnostics, workspace-relative', async () => {
    const h = await open('problem-matchers');
    const detail = await h.run('.lathe/pipelines/matchers.yml');
    expect(detail.diagnostics.map((diagnostic) => `${diagnostic.source} ${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)).toEqual([
      'rustc src/main.rs:4:18',
      'rustc src/lib.rs:10:9',
      'tsc src/app.ts:12:5',
      'tsc src/view.tsx:3:1',
      'eslint /work/demo/web/index.js:1:10',
      'eslint /work/demo/web/index.js:2:1',
    ]);
  });

  it('GitHub workflows: shell templates, inputs, stand-ins for checkout, setup-node, cache and artifacts', async () => {
    const h = await open('github-workflow');
    const detail = await h.run('.github/workflows/ci.yml', { inputs: { greeting: 'hi there', loud: true } });
    const build = job(detail, 'build');
    expect(states(build.steps).every((state) => state === 'success')).toBe(true);
    expect(texts(await h.log(detail.run.id, 'build', 2), 'stdout')).toContain('event=push greeting=hi there loud=true');
    expect(texts(await h.log(detail.run.id, 'build', 4), 'stdout')).toEqual(['python 3']);
    expect(texts(await h.log(detail.run.id, 'build', 5), 'stdout')).toEqual(['perl runs']);
    expect(texts(await h.log(detail.run.id, 'build', 1), 'info')).toContainEqual(expect.stringMatching(/Using node found here: v\d+/));
    expect(job(detail, 'use').state).toBe('success');
    expect(detail.artifacts).toEqual([{ name: 'dist', jobKey: 'build', files: 1, bytes: 6 }]);
    expect(readFileSync(join(h.root, 'cached', 'hit.txt'), 'utf8').trim()).toBe('false');
    expect(build.steps.at(-1)).toMatchObject({ kind: 'cache-save', name: expect.stringMatching(/^Save cache cache-[0-9a-f]{64}$/), state: 'success' });
    const again = await h.run('.github/workflows/ci.yml');
    expect(job(again, 'build').steps.some((step) => step.kind === 'cache-save')).toBe(false);
    expect(readFileSync(join(h.root, 'cached', 'hit.txt'), 'utf8').trim()).toBe('true');
    await expect(h.start('.github/workflows/ci.yml', { inputs: { greeting: 'x' } })).resolves.toMatchObject({ kind: 'started' });
  });

  it("Lathe's cache (keyed by hashFiles) and artifacts; a clean copy leaves the workspace untouched", async () => {
    const h = await open('cache-artifacts', {}, { 'pipelines.workingCopy': 'cleanCopy' });
    const first = await h.run('.lathe/pipelines/cache.yml');
    expect(states(job(first, 'build').steps)).toEqual(['success', 'success', 'success', 'success']);
    expect(texts(await h.log(first.run.id, 'build', 1), 'stdout')).toEqual(['fresh']);
    expect(first.artifacts).toEqual([{ name: 'reports', jobKey: 'build', files: 1, bytes: 7 }]);
    expect(existsSync(join(h.root, 'reports'))).toBe(false);
    const second = await h.run('.lathe/pipelines/cache.yml');
    expect(texts(await h.log(second.run.id, 'build', 1), 'stdout')).toEqual([expect.stringMatching(/^restored \d+$/)]);
    writeFileSync(join(h.root, 'deps.lock'), 'v2');
    const third = await h.run('.lathe/pipelines/cache.yml');
    expect(texts(await h.log(third.run.id, 'build', 1), 'stdout')).toEqual(['fresh']);
  });

  it('rerun of failed jobs only: jobs that succeeded are reused with their outputs, the others run again', async () => {
    const h = await open('rerun-failed');
    const failed = await h.run('.lathe/pipelines/rerun.yml');
    expect(failed.run.state).toBe('failure');
    const value = job(failed, 'setup').outputs.value;
    writeFileSync(join(h.root, 'fixed'), '');
    const rerun = await h.service.rerun(failed.run.id, true);
    if (rerun.kind !== 'started') throw new Error('did not start');
    const detail = await h.waitForEnd(rerun.run.id);
    expect(detail.run).toMatchObject({ state: 'success', trigger: 'rerun', rerunOf: failed.run.id, failedOnly: true, number: 2 });
    expect(job(detail, 'setup')).toMatchObject({ reused: true, state: 'success', outputs: { value } });
    expect(readFileSync(join(h.root, 'setup-runs.txt'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(h.root, 'flaky-saw.txt'), 'utf8').trim().split('\n')).toEqual([value, value]);
    const full = await h.service.rerun(detail.run.id, false);
    if (full.kind !== 'started') throw new Error('did not start');
    await h.waitForEnd(full.run.id);
    expect(readFileSync(join(h.root, 'setup-runs.txt'), 'utf8').trim().split('\n')).toHaveLength(2);
    await expect(h.service.rerun('no-such-run', true)).rejects.toThrow(/No run/);
  });

  it('a flood is bounded by the log cap and the timeout, and the event loop keeps breathing', async () => {
    const h = await open('log-cap', {}, { 'pipelines.logCapMegabytes': 1 });
    let worstGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 10);
    const detail = await h.run('.lathe/pipelines/flood.yml');
    clearInterval(ticker);
    const attempt = job(detail, 'flood').steps[0]?.attempts[0];
    expect(attempt).toMatchObject({ timedOut: true, logTruncated: true });
    expect(attempt?.logLines).toBeGreaterThan(10_000);
    expect(worstGap).toBeLessThan(250);
  });

  it('pause on failure: the job waits, a retry adds an attempt, resuming without retry lets the failure stand', async () => {
    const h = await open('pause');
    const result = await h.start('.lathe/pipelines/pause.yml', { pauseOnFailure: true });
    if (result.kind !== 'started') throw new Error('did not start');
    const paused = await h.waitFor((event) => event.kind === 'job' && event.job.state === 'paused');
    expect(paused).toMatchObject({ job: { pause: { stepIndex: 0, cwd: '', absoluteCwd: h.root, containerId: null } } });
    expect(() => h.service.resume(result.run.id, 'nope', true)).toThrow(/not paused/);
    writeFileSync(join(h.root, 'fixed'), '');
    h.service.resume(result.run.id, 'paused', true);
    const detail = await h.waitForEnd(result.run.id);
    expect(detail.run.state).toBe('success');
    expect(job(detail, 'paused').steps[0]?.attempts.map((attempt) => attempt.exitCode)).toEqual([1, 0]);

    const second = await h.start('.lathe/pipelines/pause.yml', { pauseOnFailure: true });
    if (second.kind !== 'started') throw new Error('did not start');
    h.events.length = 0;
    const { rmSync } = await import('node:fs');
    rmSync(join(h.root, 'fixed'));
    await h.waitFor((event) => event.kind === 'job' && event.job.state === 'paused');
    h.service.resume(second.run.id, 'paused', false);
    expect((await h.waitForEnd(second.run.id)).run.state).toBe('failure');
  });

  it('keeps history: runs newest first, paged, per pipeline; job durations; old runs pruned with their logs', async () => {
    const h = await open('outputs', {}, { 'pipelines.retainRuns': 2 });
    const runs: PipelineRunDetail[] = [];
    for (let index = 0; index < 3; index += 1) runs.push(await h.run('.lathe/pipelines/outputs.yml'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const history = h.service.runs(undefined, 10, undefined);
    expect(history.map((run) => run.number)).toEqual([3, 2]);
    expect(h.service.runs('.lathe/pipelines/outputs.yml', 1, history[0]?.createdAt).map((run) => run.number)).toEqual([2]);
    expect(() => h.service.getRun(runs[0]?.run.id ?? '')).toThrow(/No run/);
    const durations = h.service.durations('.lathe/pipelines/outputs.yml', 10);
    expect(durations.map((entry) => entry.number)).toEqual([2, 3]);
    expect(durations[0]?.jobs.map((entry) => entry.jobId)).toEqual(['produce', 'consume']);
    expect(durations[0]?.jobs.every((entry) => typeof entry.durationMs === 'number')).toBe(true);
    expect(existsSync(join(h.profile, 'pipelines', 'runs', runs[0]?.run.id ?? ''))).toBe(false);
    expect(existsSync(join(h.profile, 'pipelines', 'runs', runs[2]?.run.id ?? '', 'logs'))).toBe(true);
  });

  it('a second cancel stops the always() steps a first cancel let run', async () => {
    const h = await open(undefined, {
      '.lathe/pipelines/stubborn.yml': 'jobs:\n  a:\n    steps:\n      - run: echo started; sleep 300\n      - if: always()\n        run: echo cleaning; sleep 300\n',
    });
    const result = await h.start('.lathe/pipelines/stubborn.yml');
    if (result.kind !== 'started') throw new Error('did not start');
    await h.waitFor((event) => event.kind === 'step' && event.step.index === 0 && event.step.state === 'running');
    h.service.cancel(result.run.id);
    await h.waitFor((event) => event.kind === 'step' && event.step.index === 1 && event.step.state === 'running');
    h.service.cancel(result.run.id);
    const detail = await h.waitForEnd(result.run.id);
    expect(states(job(detail, 'a').steps)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses what it cannot run: unknown pipelines, invalid files, missing inputs, no folder', async () => {
    const h = await open('invalid', { '.github/workflows/inputs.yml': 'on:\n  workflow_dispatch:\n    inputs:\n      need: {required: true}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n' });
    await expect(h.start('.lathe/pipelines/nope.yml')).rejects.toThrow(/No pipeline file/);
    await expect(h.start('../../etc/passwd')).rejects.toThrow(/No pipeline file/);
    await expect(h.start('.lathe/pipelines/cycle.yml')).resolves.toMatchObject({ kind: 'invalid', diagnostics: [{ line: 3, column: 3 }, { line: 8, column: 12 }] });
    await expect(h.start('.github/workflows/inputs.yml')).rejects.toThrow(/input 'need' is required/);
    await expect(h.service.logs({ runId: 'none', jobKey: 'a', stepIndex: 0, fromLine: 0, follow: false }, new AbortController().signal)[Symbol.asyncIterator]().next()).rejects.toThrow(/no attempt/);
  });
});
