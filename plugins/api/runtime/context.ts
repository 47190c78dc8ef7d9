import { toApiError, type Workbench } from './connection';

/** What each part of the API is built with. */
export interface RuntimeContext {
  readonly pluginId: string;
  readonly workbench: Workbench;
}

/** Calls a workbench function, turning its rejection into an Error with a `code`. */
export async function ask<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw toApiError(error);
  }
}

/** A member main serves, by its contract name (`workspace.readFile`); main checks the permission. */
export function gateway<T>(context: RuntimeContext, method: string, params: object): Promise<T> {
  return ask(context.workbench.gateway(method, params) as Promise<T>);
}

/** A fire-and-forget call whose failure still reaches the plugin's log. */
export function report(call: Promise<unknown>): void {
  call.catch((error: unknown) => console.error(toApiError(error).message));
}
