import {
  BrokenCircuitError,
  bulkhead,
  BulkheadRejectedError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  IsolatedCircuitError,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IRetryBackoffContext,
  type RetryPolicy,
  type TimeoutPolicy,
} from 'cockatiel';
import { ProviderError, providerFaults } from './provider';

export interface ResilienceSettings {
  maxRetries: number;
  failureThreshold: number;
  cooldownMs: number;
  maxConcurrent: number;
  connectTimeoutMs: number;
  firstTokenTimeoutMs: number;
  idleTimeoutMs: number;
  /** The first backoff's upper bound; each retry doubles it, up to `maxBackoffMs` (full jitter below it). */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** A server asking for a longer wait than this is not retried: the next provider answers instead. */
  maxRetryAfterMs: number;
}

export type CircuitName = 'closed' | 'open' | 'half-open';

/** The circuit breaker and bulkhead of one provider, shared by all its requests. */
export class ProviderGuard {
  readonly breaker: CircuitBreakerPolicy;
  readonly bulkhead: BulkheadPolicy;
  private readonly subscriptions: { dispose(): void }[];
  private openedAt = 0;

  constructor(
    readonly key: string,
    private readonly settings: ResilienceSettings,
    onCircuitChange: () => void,
  ) {
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof ProviderError && providerFaults.has(error.code)),
      { halfOpenAfter: settings.cooldownMs, breaker: new ConsecutiveBreaker(settings.failureThreshold) },
    );
    // A short queue: a request waits a moment for a slot, more are turned away (and fall back).
    this.bulkhead = bulkhead(settings.maxConcurrent, settings.maxConcurrent * 4);
    this.subscriptions = [this.breaker.onBreak(() => (this.openedAt = Date.now())), this.breaker.onStateChange(onCircuitChange)];
  }

  /** An open circuit whose cooldown has passed lets the next request through (cockatiel half-opens it then). */
  get circuit(): CircuitName {
    const state = this.breaker.state;
    if (state === CircuitState.Closed) return 'closed';
    if (state === CircuitState.HalfOpen) return 'half-open';
    if (state === CircuitState.Open && Date.now() - this.openedAt >= this.settings.cooldownMs) return 'half-open';
    return 'open';
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** One guard per provider; rebuilt (state reset) only when its settings change. */
export class ProviderGuards {
  private readonly guards = new Map<string, ProviderGuard>();

  constructor(private readonly onCircuitChange: () => void) {}

  get(providerId: string, settings: ResilienceSettings): ProviderGuard {
    const key = `${settings.failureThreshold}/${settings.cooldownMs}/${settings.maxConcurrent}`;
    const existing = this.guards.get(providerId);
    if (existing?.key === key) return existing;
    existing?.dispose();
    const guard = new ProviderGuard(key, settings, this.onCircuitChange);
    this.guards.set(providerId, guard);
    return guard;
  }

  circuit(providerId: string): CircuitName {
    return this.guards.get(providerId)?.circuit ?? 'closed';
  }

  dispose(): void {
    for (const guard of this.guards.values()) guard.dispose();
    this.guards.clear();
  }
}

/** Exponential backoff with full jitter, replaced by the server's `Retry-After` when it sends one. */
export function retryPolicy(settings: ResilienceSettings, shouldRetry: (error: Error) => boolean): RetryPolicy {
  const exponential = new ExponentialBackoff({ generator: fullJitterGenerator, initialDelay: settings.initialBackoffMs, maxDelay: settings.maxBackoffMs });
  const backoff = new DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown> | undefined>((context, previous) => {
    const next = previous ? previous.next(context) : exponential.next();
    const error = 'error' in context.result ? context.result.error : undefined;
    const retryAfter = error instanceof ProviderError ? error.retry.afterMs : undefined;
    return { delay: retryAfter ?? next.duration, state: next };
  });
  return retry(
    handleWhen((error) => shouldRetry(error)),
    { maxAttempts: settings.maxRetries, backoff },
  );
}

/** A deadline for one step; cockatiel's aggressive timeout rejects at once, without waiting for the step. */
export function deadlinePolicy(milliseconds: number): TimeoutPolicy {
  return timeout(milliseconds, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
}

/**
 * Runs `step` under `policy`. When the deadline passes first, `onTimeout` stops the work and gives the
 * error to throw; when `signal` aborts, the cockatiel error is rethrown for the caller to see as a cancel.
 */
export async function withDeadline<T>(policy: TimeoutPolicy, step: () => Promise<T>, signal: AbortSignal, onTimeout: () => ProviderError): Promise<T> {
  try {
    return await policy.execute(() => step(), signal);
  } catch (error) {
    if (error instanceof TaskCancelledError && !signal.aborted) throw onTimeout();
    throw error;
  }
}

/** What a rejection by the policies themselves means for the user. */
export function policyFailure(error: unknown, label: string, cooldownMs: number): ProviderError | undefined {
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
    return new ProviderError('circuit-open', `${label} is skipped after repeated failures; it is tried again within ${Math.ceil(cooldownMs / 1000)} s`);
  }
  if (error instanceof BulkheadRejectedError) return new ProviderError('busy', `${label} is busy with other requests`);
  return undefined;
}
