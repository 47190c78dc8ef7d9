import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type Docker from 'dockerode';
import type { Logger } from 'pino';
import {
  LatheError,
  type FileChange,
  type PipelineDiagnostic,
  type PipelineDurations,
  type PipelineList,
  type PipelineLogChunk,
  type PipelineRun,
  type PipelineRunDetail,
  type PipelineRunEvent,
  type PipelineStartResult,
  type PipelineStarter,
  type PipelineSummary,
  type SettingsValues,
} from '../../../src-shared/contract';
import { Emitter } from '../../lib/emitter';
import { findExecutable } from '../../lib/find-executable';
import { ArtifactStore, CacheStore } from './actions';
import { proposeStarter } from './detection/detect-project';
import { discoverPipelines, isPipelinePath, maxPipelineBytes, readPipelineSource, type DiscoveredFile, type WorkspaceGuard } from './discovery';
import { RunController, type ReusedJob } from './engine/run-controller';
import { githubContext, readGitFacts } from './engine/run-context';
import type { RunSession } from './engine/job-session';
import { PauseGate } from './engine/pause-gate';
import type { PluginStepRunner } from './engine/plugin-step';
import { RunRecorder } from './engine/run-recorder';
import { Semaphore } from './engine/semaphore';
import { createCleanCopy } from './engine/working-copy';
import { connectEngine } from './executors/container-engine';
import { readLog } from './logs/log-reader';
import { SecretMasker } from './logs/masker';
import type { PipelineDefinition } from './model';
import { parsePipeline, type ParsedPipeline } from './parser/parse-pipeline';
import { RunStore } from './storage/run-store';
import { TriggerScheduler, type AutomaticTrigger } from './triggers';

export type { WorkspaceGuard } from './discovery';
export type { PluginStepRunner } from './engine/plugin-step';

/** The settings pipelines read (`pipelines.*`). */
export type PipelineSettings = Pick<
  SettingsValues,
  | 'pipelines.maxConcurrentJobs'
  | 'pipelines.logCapMegabytes'
  | 'pipelines.defaultExecutor'
  | 'pipelines.workingCopy'
  | 'pipelines.retainRuns'
  | 'pipelines.automaticTriggers'
  | 'pipelines.container.socket'
  | 'pipelines.container.defaultImage'
>;

export interface PipelinesServiceOptions {
  db: Database;
  /** Null when no folder is open: there are no pipelines then. */
  workspace: { id: string; guard: WorkspaceGuard } | null;
  /** The profile folder for this workspace's logs, artifacts and cache. */
  dataDirectory: string;
  settings: () => PipelineSettings;
  /** `secrets.NAME` of a pipeline reads the secret `pipelines.NAME`. */
  secrets: { get(key: string): Promise<string | undefined> };
  logger: Logger;
  /** Where runs keep their scratch files and clean copies (default: the OS temp folder). */
  tempDirectory?: string;
  /** Runs the steps plugins contribute (`uses: plugin:<publisher>.<name>/<kind>`). */
  pluginSteps?: PluginStepRunner;
}

/** The container engine and network of a run, made when a job first needs them. */
interface RunContainers {
  engine?: Promise<Docker>;
  network?: Promise<string>;
}

const finalStates = new Set<PipelineRun['state']>(['success', 'failure', 'cancelled']);

interface ActiveRun {
  controller: RunController;
  recorder: RunRecorder;
  gate: PauseGate;
  done: Promise<void>;
}

interface CachedParse {
  mtimeMs: number;
  size: number;
  settingsKey: string;
  parsed: ParsedPipeline;
}

/**
 * Pipelines: finds and validates the workspace's pipeline files, runs them (manually, on save, on
 * commit), keeps their history in the profile database and their logs in append-only files, and
 * streams both to clients.
 */
export class PipelinesService {
  private readonly store: RunStore | undefined;
  private readonly limiter: Semaphore;
  private readonly active = new Map<string, ActiveRun>();
  /** Pipelines whose automatic trigger fired while a run of them was active: started once it ends. */
  private readonly pendingTriggers = new Map<string, AutomaticTrigger>();
  private readonly parses = new Map<string, CachedParse>();
  private readonly pipelinesChanged = new Emitter<PipelineList>();
  private readonly runChanged = new Emitter<PipelineRunEvent>();
  private readonly triggers = new TriggerScheduler((pipelineId, trigger) => void this.startAutomatically(pipelineId, trigger));
  private lastList: PipelineSummary[] = [];
  private settingsSnapshot: string;
  private disposed = false;

