// P10: the pipeline runner. (1) Per-step overhead of the local executor: a job of 100 `true` steps
// through Lathe against 100 raw `bash -c true` spawns. (2) A generated 200-job DAG run with true DAG
// scheduling against the same jobs forced level by level (each level needs all of the one before, as
// act schedules). (3) Log ingest: a step printing 2M lines, against a raw pipe read of the same
// command, with the worst lateness of a 10 ms timer meanwhile (what a UI message would wait).
// Medians of several runs, alternating.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { stringify } from 'yaml';
import { defaultSettings, type PipelineRunDetail, type PipelineRunEvent } from '../../src-shared/contract';
import { PipelinesService, type PipelineSettings } from '../../src-main/services/pipelines';
import { openDatabase, profileMigrations } from '../../src-main/services/storage';
import { PathGuard } from '../../src-main/services/workspace';
import { median } from './measure';

const runs = 5;
const stepCount = 100;
const dagJobs = 200;
const dagConcurrency = 16;
const floodLines = 2_000_000;
const floodCommand = `yes 'warning: a log line of typical length from a compiler, about seventy chars' | head -n ${floodLines}`;

const scratch = mkdtempSync(join(tmpdir(), 'lathe-p10-'));
const root = join(scratch, 'workspace');
mkdirSync(join(root, '.lathe', 'pipelines'), { recursive: true });
const write = (name: string, pipeline: unknown) => writeFileSync(join(root, '.lathe', 'pipelines', name), stringify(pipeline));

write('steps.yml', { jobs: { steps: { steps: Array.from({ length: stepCount }, () => ({ run: 'true' })) } } });
write('flood.yml', { jobs: { flood: { steps: [{ run: floodCommand }] } } });

// A reproducible random DAG: each job needs up to 3 of the 20 jobs before it and sleeps 0.1–1 s.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const dag = Array.from({ length: dagJobs }, (_, index) => {
  const candidates = Array.from({ length: Math.min(index, 20) }, (_, back) => index - 1 - back);
  const needs = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => candidates[Math.floor(random() * candidates.length)]).filter((need) => need !== undefined))];
  return { id: `j${index}`, needs: needs.map((need) => `j${need}`), seconds: (100 + Math.floor(random() * 900)) / 1000 };
});
const level = new Map<string, number>();
for (const job of dag) level.set(job.id, Math.max(0, ...job.needs.map((need) => (level.get(need) ?? 0) + 1)));
const byLevel = (depth: number) => dag.filter((job) => level.get(job.id) === depth).map((job) => job.id);
const dagPipeline = (levelByLevel: boolean) => ({
  jobs: Object.fromEntries(
    dag.map((job) => {
      const depth = level.get(job.id) ?? 0;
      const needs = levelByLevel ? (depth > 0 ? byLevel(depth - 1) : []) : job.needs;
      return [job.id, { ...(needs.length > 0 ? { needs } : {}), steps: [{ run: `sleep ${job.seconds}` }] }];
    }),
  ),
});
write('dag.yml', dagPipeline(false));
write('levels.yml', dagPipeline(true));

const settings: PipelineSettings = {
  ...(Object.fromEntries(Object.entries(defaultSettings).filter(([key]) => key.startsWith('pipelines.'))) as PipelineSettings),
  'pipelines.maxConcurrentJobs': dagConcurrency,
  'pipelines.logCapMegabytes': 1024,
};
const { db } = openDatabase(join(scratch, 'profile', 'lathe.db'), profileMigrations, pino({ level: 'silent' }));
const service = new PipelinesService({
  db,
  workspace: { id: 'bench', guard: await PathGuard.create(root) },
  dataDirectory: join(scratch, 'profile', 'pipelines'),
  settings: () => settings,
  secrets: { get: async () => undefined },
  logger: pino({ level: 'silent' }),
  tempDirectory: join(scratch, 'tmp'),
});

async function runPipeline(id: string): Promise<PipelineRunDetail> {
  const result = await service.start(id, {}, false);
  if (result.kind !== 'started') throw new Error(`${id} did not start: ${JSON.stringify(result.diagnostics)}`);
  await new Promise<void>((resolve) => {
    const subscription = service.onDidChangeRun((event: PipelineRunEvent) => {
      if (event.kind === 'run' && event.run.id === result.run.id && event.run.finishedAt !== null) {
        subscription.dispose();
        resolve();
      }
    });
  });
  const detail = service.getRun(result.run.id);
  if (detail.run.state !== 'success') throw new Error(`${id} ended ${detail.run.state}`);
  return detail;
}

