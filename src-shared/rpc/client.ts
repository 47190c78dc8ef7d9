import { createBirpc, type ChannelOptions } from 'birpc';
import {
  listMembers,
  toLatheErrorData,
  type ContractClient,
  type ContractSpec,
  type Disposable,
  type LatheErrorData,
  type StreamObserver,
} from '../contract';
import { hostWireEvents, type ClientWire, type HostWire } from './wire';

interface OpenStream {
  observer: StreamObserver<unknown>;
  /** Chunks are handed to the observer one after another, in order. */
  queue: Promise<void>;
}

export interface RpcClient<C extends ContractSpec> {
  readonly api: ContractClient<C>;
  close(): void;
}

/**
 * Builds the typed client for a contract over any birpc channel (Electron IPC, WebSocket, MessagePort).
 * Calls reject with plain LatheErrorData objects, which survive structured cloning and contextBridge.
 */
export function createRpcClient<C extends ContractSpec>(contract: C, channel: ChannelOptions): RpcClient<C> {
  const streams = new Map<string, OpenStream>();
  let nextStreamId = 0;
  let pendingAcks = new Map<string, number>();

  const flushAcks = (): void => {
    const acks = pendingAcks;
    pendingAcks = new Map();
    for (const [id, count] of acks) void host.ack(id, count).catch(() => undefined);
  };

  const acknowledge = (id: string): void => {
    if (pendingAcks.size === 0) void Promise.resolve().then(flushAcks);
    pendingAcks.set(id, (pendingAcks.get(id) ?? 0) + 1);
  };

  const local: ClientWire = {
    chunk(id, value) {
      const stream = streams.get(id);
      if (!stream) return;
      stream.queue = stream.queue
        .then(() => stream.observer.next(value))
        .catch(() => undefined)
        .then(() => {
          if (streams.has(id)) acknowledge(id);
        });
    },
    end(id, error) {
      const stream = streams.get(id);
      if (!stream) return;
      streams.delete(id);
      void stream.queue.then(() => {
        if (error) stream.observer.error?.(toLatheErrorData(error));
        else stream.observer.complete?.();
      });
    },
  };

  const host = createBirpc<HostWire, ClientWire>(local, {
    ...channel,
    eventNames: [...hostWireEvents],
    // Long calls (a build, a model answer) are cancelled by the user, not by a clock.
    timeout: -1,
  });

  const call = async (wireName: string, input: unknown): Promise<unknown> => {
    try {
      return await (input === undefined ? host.call(wireName) : host.call(wireName, input));
    } catch (error) {
      throw toLatheErrorData(error);
    }
  };

  const subscribe = (wireName: string, input: unknown, observer: StreamObserver<unknown>): Disposable => {
    const id = `s${++nextStreamId}`;
    streams.set(id, { observer, queue: Promise.resolve() });
    const opened = input === undefined ? host.open(id, wireName) : host.open(id, wireName, input);
    opened.catch((error: unknown) => local.end(id, toLatheErrorData(error)));
    return {
      dispose() {
        if (!streams.delete(id)) return;
        void host.cancel(id).catch(() => undefined);
      },
    };
  };

  const api: Record<string, Record<string, unknown>> = {};
  for (const { service, member, wireName, spec } of listMembers(contract)) {
    const target = (api[service] ??= {});
    if (spec.kind === 'method') {
      target[member] = (input?: unknown) => call(wireName, input);
    } else if (spec.kind === 'stream') {
      target[member] = (input: unknown, observer: StreamObserver<unknown>) => subscribe(wireName, input, observer);
    } else {
      target[member] = (listener: (payload: unknown) => void) => subscribe(wireName, undefined, { next: listener });
    }
  }
  for (const service of Object.values(api)) Object.freeze(service);

  return {
    api: Object.freeze(api) as ContractClient<C>,
    close() {
      for (const [id, stream] of streams) {
        streams.delete(id);
        stream.observer.error?.(closedError);
      }
      host.$close();
    },
  };
}

const closedError: LatheErrorData = { code: 'UNAVAILABLE', message: 'The connection to the Lathe host was closed' };