  readonly onDidChangePipelines = this.pipelinesChanged.event;
  readonly onDidChangeRun = this.runChanged.event;

  constructor(private readonly options: PipelinesServiceOptions) {
    this.settingsSnapshot = JSON.stringify(options.settings());
    this.limiter = new Semaphore(this.concurrencyCap());
    if (options.workspace) {
      this.store = new RunStore(options.db, options.workspace.id);
      this.store.closeInterrupted(Date.now());
    }
  }

  async list(): Promise<PipelineList> {
    const guard = this.options.workspace?.guard;
    const pipelines = guard ? await Promise.all((await discoverPipelines(guard)).map((file) => this.parse(file).then((parsed) => parsed.summary))) : [];
    this.lastList = pipelines;
    return { pipelines, automaticTriggers: this.options.settings()['pipelines.automaticTriggers'] };
  }

  async start(pipelineId: string, inputs: Record<string, string | number | boolean>, pauseOnFailure: boolean): Promise<PipelineStartResult> {
    return this.startRun(pipelineId, { trigger: 'manual', inputs, pauseOnFailure, rerunOf: null, reused: new Map() });
  }

  cancel(runId: string): void {
    const run = this.active.get(runId);
    if (run) return run.controller.cancel();
    if (!this.requireStore().getRun(runId)) throw new LatheError('NOT_FOUND', `No run ${runId}`);
  }

  async rerun(runId: string, failedOnly: boolean): Promise<PipelineStartResult> {
    const active = this.active.get(runId);
    if (active && !finalStates.has(active.recorder.run.state)) throw new LatheError('CONFLICT', 'The run is still in progress: cancel it or wait for it to end');
    const previous = this.requireStore().getRunDetail(runId);
    if (!previous) throw new LatheError('NOT_FOUND', `No run ${runId}`);
    return this.startRun(previous.run.pipelineId, {
      trigger: 'rerun',
      inputs: {},
      pauseOnFailure: false,
      rerunOf: previous.run,
      reused: failedOnly ? succeededJobs(previous) : new Map(),
    });
  }

  resume(runId: string, jobKey: string, retry: boolean): void {
    const run = this.active.get(runId);
    if (!run?.gate.resume(jobKey, retry)) throw new LatheError('CONFLICT', `Job ${jobKey} of run ${runId} is not paused`);
  }

  runs(pipelineId: string | undefined, limit: number, before: number | undefined): PipelineRun[] {
    return this.store ? this.store.listRuns(pipelineId, limit, before).map((run) => this.active.get(run.id)?.recorder.run ?? run) : [];
  }

  getRun(runId: string): PipelineRunDetail {
    const detail = this.active.get(runId)?.recorder.detail() ?? this.requireStore().getRunDetail(runId);
    if (!detail) throw new LatheError('NOT_FOUND', `No run ${runId}`);
    return detail;
  }

  durations(pipelineId: string, limit: number): PipelineDurations {
    if (!this.store) return [];
    return this.store.durations(pipelineId, limit).map(({ run, jobs }) => ({
      runId: run.id,
      number: run.number,
      createdAt: run.createdAt,
      state: run.state,
      jobs: jobs.map((job) => ({
        key: job.key,
        jobId: job.jobId,
        name: job.name,
        state: job.state,
        durationMs: job.startedAt !== null && job.finishedAt !== null && !job.reused ? job.finishedAt - job.startedAt : null,
      })),
    }));
  }

  async *logs(input: { runId: string; jobKey: string; stepIndex: number; attempt?: number | undefined; fromLine: number; follow: boolean }, signal: AbortSignal): AsyncIterable<PipelineLogChunk> {
    const attempt = this.requireStore().attemptLog(input.runId, input.jobKey, input.stepIndex, input.attempt);
    if (!attempt) throw new LatheError('NOT_FOUND', 'That step has no attempt (yet): its log starts when it runs');
    const live = this.active.get(input.runId)?.recorder.liveLog(input.jobKey, input.stepIndex, attempt.number);
    for await (const chunk of readLog(attempt.logPath, live, input.fromLine, input.follow, signal)) {
      yield { ...chunk, attempt: attempt.number };
    }
  }

  async proposeStarter(): Promise<PipelineStarter> {
    const guard = this.requireGuard();
    const path = '.lathe/pipelines/ci.yml';
    const proposal = await proposeStarter(guard.root);
    const exists = await stat(await guard.resolve(path)).then(() => true, () => false);
    return { path, ...proposal, exists };
  }

