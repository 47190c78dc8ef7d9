import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LatheError } from '../../../src-shared/contract';
import { killProcessTree } from '../../lib/process-tree';

export type ProcessEvent = { kind: 'stdout' | 'stderr'; line: string } | { kind: 'exit'; code: number | null };

export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal | undefined;
}

/**
 * Runs a program and yields its output lines in batches (whatever arrived since the last batch), the
 * exit last. Cancelling, or leaving the loop early, ends its whole process tree.
 */
export async function* processLines(file: string, args: readonly string[], options: ProcessOptions): AsyncGenerator<ProcessEvent[]> {
  options.signal?.throwIfAborted();
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    // Its own session, so its tree (rustc, test binaries) can be ended with it.
    detached: process.platform !== 'win32',
  });
  const pending: ProcessEvent[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let exited = false;
  const push = (event: ProcessEvent): void => {
    pending.push(event);
    wake?.();
  };
  let openStreams = 2;
  let exitCode: number | null = null;
  const finish = (): void => {
    if (openStreams === 0 && exited) push({ kind: 'exit', code: exitCode });
  };
  for (const [kind, stream] of [['stdout', child.stdout], ['stderr', child.stderr]] as const) {
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (line) => push({ kind, line }));
    lines.on('close', () => {
      openStreams--;
      finish();
    });
  }
  child.once('error', (error) => {
    failure = error;
    wake?.();
  });
  child.once('close', (code) => {
    exited = true;
    exitCode = code;
    finish();
  });
  const stop = (): void => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) void killProcessTree(child.pid, { signal: 'SIGTERM', graceMs: 500 });
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      if (failure) throw new LatheError('UNAVAILABLE', `${file} could not be started: ${failure.message}`);
      if (pending.length > 0) {
        const batch = pending.splice(0);
        yield batch;
        if (batch.some((event) => event.kind === 'exit')) return;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    stop();
  }
}
