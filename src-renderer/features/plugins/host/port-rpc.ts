import { createBirpc, type BirpcReturn } from 'birpc';
import { envelopeSchema } from '../../../../src-shared/rpc/wire';
import { runtimeEventNames, type RuntimeFunctions, type WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';

export type PluginRuntime = BirpcReturn<RuntimeFunctions, WorkbenchFunctions>;

/**
 * birpc over a plugin's port. Every message is checked against birpc's envelope before birpc sees
 * it, and only the functions' own members can be called (not `toString`, not `__proto__`).
 */
export function servePluginPort(port: MessagePort, functions: WorkbenchFunctions): PluginRuntime {
  const onMessage = (deliver: (data: unknown) => void) => (event: MessageEvent) => {
    const envelope = envelopeSchema.safeParse(event.data);
    if (envelope.success) deliver(envelope.data);
  };
  let listener: ((event: MessageEvent) => void) | undefined;
  return createBirpc<RuntimeFunctions, WorkbenchFunctions>(functions, {
    post: (message) => port.postMessage(message),
    on: (deliver) => {
      listener = onMessage(deliver);
      port.addEventListener('message', listener);
      port.start();
    },
    off: () => {
      if (listener) port.removeEventListener('message', listener);
    },
    eventNames: [...runtimeEventNames],
    resolver: (name, resolved) => (Object.hasOwn(functions, name) ? resolved : undefined),
    // The plugin's own calls (activate, a command) may run long; the watchdog, not a clock, ends a hung one.
    timeout: -1,
  });
}
