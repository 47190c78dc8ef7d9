import { fork } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createBirpc, type BirpcReturn, type ChannelOptions } from 'birpc';
import { ptyHostFunctionEventNames, type PtyHostEvents, type PtyHostFunctions } from './protocol';

/** A started pty host process, however it was started. */
export interface PtyHostProcess {
  readonly channel: ChannelOptions;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/**
 * Starts the pty host script. The default forks it with Node (`ELECTRON_RUN_AS_NODE` under an
 * unpackaged Electron); a packaged Electron app, whose runAsNode fuse is off, passes a launcher built
 * on `utilityProcess.fork` (the pty host speaks to `process.parentPort` there).
 */
export type PtyHostLauncher = (scriptPath: string) => PtyHostProcess;

export const forkPtyHost: PtyHostLauncher = (scriptPath) => {
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
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGTERM'),
  };
};

/** Where the build puts the pty host bundle: `out/pty-host/pty-host.cjs`, beside `out/main` and `out/server`. */
export function defaultPtyHostPath(): string {
  // The Electron bundle is CommonJS (`__dirname` is out/main); the server bundle is an ES module started as a script (out/server).
  const here = typeof __dirname === 'string' ? __dirname : dirname(resolve(process.argv[1] ?? '.'));
  return join(here, '..', 'pty-host', 'pty-host.cjs');
}

export type PtyHostRpc = BirpcReturn<PtyHostFunctions, PtyHostEvents>;

export interface PtyHostConnection {
  readonly rpc: PtyHostRpc;
  readonly process: PtyHostProcess;
}

export function connectPtyHost(launcher: PtyHostLauncher, scriptPath: string, events: PtyHostEvents): PtyHostConnection {
  const started = launcher(scriptPath);
  const rpc = createBirpc<PtyHostFunctions, PtyHostEvents>(events, {
    ...started.channel,
    eventNames: [...ptyHostFunctionEventNames],
    timeout: -1,
    resolver: (name) => (Object.hasOwn(events, name) ? events[name as keyof PtyHostEvents] : undefined),
  });
  return { rpc, process: started };
}
