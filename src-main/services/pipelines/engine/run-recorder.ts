import type {
  PipelineAttempt,
  PipelineJob,
  PipelineJobState,
  PipelineRun,
  PipelineRunDetail,
  PipelineRunDiagnostic,
  PipelineRunEvent,
  PipelineStep,
} from '../../../../src-shared/contract';
import type { LogWriter } from '../logs/log-writer';
import type { RunStore } from '../storage/run-store';

interface JobRecord {
  seq: number;
  state: PipelineJobState;
  steps: PipelineStep[];
}

/**
 * The live state of one run: every change is saved to the store and announced as an event, in that
 * order, so a client that reads `getRun` after an event sees at least that event's change.
 */
export class RunRecorder {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly diagnostics: PipelineRunDiagnostic[] = [];
  private readonly artifacts: PipelineRunDetail['artifacts'] = [];
  /** Logs of attempts still running, by `attemptKey`. */
  private readonly liveLogs = new Map<string, LogWriter>();

  constructor(
    private readonly store: RunStore,
    private current: PipelineRun,
    private readonly emit: (event: PipelineRunEvent) => void,
  ) {}

  get run(): PipelineRun {
    return this.current;
  }

  updateRun(patch: Partial<PipelineRun>): void {
    this.current = { ...this.current, ...patch };
    this.store.saveRun(this.current);
    this.emit({ kind: 'run', run: this.current });
  }

  addJob(state: PipelineJobState, steps: PipelineStep[] = []): void {
    const record = { seq: this.jobs.size, state, steps };
    this.jobs.set(state.key, record);
    this.store.saveJob(this.current.id, record.seq, state);
    this.emit({ kind: 'job', runId: this.current.id, job: state });
    for (const step of steps) this.saveStep(state.key, step);
  }

  job(key: string): PipelineJobState | undefined {
    return this.jobs.get(key)?.state;
  }

  updateJob(key: string, patch: Partial<PipelineJobState>): void {
    const record = this.jobs.get(key);
    if (!record) return;
    record.state = { ...record.state, ...patch };
    this.store.saveJob(this.current.id, record.seq, record.state);
    this.emit({ kind: 'job', runId: this.current.id, job: record.state });
  }

  addStep(jobKey: string, step: PipelineStep): void {
    this.jobs.get(jobKey)?.steps.push(step);
    this.saveStep(jobKey, step);
  }

  updateStep(jobKey: string, index: number, patch: Partial<PipelineStep>): PipelineStep | undefined {
    const steps = this.jobs.get(jobKey)?.steps;
    const position = steps?.findIndex((step) => step.index === index) ?? -1;
    if (!steps || position < 0) return undefined;
    const step = { ...(steps[position] as PipelineStep), ...patch };
    steps[position] = step;
    this.saveStep(jobKey, step);
    return step;
  }

  steps(jobKey: string): readonly PipelineStep[] {
    return this.jobs.get(jobKey)?.steps ?? [];
  }

  step(jobKey: string, index: number): PipelineStep | undefined {
    return this.jobs.get(jobKey)?.steps.find((step) => step.index === index);
  }

  startAttempt(jobKey: string, index: number, attempt: PipelineAttempt, log: LogWriter): void {
    this.liveLogs.set(attemptKey(jobKey, index, attempt.number), log);
    this.store.saveAttempt(this.current.id, jobKey, index, { ...attempt, logPath: log.path });
    const step = this.step(jobKey, index);
    if (step) this.updateStep(jobKey, index, { attempts: [...step.attempts, attempt] });
  }

  finishAttempt(jobKey: string, index: number, attempt: PipelineAttempt, log: LogWriter): void {
    this.liveLogs.delete(attemptKey(jobKey, index, attempt.number));
    this.store.saveAttempt(this.current.id, jobKey, index, { ...attempt, logPath: log.path });
    const step = this.step(jobKey, index);
    if (step) this.updateStep(jobKey, index, { attempts: step.attempts.map((existing) => (existing.number === attempt.number ? attempt : existing)) });
  }

  liveLog(jobKey: string, index: number, attempt: number): LogWriter | undefined {
    return this.liveLogs.get(attemptKey(jobKey, index, attempt));
  }

  addDiagnostic(diagnostic: PipelineRunDiagnostic): void {
    if (!this.store.addDiagnostic(this.current.id, diagnostic)) return;
    this.diagnostics.push(diagnostic);
    this.emit({ kind: 'diagnostic', runId: this.current.id, diagnostic });
  }

  addArtifact(artifact: PipelineRunDetail['artifacts'][number]): void {
    this.store.saveArtifact(this.current.id, artifact);
    this.artifacts.push(artifact);
  }

  /** Everything known now, as `getRun` answers for a run in progress. */
  detail(): PipelineRunDetail {
    const jobs: PipelineJob[] = [...this.jobs.values()].map((record) => ({ ...record.state, steps: record.steps }));
    return { run: this.current, jobs, diagnostics: [...this.diagnostics], artifacts: [...this.artifacts] };
  }

  private saveStep(jobKey: string, step: PipelineStep): void {
    this.store.saveStep(this.current.id, jobKey, step);
    this.emit({ kind: 'step', runId: this.current.id, jobKey, step });
  }
}

function attemptKey(jobKey: string, index: number, attempt: number): string {
  return `${jobKey}\u0000${index}\u0000${attempt}`;
}
