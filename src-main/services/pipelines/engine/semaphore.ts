import { LatheError } from '../../../../src-shared/contract';

/** Slots for at most `limit` holders at once; waiters are served in order. The limit may change at any time. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limitValue: number) {}

  get limit(): number {
    return this.limitValue;
  }

  set limit(value: number) {
    this.limitValue = Math.max(1, value);
    this.drain();
  }

  get running(): number {
    return this.active;
  }

  /** Waits for a slot; the returned function gives it back (once). Rejects with CANCELLED if `signal` aborts first. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new LatheError('CANCELLED', 'Cancelled while waiting for a free slot');
    if (this.active >= this.limitValue || this.waiting.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const waiter = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(new LatheError('CANCELLED', 'Cancelled while waiting for a free slot'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(waiter);
        this.drain();
      });
    } else {
      this.active += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.drain();
    };
  }

  private drain(): void {
    while (this.active < this.limitValue && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}
