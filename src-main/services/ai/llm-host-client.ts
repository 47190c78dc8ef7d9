import { createBirpc, type BirpcReturn } from 'birpc';
import { forkLauncher, helperScriptPath, type HelperProcess, type HelperProcessLauncher } from '../../lib/helper-process';
import { llmHostFunctionEventNames, type LlmHostEvents, type LlmHostFunctions } from './llm-host-protocol';

/** A stuck native generation may not answer SIGTERM: the model process is killed outright. */
export const forkLlmHost = forkLauncher('SIGKILL');

/** node-llama-cpp is ESM-only, so this bundle is an ES module. */
export function defaultLlmHostPath(): string {
  return helperScriptPath('llm-host', 'llm-host.mjs');
}

export type LlmHostRpc = BirpcReturn<LlmHostFunctions, LlmHostEvents>;

export interface LlmHostConnection {
  readonly rpc: LlmHostRpc;
  readonly process: HelperProcess;
}

export function connectLlmHost(launcher: HelperProcessLauncher, scriptPath: string, events: LlmHostEvents): LlmHostConnection {
  const started = launcher(scriptPath);
  const rpc = createBirpc<LlmHostFunctions, LlmHostEvents>(events, {
    ...started.channel,
    eventNames: [...llmHostFunctionEventNames],
    timeout: -1,
    resolver: (name) => (Object.hasOwn(events, name) ? events[name as keyof LlmHostEvents] : undefined),
  });
  return { rpc, process: started };
}
