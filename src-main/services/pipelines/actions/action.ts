import type { ArtifactStore } from './artifact-store';
import type { CacheStore } from './cache-store';

/** What a local stand-in for a GitHub action can do: the step's inputs, the job's workspace, logs, outputs. */
export interface ActionContext {
  /** `with:`, evaluated; keys lower-cased (GitHub's inputs ignore case). */
  readonly inputs: Readonly<Record<string, string>>;
  /** The job's workspace (`$GITHUB_WORKSPACE`), the same path inside a container. */
  readonly workspace: string;
  readonly cache: CacheStore;
  readonly artifacts: ArtifactStore;
  info(text: string): void;
  /** Runs a program where the job's steps run (this machine or the job's container). */
  run(program: string, args: string[]): Promise<{ exitCode: number | null; output: string }>;
  setOutput(name: string, value: string): void;
  /** Work for after the job's last step (`actions/cache` saves there), run even when a step failed. */
  addPostStep(name: string, run: () => Promise<boolean>): void;
  /** Records an uploaded artifact with the run. */
  recordArtifact(name: string, files: number, bytes: number): void;
}

/** Runs the action; false when it failed (after saying why through `info`). */
export type ActionHandler = (context: ActionContext) => Promise<boolean>;
