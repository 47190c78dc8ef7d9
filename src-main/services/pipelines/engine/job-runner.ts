import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BasicExpressionToken, StringToken } from '@actions/workflow-parser/templates/tokens/index';
import { TokenType } from '@actions/workflow-parser/templates/tokens/types';
import type { PipelineJobState, PipelineStep } from '../../../../src-shared/contract';
import { evaluateString, evaluateStringMap, evaluateToken } from '../expressions/evaluate-token';
import type { ExpressionScope } from '../expressions/evaluate';
import { ContainerExecutor } from '../executors/container-executor';
import type { JobExecutor } from '../executors/executor';
import { LocalExecutor } from '../executors/local-executor';
import { ServiceContainers, type ServiceSpec } from '../executors/service-containers';
import type { StepDefinition } from '../model';
import { prepareScope, stepContexts, type JobInstance, type JobResult, type JobSession, type RunSession } from './job-session';
import type { Semaphore } from './semaphore';
import { firstLine, runBuiltinStep, runFileStep, safeSegment } from './step-runner';

/** GitHub's default job timeout. */
const defaultJobTimeoutMinutes = 360;

/** A step of a job's plan: one of the file, or one Lathe adds around them. */
type PlannedStep = { kind: 'run' | 'action'; definition: StepDefinition } | { kind: 'cache-restore' | 'cache-save' | 'artifacts' };

export interface JobSignals {
  /** The run was cancelled, or a sibling of a fail-fast matrix failed. */
  cancel: AbortSignal;
  /** Nothing more may run (a second cancel, the service stopping). */
  halt: AbortSignal;
}

export function planSteps(instance: JobInstance): PlannedStep[] {
  const { job } = instance;
  return [
    ...(job.cache ? [{ kind: 'cache-restore' as const }] : []),
    ...job.steps.map((definition) => ({ kind: definition.uses ? ('action' as const) : ('run' as const), definition })),
    ...(job.cache ? [{ kind: 'cache-save' as const }] : []),
    ...(job.artifacts ? [{ kind: 'artifacts' as const }] : []),
  ];
}

/** A step that has not started yet. */
function queuedStep(index: number, id: string, name: string, kind: PipelineStep['kind']): PipelineStep {
  return { index, id, name, kind, state: 'queued', outcome: null, startedAt: null, finishedAt: null, command: '', exitCode: null, attempts: [], summary: null };
}

/** Records a job instance and its steps as queued, so the run's fan-out shows before anything starts. */
export function registerJob(run: RunSession, instance: JobInstance, name: string): void {
  const steps = planSteps(instance).map((planned, index) =>
    queuedStep(index, planned.kind === 'run' || planned.kind === 'action' ? planned.definition.id : planned.kind, plannedName(planned, instance), planned.kind),
  );
  run.recorder.addJob(jobState(instance, name, instance.job.executor), steps);
}

export function jobState(instance: JobInstance, name: string, executor: PipelineJobState['executor']): PipelineJobState {
  return {
    key: instance.key,
    jobId: instance.job.id,
    name,
    matrix: instance.matrix,
    needs: instance.job.needs,
    state: 'queued',
    executor,
    startedAt: null,
    finishedAt: null,
    outputs: {},
    reused: false,
    pause: null,
    message: null,
  };
}

function plannedName(planned: PlannedStep, instance: JobInstance): string {
  switch (planned.kind) {
    case 'cache-restore':
      return 'Restore cache';
    case 'cache-save':
      return 'Save cache';
    case 'artifacts':
      return `Upload artifacts${instance.job.artifacts?.name ? ` '${instance.job.artifacts.name}'` : ''}`;
    default: {
      const { definition } = planned;
      if (definition.name?.templateTokenType === TokenType.String) return String(evaluateToken(definition.name, { contexts: {} }));
      if (definition.uses) return `Run ${definition.uses.reference}`;
      // A script with expressions is named after its source until it runs.
      const script = definition.run?.templateTokenType === TokenType.String ? (definition.run as StringToken).value : (definition.run as BasicExpressionToken | undefined)?.source;
      return script ? `Run ${firstLine(script)}` : definition.id;
    }
  }
}

/**
 * Runs one job instance: waits for a slot under the global cap, sets up where its steps run (this
 * machine, or a container; services on the run's network), runs its steps in order, evaluates its
 * outputs, and tears everything down whatever happened.
 */
