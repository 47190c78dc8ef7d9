/**
 * A push-to-pull bridge between a producer and one consumer. `push` never blocks; a producer that
 * must not run ahead awaits `room()`, which resolves once fewer than `highWater` values wait.
 * The consumer leaving (`return`) ends the channel, and `room()` then resolves at once.
 */
export class AsyncChannel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private roomWaiters: (() => void)[] = [];
  private finished = false;
  private failure: { error: unknown } | undefined;

  constructor(private readonly highWater = 64) {}

  get closed(): boolean {
    return this.finished;
  }

  push(value: T): void {
    if (this.finished) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve({ value, done: false });
      return;
    }
    this.buffer.push(value);
  }

  room(): Promise<void> {
    if (this.finished || this.buffer.length < this.highWater) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  end(): void {
    if (this.finished) return;
    this.finished = true;
    this.release();
    if (this.waiting && this.buffer.length === 0) {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting.resolve({ value: undefined, done: true });
    }
  }

  /** Ends the channel; the consumer gets `error` after the values already pushed. */
  fail(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = { error };
    this.release();
    if (this.waiting && this.buffer.length === 0) {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting.reject(error);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.buffer.length > 0) {
          const value = this.buffer.shift() as T;
          if (this.buffer.length < this.highWater) this.release();
          return Promise.resolve({ value, done: false });
        }
        if (this.failure) return Promise.reject(this.failure.error);
        if (this.finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise<IteratorResult<T>>((resolve, reject) => (this.waiting = { resolve, reject }));
      },
      return: () => {
        this.buffer.length = 0;
        this.failure = undefined;
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  private release(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * Runs `work`, which emits chunks, as a stream with back-pressure. It runs to its end even when the
 * reader leaves (so it can store what it must); emits after `signal` aborts go nowhere.
 */
export function produce<T>(signal: AbortSignal, work: (emit: (chunk: T) => Promise<void>) => Promise<void>): AsyncIterable<T> {
  const channel = new AsyncChannel<T>();
  const emit = async (chunk: T): Promise<void> => {
    if (signal.aborted) return;
    channel.push(chunk);
    await channel.room();
  };
  work(emit).then(
    () => channel.end(),
    (error: unknown) => channel.fail(error),
  );
  return channel;
}
