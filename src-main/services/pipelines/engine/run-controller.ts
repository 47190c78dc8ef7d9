import type { PipelineJob, PipelineState } from '../../../../src-shared/contract';
import { evaluateCondition, type ExpressionScope, type StatusFunctions } from '../expressions/evaluate';
import { evaluateBoolean, evaluateString, evaluateToken } from '../expressions/evaluate-token';
import type { JobDefinition } from '../model';
import { endJob, jobState, registerJob, runJob } from './job-runner';
import type { JobInstance, JobResult, RunSession } from './job-session';
import { expandMatrix, type MatrixCombination } from './matrix';
import type { PauseGate } from './pause-gate';
import { Semaphore } from './semaphore';

/** A job a failed-only rerun takes from the run it reruns instead of running it. */
export interface ReusedJob {
  result: JobResult;
  instances: PipelineJob[];
}

export interface RunControllerOptions {
  session: RunSession;
  /** The cap on jobs running at once, shared by every run. */
  limiter: Semaphore;
  gate: PauseGate;
  reused: ReadonlyMap<string, ReusedJob>;
}

/**
 * Runs a pipeline's jobs as a true DAG: each job starts as soon as the jobs it needs are done (not when
 * a whole level is), under the global cap; a matrix fans out into instances under its `max-parallel`,
 * and `fail-fast` cancels the siblings of a failed instance.
 */
export class RunController {
  private readonly cancelling = new AbortController();
  private readonly halting = new AbortController();
  private readonly results = new Map<string, JobResult>();

  constructor(private readonly options: RunControllerOptions) {}

  /** Runs to the end; resolves with the run's final state. */
  async run(): Promise<PipelineState> {
    const { recorder, definition } = this.options.session;
    recorder.updateRun({ state: 'running', startedAt: Date.now() });
    const byId = new Map(definition.jobs.map((job) => [job.id, job]));
    const scheduled = new Map<string, Promise<JobResult>>();
    const schedule = (job: JobDefinition): Promise<JobResult> => {
      let promise = scheduled.get(job.id);
      if (!promise) {
        promise = Promise.all(job.needs.map((id) => schedule(byId.get(id) as JobDefinition))).then(async () => {
          const result = await this.runJobOf(job).catch((): JobResult => ({ result: 'failure', outputs: {} }));
          this.results.set(job.id, result);
          return result;
        });
        scheduled.set(job.id, promise);
      }
      return promise;
    };
    await Promise.all(definition.jobs.map(schedule));
    const all = [...this.results.values()];
    const state: PipelineState = all.some((job) => job.result === 'failure')
      ? 'failure'
      : this.cancelling.signal.aborted || all.some((job) => job.result === 'cancelled')
        ? 'cancelled'
        : 'success';
    recorder.updateRun({ state, finishedAt: Date.now() });
    return state;
  }

  /** The first call cancels (running steps stop, `always()` steps still run); a second stops everything. */
  cancel(): void {
    if (this.cancelling.signal.aborted) this.halting.abort();
    this.cancelling.abort();
    this.options.gate.releaseAll();
  }

  /** Stops everything at once (the service is shutting down). */
  halt(): void {
    this.cancelling.abort();
    this.halting.abort();
    this.options.gate.releaseAll();
  }

  private async runJobOf(job: JobDefinition): Promise<JobResult> {
    const { session } = this.options;
    const reused = this.options.reused.get(job.id);
    if (reused) {
      for (const instance of reused.instances) {
        const { steps: _steps, ...state } = instance;
        session.recorder.addJob({ ...state, reused: true, pause: null });
      }
      return reused.result;
    }
    const needs = Object.fromEntries(job.needs.map((id) => [id, this.results.get(id) as JobResult]));
    const base: JobInstance = { key: job.id, job, matrix: null, strategy: {}, needs };
    const scope: ExpressionScope = { contexts: { github: { ...session.github, job: job.id }, inputs: session.inputs, vars: {}, needs }, status: this.jobStatus(job) };
    let instances: JobInstance[];
    let strategy: Record<string, unknown>;
    try {
      if (this.halting.signal.aborted || !evaluateCondition(job.condition, scope)) {
        const needFailed = Object.values(needs).some((need) => need.result !== 'success');
        session.recorder.addJob({ ...jobState(base, this.jobName(base, scope), job.executor), state: 'skipped', message: needFailed ? 'Skipped: a job it needs did not succeed' : null });
        return { result: 'skipped', outputs: {} };
      }
      strategy = job.strategy ? ((evaluateToken(job.strategy, scope) ?? {}) as Record<string, unknown>) : {};
      const combinations: (MatrixCombination | null)[] = strategy.matrix === undefined ? [null] : expandMatrix(strategy.matrix);
      instances = combinations.map((matrix, index) => ({
        key: matrix ? `${job.id}.${index + 1}` : job.id,
        job,
        matrix,
        needs,
        strategy: { 'fail-fast': strategy['fail-fast'] !== false, 'job-index': index, 'job-total': combinations.length, 'max-parallel': Number(strategy['max-parallel']) || combinations.length },
      }));
    } catch (error) {
      session.recorder.addJob({ ...jobState(base, job.id, job.executor), state: 'failure', finishedAt: Date.now(), message: (error as Error).message });
      return { result: 'failure', outputs: {} };
    }
    for (const instance of instances) registerJob(session, instance, this.jobName(instance, scope));
    return this.runInstances(instances, strategy['fail-fast'] !== false, Number(strategy['max-parallel']) || instances.length);
  }

