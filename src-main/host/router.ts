import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createBirpc, type ChannelOptions } from 'birpc';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  LatheError,
  lookupMember,
  type ContractSpec,
  type Disposable,
  type LatheErrorData,
  type MemberSpec,
} from '../../src-shared/contract';
import { clientWireEvents, streamWindow, type ClientWire, type HostWire } from '../../src-shared/rpc/wire';
import { AsyncQueue } from './async-queue';
import type { CallContext } from './handlers';

type AnyHandler = (...args: never[]) => unknown;

export interface RouterOptions {
  contract: ContractSpec;
  /** Handlers shaped like the contract (service → member → function). */
  handlers: object;
  logger: Logger;
}

export interface Connection {
  readonly id: string;
  close(): void;
}

export interface Router {
  /** Serves the contract over one channel (a window, a browser tab). */
  connect(channel: ChannelOptions, label: string): Connection;
  readonly connectionCount: number;
  closeAll(): void;
}

/** Events a client has not read are buffered up to this many before its subscription is ended. */
const eventBufferLimit = 10_000;

export function createRouter({ contract, handlers, logger }: RouterOptions): Router {
  const connections = new Set<Connection>();
  let sequence = 0;

  const handlerFor = (wireName: string): AnyHandler => {
    const [service, member] = wireName.split('.', 2) as [string, string];
    const serviceHandlers = (handlers as Record<string, Record<string, AnyHandler>>)[service];
    const handler = serviceHandlers?.[member];
    if (typeof handler !== 'function') throw new LatheError('INTERNAL', `No handler is registered for ${wireName}`);
    return handler.bind(serviceHandlers);
  };

  const expectMember = <K extends MemberSpec['kind']>(wireName: unknown, kinds: K[]): Extract<MemberSpec, { kind: K }> => {
    const spec = typeof wireName === 'string' ? lookupMember(contract, wireName) : undefined;
    if (!spec || !kinds.includes(spec.kind as K)) {
      throw new LatheError('UNKNOWN_METHOD', `Unknown ${kinds.join(' or ')}: ${String(wireName).slice(0, 100)}`);
    }
    return spec as Extract<MemberSpec, { kind: K }>;
  };

  const parseInput = (schema: z.ZodType, input: unknown, wireName: string): unknown => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    throw new LatheError('INVALID_INPUT', `Invalid input for ${wireName}`, {
      issues: parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  };

  /** Turns whatever a handler threw into the wire's error shape, logging what the caller must not see. */
  const toWireError = (error: unknown, wireName: string): LatheErrorData => {
    if (error instanceof LatheError) return error.toData();
    const reference = randomUUID().slice(0, 8);
    logger.error({ err: error, method: wireName, reference }, 'handler failed');
    return { code: 'INTERNAL', message: `Internal error in ${wireName} (reference ${reference})` };
  };

  function connect(channel: ChannelOptions, label: string): Connection {
    const id = `${label}-${++sequence}`;
    const lifetime = new AbortController();
    const streams = new Map<string, { credit: number; wake: () => void; controller: AbortController; detach: () => void }>();
    // Every open stream listens for the connection's end; a window may hold many at once.
    setMaxListeners(0, lifetime.signal);

    const context = (signal: AbortSignal): CallContext => ({ connectionId: id, signal });

    const pump = async (streamId: string, wireName: string, chunkSchema: z.ZodType, source: AsyncIterable<unknown>): Promise<void> => {
      const state = streams.get(streamId);
      if (!state) return;
      const { signal } = state.controller;
      const iterator = source[Symbol.asyncIterator]();
      signal.addEventListener('abort', () => void iterator.return?.(), { once: true });
      let failure: LatheErrorData | undefined;
      try {
        while (!signal.aborted) {
          while (state.credit <= 0 && !signal.aborted) await new Promise<void>((resolve) => (state.wake = resolve));
          if (signal.aborted) break;
          const step = await iterator.next();
          if (step.done || signal.aborted) break;
          const chunk = chunkSchema.safeParse(step.value);
          if (!chunk.success) throw new Error(`${wireName} produced a chunk outside its contract: ${chunk.error.message}`);
          state.credit -= 1;
          void remote.chunk(streamId, chunk.data).catch(() => undefined);
        }
      } catch (error) {
        failure = toWireError(error, wireName);
      } finally {
        state.detach();
        streams.delete(streamId);
      }
      if (!signal.aborted) void remote.end(streamId, failure).catch(() => undefined);
    };

    const local: HostWire = {
      async call(wireName, input) {
        try {
          const spec = expectMember(wireName, ['method']);
          const parsedInput = parseInput(spec.input, input, wireName);
          const result = await handlerFor(wireName)(...([parsedInput, context(lifetime.signal)] as never[]));
          const output = spec.output.safeParse(result);
          if (!output.success) throw new Error(`${wireName} returned a value outside its contract: ${output.error.message}`);
          return output.data;
        } catch (error) {
          throw toWireError(error, String(wireName));
        }
      },
      async open(streamId, wireName, input) {
        try {
          if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 64) {
            throw new LatheError('INVALID_INPUT', 'A stream id must be a string of 1 to 64 characters');
          }
          if (streams.has(streamId)) throw new LatheError('CONFLICT', `Stream ${streamId} is already open`);
          const spec = expectMember(wireName, ['stream', 'event']);
          const controller = new AbortController();
          let source: AsyncIterable<unknown>;
          let chunkSchema: z.ZodType;
          if (spec.kind === 'stream') {
            const parsedInput = parseInput(spec.input, input, wireName);
            source = handlerFor(wireName)(...([parsedInput, context(controller.signal)] as never[])) as AsyncIterable<unknown>;
            chunkSchema = spec.chunk;
          } else {
            if (input !== undefined) throw new LatheError('INVALID_INPUT', `${wireName} takes no input`);
            source = subscribeToEvent(handlerFor(wireName), controller.signal);
            chunkSchema = spec.payload;
          }
          const abortWithConnection = (): void => controller.abort();
          lifetime.signal.addEventListener('abort', abortWithConnection, { once: true });
          const detach = (): void => lifetime.signal.removeEventListener('abort', abortWithConnection);
          streams.set(streamId, { credit: streamWindow, wake: () => undefined, controller, detach });
          void pump(streamId, wireName, chunkSchema, source);
        } catch (error) {
          throw toWireError(error, String(wireName));
        }
      },
      ack(streamId, count) {
        const state = typeof streamId === 'string' ? streams.get(streamId) : undefined;
        if (!state || !Number.isInteger(count) || count < 1 || count > streamWindow) return;
        state.credit = Math.min(streamWindow, state.credit + count);
        state.wake();
      },
      cancel(streamId) {
        const state = typeof streamId === 'string' ? streams.get(streamId) : undefined;
        if (!state) return;
        state.controller.abort();
        state.wake();
      },
    };

    const remote = createBirpc<ClientWire, HostWire>(local, {
      ...channel,
      eventNames: [...clientWireEvents],
      timeout: -1,
      // Only the wire functions above are callable; never a prototype member such as `constructor`.
      resolver: (name) => (Object.hasOwn(local, name) ? local[name as keyof HostWire] : undefined),
      onGeneralError: (error) => {
        logger.warn({ err: error, connection: id }, 'rpc channel error');
        return true;
      },
    });

    const connection: Connection = {
      id,
      close() {
        if (!connections.delete(connection)) return;
        lifetime.abort();
        for (const state of streams.values()) state.wake();
        remote.$close();
        logger.debug({ connection: id }, 'connection closed');
      },
    };
    connections.add(connection);
    logger.debug({ connection: id }, 'connection opened');
    return connection;
  }

  return {
    connect,
    get connectionCount() {
      return connections.size;
    },
    closeAll() {
      for (const connection of [...connections]) connection.close();
    },
  };
}

/** Adapts a service's `(listener) => Disposable` event to the pull-based stream pump. */
function subscribeToEvent(subscribe: AnyHandler, signal: AbortSignal): AsyncIterable<unknown> {
  const queue = new AsyncQueue<unknown>(eventBufferLimit);
  const subscription = subscribe(...([(payload: unknown) => queue.push(payload)] as never[])) as Disposable;
  signal.addEventListener(
    'abort',
    () => {
      subscription.dispose();
      queue.end();
    },
    { once: true },
  );
  return queue;
}
