import { contract, type LatheApi } from '../../src-shared/contract';
import { createRpcClient } from '../../src-shared/rpc/client';
import { parseJsonEnvelope } from '../../src-shared/rpc/wire';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly lathe?: LatheApi;
  }
}

/**
 * The host's API: from the Electron preload when there is one, else over a WebSocket to the
 * browser-mode server that served this page (its cookie authenticates the socket).
 */
export async function connectToHost(): Promise<LatheApi> {
  if (window.lathe) return window.lathe;
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${protocol}//${location.host}/rpc`);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not connect to the Lathe host')), { once: true });
  });
  const client = createRpcClient(contract, {
    post: (message) => socket.send(JSON.stringify(message)),
    on: (deliver) =>
      socket.addEventListener('message', (event: MessageEvent<string>) => {
        const envelope = parseJsonEnvelope(event.data);
        if (envelope) deliver(envelope);
      }),
  });
  socket.addEventListener('close', () => {
    client.close();
    window.dispatchEvent(new Event('lathe:disconnected'));
  });
  return client.api;
}
