import { EventEmitter, type Event } from './events';

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  readonly onCancellationRequested: Event<void>;
}

/** A token that is cancelled once; what listens later hears of it at once. */
export function cancellationSource() {
  const emitter = new EventEmitter<void>();
  let cancelled = false;
  const token: CancellationToken = Object.freeze({
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: ((listener, thisArgs, disposables) => {
      if (cancelled) void Promise.resolve().then(() => listener.call(thisArgs));
      return emitter.event(listener, thisArgs, disposables);
    }) as Event<void>,
  });
  return {
    token,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      emitter.fire();
      emitter.dispose();
    },
  };
}

/** What cancels a token: kept by id for each call the workbench may cancel. */
export type CancellationSource = ReturnType<typeof cancellationSource>;