const elapsed = (detail: PipelineRunDetail) => (detail.run.finishedAt ?? 0) - (detail.run.startedAt ?? 0);

function rawSteps(): Promise<number> {
  const started = performance.now();
  const next = (left: number): Promise<void> =>
    left === 0 ? Promise.resolve() : new Promise<void>((resolve) => spawn('bash', ['-c', 'true'], { stdio: 'ignore' }).on('close', () => resolve())).then(() => next(left - 1));
  return next(stepCount).then(() => performance.now() - started);
}

/** The worst lateness of a 10 ms timer while `work` runs: how long the event loop (the UI's messages) had to wait. */
async function worstTimerLateness<T>(work: () => Promise<T>): Promise<{ result: T; worstGapMs: number }> {
  let worstGapMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worstGapMs = Math.max(worstGapMs, now - last - 10);
    last = now;
  }, 10);
  const result = await work();
  clearInterval(ticker);
  return { result, worstGapMs };
}

/** The anchor: the same command's output read from a pipe and only counted. */
function rawFlood(): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    let lines = 0;
    const child = spawn('bash', ['-c', floodCommand], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk: Buffer) => {
      for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines += 1;
    });
    child.on('close', () => resolve(lines / ((performance.now() - started) / 1000)));
  });
}

/** Lines per second kept by the flood step's attempt (split, matched, masked and written to its log). */
async function latheFlood(): Promise<number> {
  const detail = await runPipeline('.lathe/pipelines/flood.yml');
  const attempt = detail.jobs[0]?.steps[0]?.attempts[0];
  if (!attempt || attempt.logLines < floodLines) throw new Error(`the flood kept ${attempt?.logLines ?? 0} lines`);
  return attempt.logLines / (((attempt.finishedAt ?? 0) - attempt.startedAt) / 1000);
}

const lathe: number[] = [];
const raw: number[] = [];
const trueDag: number[] = [];
const levels: number[] = [];
const ingest: number[] = [];
const rawIngest: number[] = [];
const gaps: number[] = [];
const rawGaps: number[] = [];
await runPipeline('.lathe/pipelines/steps.yml');
await rawSteps();
for (let run = 0; run < runs; run += 1) {
  raw.push(await rawSteps());
  lathe.push(elapsed(await runPipeline('.lathe/pipelines/steps.yml')));
}
for (let run = 0; run < 3; run += 1) {
  trueDag.push(elapsed(await runPipeline('.lathe/pipelines/dag.yml')));
  levels.push(elapsed(await runPipeline('.lathe/pipelines/levels.yml')));
  const raw_ = await worstTimerLateness(rawFlood);
  rawIngest.push(raw_.result);
  rawGaps.push(raw_.worstGapMs);
  const flood = await worstTimerLateness(latheFlood);
  ingest.push(flood.result);
  gaps.push(flood.worstGapMs);
}
await service.dispose();
db.close();

const overhead = (median(lathe) - median(raw)) / stepCount;
const depth = Math.max(...level.values()) + 1;
console.log(
  `  steps: lathe ${lathe.map((ms) => ms.toFixed(0)).join(', ')} ms; bash -c ${raw.map((ms) => ms.toFixed(0)).join(', ')} ms\n` +
    `  DAG (${dagJobs} jobs, ${depth} levels, cap ${dagConcurrency}): true ${trueDag.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; level by level ${levels.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s\n` +
    `  ingest: lathe ${ingest.map((rate) => (rate / 1000).toFixed(0)).join(', ')}k lines/s (worst timer lateness ${gaps.map((gap) => gap.toFixed(0)).join(', ')} ms); ` +
    `raw pipe ${rawIngest.map((rate) => (rate / 1000).toFixed(0)).join(', ')}k lines/s (${rawGaps.map((gap) => gap.toFixed(0)).join(', ')} ms)`,
);
console.log(
  `P10 step overhead=${overhead.toFixed(1)} ms (lathe ${median(lathe).toFixed(0)} ms / bash -c ${median(raw).toFixed(0)} ms for ${stepCount} steps) goal<=5 ms; ` +
    `DAG makespan ${(median(trueDag) / 1000).toFixed(1)} s vs level-by-level ${(median(levels) / 1000).toFixed(1)} s; ` +
    `log ingest ${(median(ingest) / 1000).toFixed(0)}k lines/s (raw pipe ${(median(rawIngest) / 1000).toFixed(0)}k; worst event-loop lateness ${median(gaps).toFixed(0)} ms, raw ${median(rawGaps).toFixed(0)} ms) goal>=200k`,
);
