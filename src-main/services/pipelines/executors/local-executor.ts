import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { findExecutable } from '../../../lib/find-executable';
import { killProcesses, killProcessTree, treeProcesses } from '../../../lib/process-tree';
import type { ExecRequest, ExecResult, JobExecutor, OutputListener } from './executor';

/** How long a step may take to act on SIGTERM before its tree gets SIGKILL. */
const killGraceMs = 2000;
/** After a step's process exits, how long its last output may take (a background child can hold the pipes open for good). */
const lingerMs = 50;

/** Every process a job starts carries this variable (GitHub's runner does the same with RUNNER_TRACKING_ID). */
const trackingVariable = 'LATHE_TRACKING_ID';

/**
 * Runs steps as processes on this machine. Each step leads a session of its own, so a timeout or a
 * cancellation ends its whole tree at once. What a step leaves running in the background (a server
 * for later steps) lives on, as on GitHub's runner, until the job ends: then every process of the
 * steps' sessions that carries the job's tracking id is ended, so no job leaves a process behind, and
 * a process that merely reuses a finished step's pid is never touched. (A daemon that double-forks
 * into a session of its own escapes, as it would escape GitHub's runner.)
 */
export class LocalExecutor implements JobExecutor {
  readonly kind = 'local';
  readonly containerId = null;
  readonly context = {};
  readonly baseEnv: Record<string, string>;
  /** The steps' session leaders, whose trees end with the job. */
  private readonly leaders: number[] = [];
  private readonly programs = new Map<string, boolean>();
  private readonly trackingId = randomUUID();

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.baseEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }

  exec(request: ExecRequest, output: OutputListener, signal: AbortSignal): Promise<ExecResult> {
    if (signal.aborted) return Promise.resolve({ exitCode: null });
    return new Promise((resolve) => {
      const child = spawn(request.program, request.args, {
        cwd: request.cwd,
        env: { ...request.env, [trackingVariable]: this.trackingId },
        detached: process.platform !== 'win32',
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      if (child.pid !== undefined) this.leaders.push(child.pid);
      const kill = (): void => void endTrees([child.pid ?? -1]);
      signal.addEventListener('abort', kill, { once: true });
      child.stdout.on('data', (chunk: Buffer) => output('stdout', chunk));
      child.stderr.on('data', (chunk: Buffer) => output('stderr', chunk));
      const closed = new Promise<void>((done) => child.once('close', () => done()));
      child.on('error', (error) => {
        signal.removeEventListener('abort', kill);
        output('stderr', Buffer.from(`${request.program}: ${error.message}\n`));
        resolve({ exitCode: 127 });
      });
      child.on('exit', (code, signalName) => {
        signal.removeEventListener('abort', kill);
        const exitCode = signal.aborted ? null : (code ?? 128 + (signalName ? constants.signals[signalName] : 0));
        void Promise.race([closed, new Promise((done) => setTimeout(done, lingerMs))]).then(() => resolve({ exitCode }));
      });
    });
  }

  async hasProgram(name: string): Promise<boolean> {
    let found = this.programs.get(name);
    if (found === undefined) {
      found = (await findExecutable(name, this.baseEnv)) !== undefined;
      this.programs.set(name, found);
    }
    return found;
  }

  /** Ends what the job's steps left running. */
  async dispose(): Promise<void> {
    const leaders = this.leaders.splice(0);
    // Background children stay in their step's process group: when every group is empty, the
    // (costly) look through the process table is spared.
    if (process.platform === 'win32' || !leaders.some(groupAlive)) return;
    const candidates = await treeProcesses(leaders);
    const ours = process.platform === 'linux' ? await this.tracked(candidates) : candidates;
    await killProcesses(ours, { signal: 'SIGTERM', graceMs: killGraceMs });
  }

  /** The processes whose environment holds this job's tracking id. */
  private async tracked(pids: number[]): Promise<number[]> {
    const marker = `${trackingVariable}=${this.trackingId}`;
    const checks = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/environ`, 'latin1').then((environ) => environ.split('\0').includes(marker), () => false)));
    return pids.filter((_, index) => checks[index]);
  }
}

function groupAlive(leader: number): boolean {
  try {
    process.kill(-leader, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Ends a running step's whole tree (Windows: taskkill /T). */
async function endTrees(leaders: number[]): Promise<void> {
  if (process.platform === 'win32') {
    await Promise.all(
      leaders.map((pid) => new Promise((resolve) => spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }).on('close', resolve).on('error', resolve))),
    );
    return;
  }
  await killProcessTree(leaders, { signal: 'SIGTERM', graceMs: killGraceMs });
}