export async function runJob(run: RunSession, instance: JobInstance, signals: JobSignals, limiter: Semaphore): Promise<JobResult> {
  const { recorder } = run;
  const key = instance.key;
  const release = await limiter.acquire(AbortSignal.any([signals.cancel, signals.halt])).catch(() => undefined);
  if (!release) {
    endJob(run, instance, 'cancelled', 'The run was cancelled before this job started');
    return { result: 'cancelled', outputs: {} };
  }
  const timeout = new AbortController();
  const halt = AbortSignal.any([signals.halt, timeout.signal]);
  const tempDir = join(run.tempRoot, safeSegment(key));
  let executor: JobExecutor | undefined;
  let services: ServiceContainers | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    recorder.updateJob(key, { state: 'running', startedAt: Date.now() });
    await mkdir(tempDir, { recursive: true });
    const jobScope = await prepareScope(run.workdir, jobContexts(run, instance), undefined, [instance.job.env, instance.job.timeoutMinutes, instance.job.container, instance.job.services]);
    const minutes = Number(instance.job.timeoutMinutes ? evaluateToken(instance.job.timeoutMinutes, jobScope) : defaultJobTimeoutMinutes);
    timer = setTimeout(() => timeout.abort(), (Number.isFinite(minutes) && minutes > 0 ? minutes : defaultJobTimeoutMinutes) * 60_000);
    const env = { ...evaluateStringMap(run.definition.env, jobScope), ...evaluateStringMap(instance.job.env, jobScope) };
    try {
      const specs = serviceSpecs(instance, jobScope);
      const network = specs.length > 0 ? await run.network() : undefined;
      if (network) services = await ServiceContainers.start(await run.engine(), network, specs, run.containerLabels);
      executor = await createExecutor(run, instance, jobScope, network);
    } catch (error) {
      endJob(run, instance, 'failure', `The job could not start: ${(error as Error).message}`);
      return { result: 'failure', outputs: {} };
    }
    const session: JobSession = {
      run,
      instance,
      executor,
      services: services?.context ?? {},
      tempDir,
      env,
      pathAdditions: [],
      steps: {},
      status: 'success',
      cancel: signals.cancel,
      halt,
      postSteps: [],
    };
    await runSteps(session);
    const outputs = evaluateOutputs(session);
    const timedOut = timeout.signal.aborted && !signals.halt.aborted;
    const state = timedOut ? 'failure' : signals.cancel.aborted && session.status === 'success' ? 'cancelled' : session.status;
    recorder.updateJob(key, {
      state,
      finishedAt: Date.now(),
      outputs,
      message: timedOut ? `The job ran longer than its timeout-minutes (${minutes}) and was stopped` : null,
    });
    return { result: state, outputs };
  } catch (error) {
    endJob(run, instance, 'failure', (error as Error).message);
    return { result: 'failure', outputs: {} };
  } finally {
    clearTimeout(timer);
    await executor?.dispose().catch(() => undefined);
    await services?.dispose().catch(() => undefined);
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    release();
  }
}

async function runSteps(session: JobSession): Promise<void> {
  const { recorder } = session.run;
  const key = session.instance.key;
  const planned = planSteps(session.instance);
  const cacheSave = planned.findIndex((step) => step.kind === 'cache-save');
  const tail = cacheSave >= 0 ? cacheSave : planned.findIndex((step) => step.kind === 'artifacts');
  for (const [index, step] of planned.entries()) {
    // Post steps of actions (actions/cache) run after the file's steps, before Lathe's own.
    if (index === tail) await runPostSteps(session);
    if (session.halt.aborted) {
      recorder.updateStep(key, index, { state: 'skipped' });
      continue;
    }
    if (step.kind === 'run' || step.kind === 'action') {
      await runFileStep(session, index, step.definition);
      continue;
    }
    const { kind } = step;
    // Artifacts are kept whatever happened (they often explain a failure); the cache only from a good run.
    if (kind === 'artifacts' || (session.status === 'success' && !session.cancel.aborted)) {
      await runBuiltinStep(session, index, (output) => runLatheStep(session, kind, output));
    } else {
      recorder.updateStep(key, index, { state: 'skipped' });
    }
  }
  if (tail < 0) await runPostSteps(session);
}

async function runPostSteps(session: JobSession): Promise<void> {
  const { recorder } = session.run;
  for (const post of session.postSteps.splice(0)) {
    if (session.halt.aborted) break;
    const index = recorder.steps(session.instance.key).length;
    recorder.addStep(session.instance.key, queuedStep(index, `post-${index}`, post.name, 'cache-save'));
    if (session.status !== 'success') {
      recorder.updateStep(session.instance.key, index, { state: 'skipped' });
      continue;
    }
    await runBuiltinStep(session, index, () => post.run());
  }
}

