import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type Docker from 'dockerode';
import type { PipelineState } from '../../../../src-shared/contract';
import type { ArtifactStore, CacheStore } from '../actions';
import { hashFilesCalls, hashFilesKey, type ExpressionScope, type StatusFunctions } from '../expressions/evaluate';
import { tokenHashFilesCalls } from '../expressions/evaluate-token';
import { hashFiles } from '../expressions/hash-files';
import type { JobExecutor } from '../executors/executor';
import type { ServiceContext } from '../executors/service-containers';
import type { SecretMasker } from '../logs/masker';
import type { JobDefinition, PipelineDefinition } from '../model';
import type { MatrixCombination } from './matrix';
import type { PluginStepRunner } from './plugin-step';
import type { RunRecorder } from './run-recorder';
import { runnerPlatform } from './run-context';

/** What every job of a run shares. */
export interface RunSession {
  readonly definition: PipelineDefinition;
  readonly recorder: RunRecorder;
  /** Where jobs run: the workspace itself or a clean copy of it. */
  readonly workdir: string;
  /** The real workspace, for making diagnostics' paths workspace-relative. */
  readonly workspaceRoot: string;
  /** This run's scratch folder (scripts, env files), removed when the run ends. */
  readonly tempRoot: string;
  /** Where attempt logs go. */
  readonly logRoot: string;
  readonly github: Record<string, unknown>;
  readonly inputs: Record<string, unknown>;
  readonly secrets: Record<string, string>;
  readonly masker: SecretMasker;
  readonly logCapBytes: number;
  readonly defaultImage: string;
  readonly cache: CacheStore;
  readonly artifacts: ArtifactStore;
  readonly pauseOnFailure: boolean;
  /** The container engine, connected on first use. */
  engine(): Promise<Docker>;
  /** The run's network for services and container jobs, created on first use. */
  network(): Promise<string>;
  /** Waits while a job is paused; true to retry the failed step. */
  waitForResume(jobKey: string, signal: AbortSignal): Promise<boolean>;
  /** Labels put on every container of the run. */
  readonly containerLabels: Record<string, string>;
  /** Runs `uses: plugin:…` steps; absent where no plugins run. */
  readonly pluginSteps: PluginStepRunner | undefined;
}

/** The result of a finished job, as `needs.<id>` shows it. */
export interface JobResult {
  result: 'success' | 'failure' | 'cancelled' | 'skipped';
  outputs: Record<string, string>;
}

/** One job to run: a job of the file, or one combination of its matrix. */
export interface JobInstance {
  readonly key: string;
  readonly job: JobDefinition;
  readonly matrix: MatrixCombination | null;
  readonly strategy: Record<string, unknown>;
  readonly needs: Record<string, JobResult>;
}

export interface StepContextEntry {
  outputs: Record<string, string>;
  outcome: string;
  conclusion: string;
}

/** The mutable state of a job while its steps run. */
export interface JobSession {
  readonly run: RunSession;
  readonly instance: JobInstance;
  readonly executor: JobExecutor;
  readonly services: Record<string, ServiceContext>;
  /** The job's own scratch folder. */
  readonly tempDir: string;
  /** Workflow and job `env`, plus what steps wrote to `$GITHUB_ENV`. */
  readonly env: Record<string, string>;
  /** Folders steps wrote to `$GITHUB_PATH`, first first. */
  readonly pathAdditions: string[];
  readonly steps: Record<string, StepContextEntry>;
  status: 'success' | 'failure' | 'cancelled';
  /** Aborted when the run is cancelled or a sibling in a fail-fast matrix fails: running steps stop; `always()` steps still run. */
  readonly cancel: AbortSignal;
  /** Aborted when nothing more may run: a second cancel, the job's timeout, the service shutting down. */
  readonly halt: AbortSignal;
  readonly postSteps: { name: string; run: () => Promise<boolean> }[];
}

/** Status functions for a step's `if:` from the job's state so far. */
export function stepStatus(session: JobSession): StatusFunctions {
  return {
    success: () => session.status === 'success' && !session.cancel.aborted,
    failure: () => session.status === 'failure',
    cancelled: () => session.cancel.aborted,
  };
}

/** The contexts an expression of a job's steps sees (GitHub's step-level contexts). */
export function stepContexts(session: JobSession, stepId: string, env: Record<string, string>): Record<string, unknown> {
  const { run, instance, executor } = session;
  return {
    github: { ...run.github, job: instance.job.id, action: stepId },
    env,
    inputs: run.inputs,
    secrets: run.secrets,
    vars: {},
    needs: instance.needs,
    matrix: instance.matrix ?? {},
    strategy: instance.strategy,
    steps: session.steps,
    job: { status: session.status, container: executor.context, services: session.services },
    runner: runnerContext(session),
  };
}

function runnerContext(session: JobSession): Record<string, unknown> {
  return { name: 'lathe', ...runnerPlatform(session.executor.kind === 'container'), temp: session.tempDir, tool_cache: session.tempDir, debug: '' };
}

/** A scope ready for evaluation: `hashFiles(...)` in the given tokens and conditions computed beforehand. */
export async function prepareScope(
  workdir: string,
  contexts: Record<string, unknown>,
  status: StatusFunctions | undefined,
  tokens: (TemplateToken | undefined)[],
  conditions: string[] = [],
): Promise<ExpressionScope> {
  const probe: ExpressionScope = { contexts, ...(status ? { status } : {}), hashFiles: new Map() };
  const calls = [...tokens.flatMap((token) => tokenHashFilesCalls(token, probe)), ...conditions.flatMap((condition) => hashFilesCalls(condition, probe))];
  const digests = new Map<string, string>();
  for (const patterns of calls) digests.set(hashFilesKey(patterns), await hashFiles(workdir, patterns));
  return { contexts, ...(status ? { status } : {}), hashFiles: digests };
}

/** The state a step ends in, from its outcome and `continue-on-error`. */
export function conclusion(outcome: PipelineState, continueOnError: boolean): PipelineState {
  return outcome === 'failure' && continueOnError ? 'success' : outcome;
}
