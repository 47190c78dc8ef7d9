import { fork } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createBirpc, type BirpcReturn, type ChannelOptions } from 'birpc';
import { llmHostFunctionEventNames, type LlmHostEvents, type LlmHostFunctions } from './llm-host-protocol';

/** A started local model process, however it was started. */
export interface LlmHostProcess {
  readonly channel: ChannelOptions;
  /** `signal` only where the launcher knows it (a forked process). */
  onExit(listener: (code: number | null, signal?: string | null) => void): void;
  kill(): void;
}

/**
 * Starts the local model script. The default forks it with Node (`ELECTRON_RUN_AS_NODE` under an
 * unpackaged Electron); a packaged Electron app passes a launcher built on `utilityProcess.fork`.
 */
export type LlmHostLauncher = (scriptPath: string) => LlmHostProcess;

export const forkLlmHost: LlmHostLauncher = (scriptPath) => {
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
    kill: () => void child.kill('SIGKILL'),
  };
};

/** Where the build puts the local model bundle: `out/llm-host/llm-host.mjs`, beside `out/main` and `out/server`. */
export function defaultLlmHostPath(): string {
  // The Electron bundle is CommonJS (`__dirname` is out/main); the server bundle is an ES module started as a script (out/server).
  const here = typeof __dirname === 'string' ? __dirname : dirname(resolve(process.argv[1] ?? '.'));
  return join(here, '..', 'llm-host', 'llm-host.mjs');
}

export type LlmHostRpc = BirpcReturn<LlmHostFunctions, LlmHostEvents>;

export interface LlmHostConnection {
  readonly rpc: LlmHostRpc;
  readonly process: LlmHostProcess;
}

export function connectLlmHost(launcher: LlmHostLauncher, scriptPath: string, events: LlmHostEvents): LlmHostConnection {
  const started = launcher(scriptPath);
  const rpc = createBirpc<LlmHostFunctions, LlmHostEvents>(events, {
    ...started.channel,
    eventNames: [...llmHostFunctionEventNames],
    timeout: -1,
    resolver: (name) => (Object.hasOwn(events, name) ? events[name as keyof LlmHostEvents] : undefined),
  });
  return { rpc, process: started };
}