/** Lathe's `cache:` and `artifacts:` of a job. */
async function runLatheStep(session: JobSession, kind: 'cache-restore' | 'cache-save' | 'artifacts', output: { info(text: string): void }): Promise<boolean> {
  const { job } = session.instance;
  const { run } = session;
  if (kind === 'artifacts') {
    const artifacts = job.artifacts as NonNullable<typeof job.artifacts>;
    const name = artifacts.name ?? session.instance.key;
    const { files, bytes } = await run.artifacts.upload(name, run.workdir, artifacts.paths);
    if (files > 0) run.recorder.addArtifact({ name, jobKey: session.instance.key, files, bytes });
    output.info(files > 0 ? `Kept ${files} file(s), ${bytes} bytes, as artifact '${name}'` : `No files matched ${artifacts.paths.join(', ')}`);
    return true;
  }
  const cache = job.cache as NonNullable<typeof job.cache>;
  const scope = await prepareScope(run.workdir, stepContexts(session, kind, session.env), undefined, [cache.key]);
  const key = evaluateString(cache.key, scope);
  if (kind === 'cache-restore') {
    const restored = await run.cache.restore(run.workdir, key, cache.restoreKeys, cache.paths);
    output.info(restored.hit === 'none' ? `No cache for key ${key}` : `Restored the cache of key ${restored.key}`);
    return true;
  }
  const saved = await run.cache.save(run.workdir, key, cache.paths);
  output.info(saved ? `Saved ${cache.paths.join(', ')} under key ${key}` : `The cache of key ${key} exists already`);
  return true;
}

function evaluateOutputs(session: JobSession): Record<string, string> {
  const outputs: Record<string, string> = {};
  const token = session.instance.job.outputs;
  if (!token) return outputs;
  const scope: ExpressionScope = { contexts: stepContexts(session, '', session.env) };
  for (const { key, value } of token) {
    try {
      outputs[evaluateString(key, scope)] = session.run.masker.mask(evaluateString(value, scope));
    } catch {
      // An output whose expression fails is left out, as GitHub does.
    }
  }
  return outputs;
}

/** The contexts of job-level keys (`env`, `container`, `services`, `timeout-minutes`). */
function jobContexts(run: RunSession, instance: JobInstance): Record<string, unknown> {
  return {
    github: { ...run.github, job: instance.job.id },
    inputs: run.inputs,
    secrets: run.secrets,
    vars: {},
    needs: instance.needs,
    matrix: instance.matrix ?? {},
    strategy: instance.strategy,
  };
}

async function createExecutor(run: RunSession, instance: JobInstance, scope: ExpressionScope, network: string | undefined): Promise<JobExecutor> {
  if (instance.job.executor === 'local') return new LocalExecutor();
  const container = instance.job.container ? evaluateToken(instance.job.container, scope) : undefined;
  const spec = typeof container === 'string' ? { image: container } : ((container ?? {}) as { image?: string; env?: Record<string, string> });
  const image = spec.image || run.defaultImage;
  if (!image) throw new Error('No container image: add `container: <image>` or set pipelines.container.defaultImage');
  return ContainerExecutor.create(await run.engine(), {
    image,
    mounts: [...new Set([run.workdir, run.tempRoot])],
    env: Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, String(value)])),
    network,
    labels: run.containerLabels,
  });
}

function serviceSpecs(instance: JobInstance, scope: ExpressionScope): ServiceSpec[] {
  if (!instance.job.services) return [];
  const services = evaluateToken(instance.job.services, scope) as Record<string, unknown>;
  return Object.entries(services ?? {}).map(([id, value]) => {
    const spec = (typeof value === 'string' ? { image: value } : (value ?? {})) as Record<string, unknown>;
    const strings = (list: unknown): string[] => (Array.isArray(list) ? list.map(String) : []);
    return {
      id,
      image: String(spec.image ?? ''),
      env: Object.fromEntries(Object.entries((spec.env ?? {}) as Record<string, unknown>).map(([key, item]) => [key, String(item)])),
      ports: strings(spec.ports),
      volumes: strings(spec.volumes),
      entrypoint: typeof spec.entrypoint === 'string' ? spec.entrypoint : undefined,
      command: typeof spec.command === 'string' ? spec.command : undefined,
    };
  });
}

/** Ends a job with a state and the reason; its steps that never started are marked skipped. */
export function endJob(run: RunSession, instance: JobInstance, state: 'failure' | 'cancelled' | 'skipped', message: string | null): void {
  const { recorder } = run;
  const job = recorder.job(instance.key);
  if (!job) return;
  recorder.updateJob(instance.key, { state, message, finishedAt: Date.now(), ...(job.startedAt === null && state !== 'skipped' ? { startedAt: Date.now() } : {}) });
  for (const step of recorder.steps(instance.key)) {
    if (step.state === 'queued') recorder.updateStep(instance.key, step.index, { state: 'skipped' });
  }
}
