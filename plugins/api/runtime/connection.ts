import { createBirpc, type BirpcReturn } from 'birpc';
import { workbenchEventNames, type RuntimeFunctions, type WorkbenchFunctions } from './protocol';

export type Workbench = BirpcReturn<WorkbenchFunctions, RuntimeFunctions>;

/** An API call that failed: `code` names why (`PERMISSION_DENIED`, `NOT_FOUND`, …), as the host said it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Whatever the workbench rejected with, as an Error the plugin can read `message` and `code` of. */
export function toApiError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (typeof reason === 'object' && reason !== null && 'message' in reason) {
    const { message, code } = reason as { message: unknown; code?: unknown };
    return new ApiError(String(message), typeof code === 'string' ? code : 'UNAVAILABLE');
  }
  return new ApiError(String(reason), 'UNAVAILABLE');
}

/**
 * Rejections sent to the workbench must survive structured cloning: plugin code may throw anything
 * (a function, a proxy). Each runtime function answers with a plain Error instead.
 */
function withCloneableErrors(functions: RuntimeFunctions): RuntimeFunctions {
  const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, implementation] of Object.entries(functions) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = async (...args) => {
      try {
        return await implementation(...args);
      } catch (error) {
        throw new Error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    };
  }
  return wrapped as unknown as RuntimeFunctions;
}

/** birpc over the plugin's port: the only way out of the worker. */
export function connectToWorkbench(port: MessagePort, functions: RuntimeFunctions): Workbench {
  return createBirpc<WorkbenchFunctions, RuntimeFunctions>(withCloneableErrors(functions), {
    post: (message) => port.postMessage(message),
    on: (deliver) => {
      port.addEventListener('message', (event: MessageEvent) => deliver(event.data));
      port.start();
    },
    eventNames: [...workbenchEventNames],
    // A dialog waits for the user, an AI answer for the model: no call is cut short by a clock.
    timeout: -1,
  });
}
