/** `Disposable` and `EventEmitter` of the API (see lathe.d.ts), and the internal helpers built on them. */

type Listener<T> = (event: T) => unknown;
export type Event<T> = (listener: Listener<T>, thisArgs?: unknown, disposables?: { dispose(): unknown }[]) => Disposable;

export class Disposable {
  static from(...disposables: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => {
      for (const disposable of disposables) disposable.dispose();
    });
  }

  #callOnDispose: (() => unknown) | undefined;

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  dispose(): void {
    const call = this.#callOnDispose;
    this.#callOnDispose = undefined;
    call?.();
  }
}

export class EventEmitter<T> {
  #listeners = new Set<Listener<T>>();
  #disposed = false;
  #onFirstListener: (() => void) | undefined;
  #onLastListener: (() => void) | undefined;

  /** The hooks start and stop a costly source (a file watch) with its first and last listener. */
  constructor(hooks?: { onFirstListener(): void; onLastListener(): void }) {
    this.#onFirstListener = hooks?.onFirstListener;
    this.#onLastListener = hooks?.onLastListener;
  }

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound: Listener<T> = (event) => listener.call(thisArgs, event);
    if (!this.#disposed) {
      this.#listeners.add(bound);
      if (this.#listeners.size === 1) this.#onFirstListener?.();
    }
    const subscription = new Disposable(() => {
      if (this.#listeners.delete(bound) && this.#listeners.size === 0) this.#onLastListener?.();
    });
    disposables?.push(subscription);
    return subscription;
  };

  fire(data: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        const result = listener(data);
        if (result instanceof Promise) result.catch(reportListenerError);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const hadListeners = this.#listeners.size > 0;
    this.#listeners.clear();
    if (hadListeners) this.#onLastListener?.();
  }
}

/** A listener's failure goes to the plugin's log (console is forwarded there) and stops no other listener. */
function reportListenerError(error: unknown): void {
  console.error('An event listener failed:', error);
}
