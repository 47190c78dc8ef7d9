import { fork } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import type { ChannelOptions } from 'birpc';

/**
 * A process of ours that runs what could crash or block main (ptys, the local model), however it
 * was started, with the birpc channel to talk to it.
 */
export interface HelperProcess {
  readonly channel: ChannelOptions;
  /** `signal` only where the launcher knows it (a forked process). */
  onExit(listener: (code: number | null, signal?: string | null) => void): void;
  kill(): void;
}

/**
 * Starts a helper script. The default forks it with Node (`ELECTRON_RUN_AS_NODE` under an unpackaged
 * Electron); a packaged Electron app, whose runAsNode fuse is off, passes one built on
 * `utilityProcess.fork` (the script then speaks to `process.parentPort`).
 */
export type HelperProcessLauncher = (scriptPath: string) => HelperProcess;

/** Forks with Node's IPC channel; `killSignal` is what `kill()` sends. */
export function forkLauncher(killSignal: NodeJS.Signals): HelperProcessLauncher {
  return (scriptPath) => {
    const child = fork(scriptPath, [], {
      execArgv: [],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    return {
      channel: {
        post: (message) => {
          if (child.connected) child.send(message);
        },
        on: (deliver) => void child.on('message', deliver),
      },
      onExit: (listener) => void child.once('exit', (code, signal) => listener(code, signal)),
      kill: () => void child.kill(killSignal),
    };
  };
}

/** Where the build puts a helper bundle: `out/<folder>/<file>`, beside `out/main` and `out/server`. */
export function helperScriptPath(folder: string, file: string): string {
  // The Electron bundle is CommonJS (`__dirname` is out/main); the server bundle is an ES module started as a script (out/server).
  const here = typeof __dirname === 'string' ? __dirname : dirname(resolve(process.argv[1] ?? '.'));
  return join(here, '..', folder, file);
}