  /** The host's file watcher reports changes: pipeline files are parsed again, save triggers fire. */
  async handleFileChanges(changes: readonly FileChange[]): Promise<void> {
    if (this.disposed || !this.options.workspace) return;
    if (changes.some((change) => isPipelinePath(change.path))) await this.announceList();
    if (!this.options.settings()['pipelines.automaticTriggers']) return;
    const paths = changes.filter((change) => change.kind !== 'deleted').map((change) => change.path);
    this.triggers.filesChanged(paths, this.lastList, this.activePipelines());
  }

  /** HEAD moved (a commit made in Lathe or seen by the watcher): commit triggers fire. */
  handleHead(oid: string | null): void {
    if (this.disposed || !this.options.workspace) return;
    const pipelines = this.options.settings()['pipelines.automaticTriggers'] ? this.lastList : [];
    this.triggers.headChanged(oid, pipelines);
  }

  /** Settings changed: when `pipelines.*` did, the concurrency cap follows and clients learn the new list. */
  async handleSettingsChanged(): Promise<void> {
    const snapshot = JSON.stringify(this.options.settings());
    if (this.disposed || snapshot === this.settingsSnapshot) return;
    this.settingsSnapshot = snapshot;
    this.limiter.limit = this.concurrencyCap();
    this.parses.clear();
    await this.announceList();
  }

