import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { event, LatheError, method, stream, type LatheErrorData } from '../../../src-shared/contract';
import { createRpcClient } from '../../../src-shared/rpc/client';
import { streamWindow } from '../../../src-shared/rpc/wire';
import { Emitter } from '../../../src-main/lib/emitter';
import { createRouter } from '../../../src-main/host/router';
import { channelPair } from '../helpers/channel-pair';
import { silentLogger } from '../helpers/silent-logger';

const testContract = {
  math: {
    add: method(z.object({ a: z.number(), b: z.number() }), z.number()),
    fail: method(z.object({ kind: z.enum(['typed', 'crash', 'contract']) }), z.string()),
    count: stream(z.object({ to: z.number().int().max(10_000) }), z.number()),
    onTick: event(z.object({ n: z.number() })),
  },
} as const;

function setup() {
  const ticks = new Emitter<{ n: number }>();
  const produced: number[] = [];
  const streamState = { aborted: false, finished: false };
  const handlers = {
    math: {
      add: ({ a, b }: { a: number; b: number }) => a + b,
      fail: ({ kind }: { kind: string }): string => {
        if (kind === 'typed') throw new LatheError('NOT_FOUND', 'no such thing', { what: 'thing' });
        if (kind === 'crash') throw new Error('secret internal detail at /home/user/x.ts:10');
        return 42 as unknown as string;
      },
      async *count({ to }: { to: number }, { signal }: { signal: AbortSignal }) {
        signal.addEventListener('abort', () => (streamState.aborted = true));
        try {
          for (let n = 1; n <= to; n += 1) {
            produced.push(n);
            yield n;
          }
        } finally {
          streamState.finished = true;
        }
      },
      onTick: ticks.event,
    },
  };
  const router = createRouter({ contract: testContract, handlers, logger: silentLogger });
  const pair = channelPair();
  const connection = router.connect(pair.host, 'test');
  const client = createRpcClient(testContract, pair.client);
  return { api: client.api, client, router, connection, ticks, produced, streamState, pair };
}

const rejection = async (promise: Promise<unknown>): Promise<LatheErrorData> => {
  try {
    await promise;
  } catch (error) {
    return error as LatheErrorData;
  }
  throw new Error('expected a rejection');
};

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
};

describe('router', () => {
  it('validates input and answers a method call', async () => {
    const { api } = setup();
    await expect(api.math.add({ a: 2, b: 3 })).resolves.toBe(5);
  });

  it('refuses invalid input with INVALID_INPUT and the failing path', async () => {
    const { api } = setup();
    const error = await rejection(api.math.add({ a: 'two', b: 3 } as never));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ issues: [expect.objectContaining({ path: ['a'] })] });
  });

  it('refuses unknown and prototype method names with UNKNOWN_METHOD', async () => {
    const pair = channelPair();
    createRouter({ contract: testContract, handlers: {}, logger: silentLogger }).connect(pair.host, 'raw');
    const { createBirpc } = await import('birpc');
    const wire = createBirpc<{ call(name: unknown, input?: unknown): Promise<unknown> }>({}, { ...pair.client, timeout: 2000 });
    for (const name of ['math.nope', 'constructor', '__proto__.x', 'math.constructor', 'math.hasOwnProperty', 42, '', 'math.count']) {
      const error = await rejection(wire.call(name, {}));
      expect(error.code).toBe('UNKNOWN_METHOD');
    }
  });

  it('passes typed errors through and hides internal ones behind a reference', async () => {
    const { api } = setup();
    expect(await rejection(api.math.fail({ kind: 'typed' }))).toEqual({ code: 'NOT_FOUND', message: 'no such thing', details: { what: 'thing' } });
    const crash = await rejection(api.math.fail({ kind: 'crash' }));
    expect(crash.code).toBe('INTERNAL');
    expect(crash.message).toMatch(/^Internal error in math\.fail \(reference [0-9a-f]{8}\)$/);
    expect(JSON.stringify(crash)).not.toContain('secret');
    expect((await rejection(api.math.fail({ kind: 'contract' }))).code).toBe('INTERNAL');
  });

  it('streams chunks in order and completes', async () => {
    const { api } = setup();
    const seen: number[] = [];
    await new Promise<void>((resolve, reject) => {
      api.math.count({ to: 500 }, { next: (n) => void seen.push(n), complete: resolve, error: (e) => reject(new Error(e.message)) });
    });
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  });

  it('stops producing while the consumer does not acknowledge (back-pressure)', async () => {
    const { api, produced } = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let received = 0;
    api.math.count({ to: 10_000 }, { next: () => ((received += 1), gate) });
    await until(() => received === 1);
    for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
    // The host may run at most one window ahead of what the client has acknowledged.
    expect(produced.length).toBeLessThanOrEqual(streamWindow + 1);
    release();
    await until(() => produced.length > streamWindow + 1);
  });

  it('cancels a stream: the producer is aborted and finalized', async () => {
    const { api, streamState } = setup();
    let received = 0;
    const subscription = api.math.count({ to: 10_000 }, { next: () => new Promise(() => void (received += 1)) });
    await until(() => received === 1);
    subscription.dispose();
    await until(() => streamState.aborted && streamState.finished);
  });

  it('delivers events until the listener is disposed', async () => {
    const { api, ticks } = setup();
    const seen: number[] = [];
    const subscription = api.math.onTick(({ n }) => seen.push(n));
    // The subscription is live once the host has opened it; fire until the first arrives.
    await until(() => {
      ticks.fire({ n: 1 });
      return seen.length > 0;
    });
    subscription.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const count = seen.length;
    ticks.fire({ n: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.length).toBe(count);
    expect(seen.every((n) => n === 1)).toBe(true);
  });

  it('aborts open streams when the connection closes', async () => {
    const { api, connection, streamState, router } = setup();
    let received = 0;
    api.math.count({ to: 10_000 }, { next: () => new Promise(() => void (received += 1)) });
    await until(() => received === 1);
    expect(router.connectionCount).toBe(1);
    connection.close();
    expect(router.connectionCount).toBe(0);
    await until(() => streamState.aborted && streamState.finished);
  });
});
