import type { Disposable } from '../../src-shared/contract';

/** A typed event source: services fire, the router and other services listen. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** `onListenerError` keeps one failing listener from starving the others; without it, errors propagate. */
  constructor(private readonly onListenerError?: (error: unknown) => void) {}

  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      if (!this.onListenerError) {
        listener(value);
        continue;
      }
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
