import type { AsyncChannel } from './async-channel';
import { ProviderError, type AiProvider, type ProviderEvent } from './provider';
import { deadlinePolicy, policyFailure, retryPolicy, withDeadline, type ProviderGuard, type ResilienceSettings } from './resilience';

/** What an attempt streams: the provider's events, and a word whenever a retry is coming. */
export type AttemptEvent = ProviderEvent | { type: 'retrying'; message: string };

/** The request was cancelled by its caller (not a provider failure: it never counts against a circuit). */
export class AttemptCancelled extends Error {
  override readonly name = 'AttemptCancelled';
  constructor() {
    super('The request was cancelled');
  }
}

export interface AttemptOptions {
  provider: AiProvider;
  guard: ProviderGuard;
  settings: ResilienceSettings;
  /** Starts the provider's stream; resolves once the provider accepted the request. */
  open: (signal: AbortSignal) => Promise<AsyncIterable<ProviderEvent>>;
  sink: AsyncChannel<AttemptEvent>;
  signal: AbortSignal;
}

/**
 * Streams one provider's answer into `sink` under its bulkhead, retries (only while nothing was
 * streamed yet) and circuit breaker, with deadlines for accepting the request, for the first event
 * and for every gap between events. Rejects with a ProviderError, or AttemptCancelled.
 */
export async function runAttempt(options: AttemptOptions): Promise<void> {
  const { provider, guard, settings, sink, signal } = options;
  let streamed = false;
  const retries = retryPolicy(
    settings,
    (error) => !streamed && error instanceof ProviderError && error.retry.retryable && (error.retry.afterMs ?? 0) <= settings.maxRetryAfterMs,
  );
  const retrying = retries.onRetry((event) => {
    const reason = 'error' in event ? event.error.message : 'The provider failed';
    sink.push({ type: 'retrying', message: `${reason}; retrying in ${(event.delay / 1000).toFixed(1)} s (retry ${event.attempt} of ${settings.maxRetries})` });
  });
  const connectMs = provider.connectTimeoutMs ?? settings.connectTimeoutMs;
  const connectDeadline = deadlinePolicy(connectMs);
  const firstDeadline = deadlinePolicy(settings.firstTokenTimeoutMs);
  const idleDeadline = deadlinePolicy(settings.idleTimeoutMs);

  const streamOnce = async (): Promise<void> => {
    if (signal.aborted) throw new AttemptCancelled();
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    let iterator: AsyncIterator<ProviderEvent> | undefined;
    let completed = false;
    try {
      const events = await withDeadline(connectDeadline, () => options.open(controller.signal), controller.signal, () => {
        controller.abort();
        return new ProviderError('timeout', `${provider.label} did not accept the request within ${connectMs} ms`, { retryable: true });
      });
      iterator = events[Symbol.asyncIterator]();
      for (;;) {
        const first = !streamed;
        const step = await withDeadline(first ? firstDeadline : idleDeadline, () => (iterator as AsyncIterator<ProviderEvent>).next(), controller.signal, () => {
          controller.abort();
          return first
            ? new ProviderError('timeout', `${provider.label} sent nothing within ${settings.firstTokenTimeoutMs} ms`, { retryable: true })
            : new ProviderError('timeout', `${provider.label} stopped streaming for more than ${settings.idleTimeoutMs} ms`);
        });
        if (step.done) {
          completed = true;
          break;
        }
        streamed = true;
        sink.push(step.value);
        await sink.room();
        if (sink.closed) break;
      }
      if (signal.aborted) throw new AttemptCancelled();
    } catch (error) {
      // A cancel surfaces from the SDKs in many shapes (an abort error, a stream that just ends).
      if (signal.aborted) throw new AttemptCancelled();
      throw error;
    } finally {
      signal.removeEventListener('abort', stop);
      if (!completed) {
        controller.abort();
        void iterator?.return?.().catch(() => undefined);
      }
    }
  };

  try {
    await guard.bulkhead.execute(() => retries.execute(() => guard.breaker.execute(streamOnce), signal), signal);
  } catch (error) {
    if (signal.aborted || error instanceof AttemptCancelled) throw new AttemptCancelled();
    const policyError = policyFailure(error, provider.label, settings.cooldownMs);
    if (policyError) throw policyError;
    if (error instanceof ProviderError) throw error;
    throw new ProviderError('malformed-response', `${provider.label} failed unexpectedly: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  } finally {
    retrying.dispose();
  }
}

/** One call that does not stream (embeddings, model lists) under the provider's bulkhead, retries, circuit and a deadline. */
export async function callWithPolicies<T>(
  options: { provider: AiProvider; guard: ProviderGuard; settings: ResilienceSettings; signal: AbortSignal },
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { provider, guard, settings, signal } = options;
  const deadlineMs = provider.connectTimeoutMs ?? settings.connectTimeoutMs;
  const deadline = deadlinePolicy(deadlineMs);
  const retries = retryPolicy(settings, (error) => error instanceof ProviderError && error.retry.retryable && (error.retry.afterMs ?? 0) <= settings.maxRetryAfterMs);
  const once = async (): Promise<T> => {
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await withDeadline(deadline, () => call(controller.signal), controller.signal, () => {
        controller.abort();
        return new ProviderError('timeout', `${provider.label} did not answer within ${deadlineMs} ms`, { retryable: true });
      });
    } catch (error) {
      if (signal.aborted) throw new AttemptCancelled();
      throw error;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  };
  try {
    return await guard.bulkhead.execute(() => retries.execute(() => guard.breaker.execute(once), signal), signal);
  } catch (error) {
    if (signal.aborted || error instanceof AttemptCancelled) throw new AttemptCancelled();
    throw policyFailure(error, provider.label, settings.cooldownMs) ?? error;
  }
}
