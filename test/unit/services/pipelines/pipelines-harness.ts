import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  defaultSettings,
  type PipelineLogChunk,
  type PipelineLogLine,
  type PipelineRunDetail,
  type PipelineRunEvent,
  type PipelineStartResult,
} from '../../../../src-shared/contract';
import { PipelinesService, type PipelineSettings, type PluginStepRunner } from '../../../../src-main/services/pipelines';
import { openDatabase, profileMigrations } from '../../../../src-main/services/storage';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

export const pipelineFixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'pipelines');

export interface Harness {
  service: PipelinesService;
  root: string;
  profile: string;
  events: PipelineRunEvent[];
  settings: PipelineSettings;
  secrets: Map<string, string>;
  /** Starts a pipeline and waits for its run to end; fails the test when it does not start. */
  run(pipelineId: string, options?: { inputs?: Record<string, string | number | boolean>; pauseOnFailure?: boolean }): Promise<PipelineRunDetail>;
  start(pipelineId: string, options?: { inputs?: Record<string, string | number | boolean>; pauseOnFailure?: boolean }): Promise<PipelineStartResult>;
  waitForEnd(runId: string): Promise<PipelineRunDetail>;
  /** Waits until an event matches. */
  waitFor(predicate: (event: PipelineRunEvent) => boolean, timeoutMs?: number): Promise<PipelineRunEvent>;
  /** Every line of a step's (latest) attempt log. */
  log(runId: string, jobKey: string, stepIndex: number, attempt?: number): Promise<PipelineLogLine[]>;
  dispose(): Promise<void>;
}

const defaultPipelineSettings = Object.fromEntries(Object.entries(defaultSettings).filter(([key]) => key.startsWith('pipelines.'))) as PipelineSettings;

/**
 * A pipelines service on a fresh profile database and a private copy of a fixture folder (or an empty
 * folder), with files added from `files`; `pluginSteps` runs its `uses: plugin:` steps.
 */
export async function createHarness(
  fixture?: string,
  files: Record<string, string> = {},
  overrides: Partial<PipelineSettings> = {},
  pluginSteps?: PluginStepRunner,
): Promise<Harness> {
  const scratch = mkdtempSync(join(tmpdir(), 'lathe-pipelines-'));
  const root = join(scratch, 'workspace');
  mkdirSync(root, { recursive: true });
  if (fixture) cpSync(join(pipelineFixtures, fixture), root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const profile = join(scratch, 'profile');
  const { db } = openDatabase(join(profile, 'lathe.db'), profileMigrations, silentLogger);
  const settings: PipelineSettings = { ...defaultPipelineSettings, ...overrides };
  const secrets = new Map<string, string>();
  const service = new PipelinesService({
    db,
    workspace: { id: 'test-workspace', guard: await PathGuard.create(root) },
    dataDirectory: join(profile, 'pipelines'),
    settings: () => settings,
    secrets: { get: async (key) => secrets.get(key) },
    logger: silentLogger,
    tempDirectory: join(scratch, 'tmp'),
    ...(pluginSteps ? { pluginSteps } : {}),
  });
  const events: PipelineRunEvent[] = [];
  const waiters = new Set<{ predicate: (event: PipelineRunEvent) => boolean; resolve: (event: PipelineRunEvent) => void }>();
  service.onDidChangeRun((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(event)) continue;
      waiters.delete(waiter);
      waiter.resolve(event);
    }
  });
  const waitFor = (predicate: (event: PipelineRunEvent) => boolean, timeoutMs = 30_000): Promise<PipelineRunEvent> => {
    const found = events.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiters.add(waiter);
      setTimeout(() => {
        if (waiters.delete(waiter)) reject(new Error('timed out waiting for a pipeline event'));
      }, timeoutMs);
    });
  };
  const waitForEnd = async (runId: string): Promise<PipelineRunDetail> => {
    await waitFor((event) => event.kind === 'run' && event.run.id === runId && ['success', 'failure', 'cancelled'].includes(event.run.state), 60_000);
    // The run's last write happens before its final event; the service forgets it right after.
    for (let tries = 0; tries < 100 && service.getRun(runId).run.finishedAt === null; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    return service.getRun(runId);
  };
  const start = (pipelineId: string, options: { inputs?: Record<string, string | number | boolean>; pauseOnFailure?: boolean } = {}) =>
    service.start(pipelineId, options.inputs ?? {}, options.pauseOnFailure ?? false);
  return {
    service,
    root,
    profile,
    events,
    settings,
    secrets,
    start,
    waitFor,
    waitForEnd,
    async run(pipelineId, options) {
      const result = await start(pipelineId, options);
      if (result.kind !== 'started') throw new Error(`The pipeline did not start: ${JSON.stringify(result.diagnostics)}`);
      return waitForEnd(result.run.id);
    },
    async log(runId, jobKey, stepIndex, attempt) {
      const lines: PipelineLogLine[] = [];
      const chunks: AsyncIterable<PipelineLogChunk> = service.logs({ runId, jobKey, stepIndex, attempt, fromLine: 0, follow: true }, new AbortController().signal);
      for await (const chunk of chunks) if (chunk.kind === 'lines') lines.push(...chunk.lines);
      return lines;
    },
    async dispose() {
      await service.dispose();
      db.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A job of a run by its key. */
export function job(detail: PipelineRunDetail, key: string): PipelineRunDetail['jobs'][number] {
  const found = detail.jobs.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`No job ${key} in ${detail.jobs.map((candidate) => candidate.key).join(', ')}`);
  return found;
}

/** The texts of a log's lines of some kinds (all when none given). */
export function texts(lines: PipelineLogLine[], ...kinds: PipelineLogLine['kind'][]): string[] {
  return lines.filter((line) => kinds.length === 0 || kinds.includes(line.kind)).map((line) => line.text);
}
