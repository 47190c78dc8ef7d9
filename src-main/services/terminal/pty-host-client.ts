import { createBirpc, type BirpcReturn } from 'birpc';
import { forkLauncher, helperScriptPath, type HelperProcess, type HelperProcessLauncher } from '../../lib/helper-process';
import { ptyHostFunctionEventNames, type PtyHostEvents, type PtyHostFunctions } from './protocol';

/** The pty host gets SIGTERM, so it can end the process trees of its ptys itself. */
export const forkPtyHost = forkLauncher('SIGTERM');

export function defaultPtyHostPath(): string {
  return helperScriptPath('pty-host', 'pty-host.cjs');
}

export type PtyHostRpc = BirpcReturn<PtyHostFunctions, PtyHostEvents>;

export interface PtyHostConnection {
  readonly rpc: PtyHostRpc;
  readonly process: HelperProcess;
}

export function connectPtyHost(launcher: HelperProcessLauncher, scriptPath: string, events: PtyHostEvents): PtyHostConnection {
  const started = launcher(scriptPath);
  const rpc = createBirpc<PtyHostFunctions, PtyHostEvents>(events, {
    ...started.channel,
    eventNames: [...ptyHostFunctionEventNames],
    timeout: -1,
    resolver: (name) => (Object.hasOwn(events, name) ? events[name as keyof PtyHostEvents] : undefined),
  });
  return { rpc, process: started };
}
