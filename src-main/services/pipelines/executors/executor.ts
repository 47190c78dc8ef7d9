import type { PipelineExecutor } from '../../../../src-shared/contract';

export interface ExecRequest {
  program: string;
  args: string[];
  /** The whole environment of the process (nothing else is inherited). */
  env: Record<string, string>;
  cwd: string;
}

/** `exitCode` is null when the process was killed (timeout, cancellation). */
export interface ExecResult {
  exitCode: number | null;
}

export type OutputListener = (stream: 'stdout' | 'stderr', chunk: Buffer) => void;

/** GitHub's `job.container` context. */
export interface JobContainerContext {
  id?: string;
  network?: string;
}

/**
 * Where one job's steps run: local processes, or a container. Paths (workspace, temp folder) are the
 * same inside and out: a container sees them mounted at the host's paths, so stand-in actions, env files
 * and problem matchers need no translation.
 */
export interface JobExecutor {
  readonly kind: PipelineExecutor;
  /** The environment steps start from: this machine's for local jobs; none in a container (the image sets its own). */
  readonly baseEnv: Record<string, string>;
  readonly context: JobContainerContext;
  /** Where a paused job's terminal should attach; null for local jobs. */
  readonly containerId: string | null;
  /** Runs a program to its end; aborting `signal` kills its whole process tree (or its container). */
  exec(request: ExecRequest, output: OutputListener, signal: AbortSignal): Promise<ExecResult>;
  hasProgram(name: string): Promise<boolean>;
  dispose(): Promise<void>;
}