  /** Stops every run (their process trees and containers), waits for them to end. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.triggers.dispose();
    for (const run of this.active.values()) run.controller.halt();
    await Promise.all([...this.active.values()].map((run) => run.done));
    this.pipelinesChanged.dispose();
    this.runChanged.dispose();
  }

  private async startRun(
    pipelineId: string,
    options: { trigger: PipelineRun['trigger']; inputs: Record<string, unknown>; pauseOnFailure: boolean; rerunOf: PipelineRun | null; reused: ReadonlyMap<string, ReusedJob> },
  ): Promise<PipelineStartResult> {
    if (this.disposed) throw new LatheError('UNAVAILABLE', 'Pipelines are shutting down');
    const guard = this.requireGuard();
    const store = this.requireStore();
    const file = (await discoverPipelines(guard)).find((candidate) => candidate.id === pipelineId);
    if (!file) throw new LatheError('NOT_FOUND', `No pipeline file ${pipelineId.slice(0, 200)} in .lathe/pipelines or .github/workflows`);
    const { summary, definition } = await this.parse(file);
    if (!definition) return { kind: 'invalid', diagnostics: summary.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') };
    const settings = this.options.settings();
    let engine: Promise<Docker> | undefined;
    if (definition.jobs.some((job) => job.executor === 'container' || job.services)) {
      engine = connectEngine(settings['pipelines.container.socket']);
      const problem = await engine.then(() => undefined, (error: Error) => error.message);
      if (problem) return { kind: 'invalid', diagnostics: containerDiagnostics(definition, problem) };
    }
    const inputs = resolveInputs(summary, options.inputs);
    const masker = new SecretMasker();
    const secrets = await this.loadSecrets(file, masker);
    const git = await readGitFacts(guard.root);

    const runId = randomUUID();
    const run = store.createRun({
      id: runId,
      pipelineId,
      pipelineName: summary.name,
      trigger: options.trigger,
      rerunOf: options.rerunOf?.id ?? null,
      failedOnly: options.reused.size > 0,
      createdAt: Date.now(),
    });
    const recorder = new RunRecorder(store, run, (event) => this.runChanged.fire(event));
    this.runChanged.fire({ kind: 'run', run });
    const gate = new PauseGate();
    const tempRoot = join(this.options.tempDirectory ?? tmpdir(), `lathe-run-${runId}`);
    const runFolder = join(this.options.dataDirectory, 'runs', runId);
    const workdir = settings['pipelines.workingCopy'] === 'cleanCopy' ? join(tempRoot, 'workspace') : guard.root;
    const containers: RunContainers = { engine };
    const containerLabels = { 'dev.lathe.run': runId };
    const session: RunSession = {
      definition,
      recorder,
      workdir,
      workspaceRoot: guard.root,
      tempRoot,
      logRoot: join(runFolder, 'logs'),
      github: githubContext(run, summary, workdir, git),
      inputs,
      secrets,
      masker,
      logCapBytes: settings['pipelines.logCapMegabytes'] * 1024 * 1024,
      defaultImage: settings['pipelines.container.defaultImage'],
      cache: new CacheStore(join(this.options.dataDirectory, 'cache')),
      artifacts: new ArtifactStore(join(runFolder, 'artifacts'), this.earlierArtifactFolders(options.rerunOf)),
      pauseOnFailure: options.pauseOnFailure,
      engine: () => (containers.engine ??= connectEngine(settings['pipelines.container.socket'])),
      network: () =>
        (containers.network ??= session.engine().then(async (docker) => {
          const name = `lathe-${runId}`;
          await docker.createNetwork({ Name: name, Labels: containerLabels });
          return name;
        })),
      waitForResume: (jobKey, signal) => gate.wait(jobKey, signal),
      containerLabels,
      pluginSteps: this.options.pluginSteps,
    };
    const controller = new RunController({ session, limiter: this.limiter, gate, reused: options.reused });
    const done = this.execute(session, controller, containers)
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, runId }, 'pipeline run failed');
        if (!finalStates.has(recorder.run.state)) recorder.updateRun({ state: 'failure', finishedAt: Date.now() });
      })
      .finally(() => this.finished(runId, pipelineId));
    this.active.set(runId, { controller, recorder, gate, done });
    this.options.logger.info({ runId, pipeline: pipelineId, trigger: options.trigger }, 'pipeline run started');
    return { kind: 'started', run };
  }

  /** Makes the clean copy when the settings ask for one, runs, then removes the run's scratch files and network. */
  private async execute(session: RunSession, controller: RunController, containers: RunContainers): Promise<void> {
    try {
      await mkdir(session.tempRoot, { recursive: true });
      if (session.workdir !== session.workspaceRoot) await createCleanCopy(session.workspaceRoot, session.workdir);
      await controller.run();
    } finally {
      const network = await containers.network?.catch(() => undefined);
      if (network) await (await session.engine()).getNetwork(network).remove().catch(() => undefined);
      await rm(session.tempRoot, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Parses the files again and tells listeners; a failure (a folder gone meanwhile) is logged, not thrown at the watcher. */
  private async announceList(): Promise<void> {
    try {
      this.pipelinesChanged.fire(await this.list());
    } catch (error) {
      this.options.logger.warn({ err: error }, 'pipeline files could not be read');
    }
  }

  private finished(runId: string, pipelineId: string): void {
    this.active.delete(runId);
    this.options.logger.info({ runId }, 'pipeline run ended');
    void this.pruneHistory(pipelineId);
    const trigger = this.pendingTriggers.get(pipelineId);
    if (trigger && !this.disposed) {
      this.pendingTriggers.delete(pipelineId);
      void this.startAutomatically(pipelineId, trigger);
    }
  }

  private async startAutomatically(pipelineId: string, trigger: AutomaticTrigger): Promise<void> {
    if (this.disposed || !this.options.settings()['pipelines.automaticTriggers']) return;
    if (this.activePipelines().has(pipelineId)) {
      this.pendingTriggers.set(pipelineId, trigger);
      return;
    }
    try {
      const result = await this.startRun(pipelineId, { trigger, inputs: {}, pauseOnFailure: false, rerunOf: null, reused: new Map() });
      if (result.kind === 'invalid') this.options.logger.info({ pipeline: pipelineId, trigger }, 'automatic pipeline run refused: the file does not validate');
    } catch (error) {
      this.options.logger.warn({ err: error, pipeline: pipelineId, trigger }, 'automatic pipeline run failed to start');
    }
  }

  /** Deletes runs beyond `pipelines.retainRuns`, with their logs and artifacts. */
  private async pruneHistory(pipelineId: string): Promise<void> {
    if (!this.store) return;
    for (const runId of this.store.runsBeyond(pipelineId, this.options.settings()['pipelines.retainRuns'])) {
      this.store.deleteRun(runId);
      await rm(join(this.options.dataDirectory, 'runs', runId), { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Reads the secrets the file names (`secrets.NAME`); their values are masked in every log of the run. */
  private async loadSecrets(file: DiscoveredFile, masker: SecretMasker): Promise<Record<string, string>> {
    const { content } = await readPipelineSource(file);
    const names = new Set([...content.matchAll(/secrets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)].map((match) => match[1] ?? match[2] ?? ''));
    const secrets: Record<string, string> = { GITHUB_TOKEN: '' };
    for (const name of names) {
      if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) continue;
      const value = await this.options.secrets.get(`pipelines.${name}`).catch(() => undefined);
      if (value === undefined) continue;
      secrets[name] = value;
      masker.add(value);
    }
    return secrets;
  }

  private earlierArtifactFolders(rerunOf: PipelineRun | null): string[] {
    const folders: string[] = [];
    let current = rerunOf;
    while (current && folders.length < 50) {
      folders.push(join(this.options.dataDirectory, 'runs', current.id, 'artifacts'));
      current = current.rerunOf ? (this.store?.getRun(current.rerunOf) ?? null) : null;
    }
    return folders;
  }

  private async parse(file: DiscoveredFile): Promise<ParsedPipeline> {
    const settings = this.options.settings();
    const settingsKey = `${settings['pipelines.defaultExecutor']}\u0000${settings['pipelines.container.defaultImage']}`;
    const cached = this.parses.get(file.id);
    if (cached && cached.mtimeMs === file.mtimeMs && cached.size === file.size && cached.settingsKey === settingsKey) return cached.parsed;
    const parsed =
      file.size > maxPipelineBytes
        ? tooLarge(file)
        : await parsePipeline(await readPipelineSource(file), {
            defaultExecutor: settings['pipelines.defaultExecutor'],
            defaultImage: settings['pipelines.container.defaultImage'],
            hasProgram: async (name) => (await findExecutable(name)) !== undefined,
          });
    this.parses.set(file.id, { mtimeMs: file.mtimeMs, size: file.size, settingsKey, parsed });
    return parsed;
  }

  private activePipelines(): Set<string> {
    return new Set([...this.active.values()].map((run) => run.recorder.run.pipelineId));
  }

  private concurrencyCap(): number {
    return this.options.settings()['pipelines.maxConcurrentJobs'] || availableParallelism();
  }

  private requireGuard(): WorkspaceGuard {
    const guard = this.options.workspace?.guard;
    if (!guard) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return guard;
  }

  private requireStore(): RunStore {
    if (!this.store) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return this.store;
  }
}

/** For a failed-only rerun: the jobs whose every instance succeeded, with their outputs. */
function succeededJobs(previous: PipelineRunDetail): Map<string, ReusedJob> {
  const byJob = new Map<string, PipelineRunDetail['jobs']>();
  for (const job of previous.jobs) byJob.set(job.jobId, [...(byJob.get(job.jobId) ?? []), job]);
  const reused = new Map<string, ReusedJob>();
  for (const [jobId, instances] of byJob) {
    if (!instances.every((instance) => instance.state === 'success')) continue;
    reused.set(jobId, { result: { result: 'success', outputs: Object.assign({}, ...instances.map((instance) => instance.outputs)) as Record<string, string> }, instances });
  }
  return reused;
}

/** The values of a run's inputs: given ones converted to their declared type, defaults for the rest. */
function resolveInputs(summary: PipelineSummary, given: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const input of summary.inputs) {
    const value = Object.hasOwn(given, input.name) ? given[input.name] : input.default;
    if (value === undefined) {
      if (input.required) throw new LatheError('INVALID_INPUT', `The input '${input.name}' is required`);
      continue;
    }
    if (input.type === 'boolean') inputs[input.name] = value === true || value === 'true';
    else if (input.type === 'number') inputs[input.name] = Number(value);
    else inputs[input.name] = String(value);
    if (input.type === 'choice' && input.options && !input.options.includes(String(value))) {
      throw new LatheError('INVALID_INPUT', `The input '${input.name}' must be one of ${input.options.join(', ')}`);
    }
  }
  return inputs;
}

/** Why container jobs cannot run, at each job that needs the engine. */
function containerDiagnostics(definition: PipelineDefinition, problem: string): PipelineDiagnostic[] {
  return definition.jobs
    .filter((job) => job.executor === 'container' || job.services)
    .map((job) => ({ file: definition.summary.id, ...job.executorRange, severity: 'error' as const, message: `Job '${job.id}' cannot run: ${problem}` }));
}

function tooLarge(file: DiscoveredFile): ParsedPipeline {
  const diagnostic: PipelineDiagnostic = {
    file: file.id,
    line: 1,
    column: 1,
    severity: 'error',
    message: `The file is ${Math.round(file.size / 1024)} KB; pipeline files over ${maxPipelineBytes / 1024} KB are not read`,
  };
  return {
    summary: { id: file.id, kind: file.kind, name: file.id, triggers: [], inputs: [], jobs: [], diagnostics: [diagnostic], valid: false },
    definition: undefined,
  };
}
