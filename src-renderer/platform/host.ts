import type { LatheApi } from '../../src-shared/contract';

let connected: LatheApi | undefined;

/** Remembers the API returned by `connectToHost()` so every feature reaches the same connection. */
export function provideHost(api: LatheApi): void {
  connected = api;
}

/** The host's API. Only valid once the workbench has connected (it renders nothing before that). */
export function host(): LatheApi {
  if (!connected) throw new Error('The workbench is not connected to the Lathe host yet');
  return connected;
}