  private async runInstances(instances: JobInstance[], failFast: boolean, maxParallel: number): Promise<JobResult> {
    const { session, limiter } = this.options;
    const siblingFailed = new AbortController();
    const cancel = AbortSignal.any([this.cancelling.signal, siblingFailed.signal]);
    const halt = this.halting.signal;
    const matrixSlots = new Semaphore(maxParallel);
    const results: JobResult[] = [];
    await Promise.all(
      instances.map(async (instance) => {
        const release = await matrixSlots.acquire(AbortSignal.any([cancel, halt])).catch(() => undefined);
        if (!release) {
          endJob(session, instance, 'cancelled', 'Cancelled before it started');
          results.push({ result: 'cancelled', outputs: {} });
          return;
        }
        try {
          const result = await runJob(session, instance, { cancel, halt }, limiter);
          const continueOnError = evaluateBoolean(instance.job.continueOnError, { contexts: { matrix: instance.matrix ?? {}, strategy: instance.strategy, needs: instance.needs, github: session.github, inputs: session.inputs, vars: {} } }, false);
          const effective: JobResult = result.result === 'failure' && continueOnError ? { ...result, result: 'success' } : result;
          if (effective.result === 'failure' && failFast) siblingFailed.abort();
          results.push(effective);
        } finally {
          release();
        }
      }),
    );
    const outputs = Object.assign({}, ...results.map((result) => Object.fromEntries(Object.entries(result.outputs).filter(([, value]) => value !== '')))) as Record<string, string>;
    const result: JobResult['result'] = results.some((item) => item.result === 'failure') ? 'failure' : results.some((item) => item.result === 'cancelled') ? 'cancelled' : 'success';
    return { result, outputs };
  }

  /** Job-level status functions look at every job this one depends on, directly or not (as GitHub's do). */
  private jobStatus(job: JobDefinition): StatusFunctions {
    const ancestors = this.ancestors(job).map((id) => this.results.get(id)?.result);
    return {
      success: () => !this.cancelling.signal.aborted && ancestors.every((result) => result === 'success'),
      failure: () => ancestors.some((result) => result === 'failure'),
      cancelled: () => this.cancelling.signal.aborted,
    };
  }

  private ancestors(job: JobDefinition): string[] {
    const byId = new Map(this.options.session.definition.jobs.map((entry) => [entry.id, entry]));
    const found = new Set<string>();
    const pending = [...job.needs];
    while (pending.length > 0) {
      const id = pending.pop() as string;
      if (found.has(id)) continue;
      found.add(id);
      pending.push(...(byId.get(id)?.needs ?? []));
    }
    return [...found];
  }

  /** GitHub names a matrix instance after its values (`test (linux, 20)`) unless the name uses the matrix itself. */
  private jobName(instance: JobInstance, jobScope: ExpressionScope): string {
    const scope: ExpressionScope = { contexts: { ...jobScope.contexts, matrix: instance.matrix ?? {}, strategy: instance.strategy } };
    let name: string;
    try {
      name = evaluateString(instance.job.name, scope);
    } catch {
      name = instance.job.id;
    }
    if (!instance.matrix || instance.job.name.isExpression) return name;
    const values = Object.values(instance.matrix).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value)));
    return `${name} (${values.join(', ')})`;
  }
}
