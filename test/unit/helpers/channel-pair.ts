import type { ChannelOptions } from 'birpc';
import { parseJsonEnvelope } from '../../../src-shared/rpc/wire';

/**
 * Two linked birpc channels that pass every message through JSON text and the envelope check,
 * as the WebSocket transport does, delivering asynchronously like a real socket.
 */
export function channelPair(): { client: ChannelOptions; host: ChannelOptions; closeHost(): void } {
  let toClient: ((data: unknown) => void) | undefined;
  let toHost: ((data: unknown) => void) | undefined;
  let open = true;
  const deliver = (target: () => ((data: unknown) => void) | undefined, message: unknown): void => {
    const text = JSON.stringify(message);
    setImmediate(() => {
      const envelope = parseJsonEnvelope(text);
      if (open && envelope) target()?.(envelope);
    });
  };
  return {
    client: { post: (message) => deliver(() => toHost, message), on: (fn) => void (toClient = fn) },
    host: { post: (message) => deliver(() => toClient, message), on: (fn) => void (toHost = fn) },
    closeHost() {
      open = false;
    },
  };
}
