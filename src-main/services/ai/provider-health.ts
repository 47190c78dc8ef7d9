import type { AiProviderStatus } from '../../../src-shared/contract';
import { failureOf } from './generation';
import type { AiProvider } from './provider';

export type ProviderHealthState = AiProviderStatus['health'];

/** The last health check of each provider, and the periodic checks for the status bar. */
export class ProviderHealth {
  private readonly results = new Map<string, ProviderHealthState>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  get(providerId: string): ProviderHealthState {
    return this.results.get(providerId) ?? { state: 'unknown', checkedAt: null, latencyMs: null };
  }

  /** Asks each provider whether it can serve requests, all at once, each within `deadlineMs`. */
  async check(providers: AiProvider[], deadlineMs: number): Promise<void> {
    await Promise.all(
      providers.map(async (provider) => {
        const startedAt = performance.now();
        const signal = AbortSignal.timeout(deadlineMs);
        try {
          await provider.checkHealth(signal);
          this.results.set(provider.id, { state: 'ok', checkedAt: Date.now(), latencyMs: performance.now() - startedAt });
        } catch (error) {
          const message = signal.aborted ? `No answer within ${deadlineMs} ms` : failureOf(error).message;
          this.results.set(provider.id, { state: 'error', checkedAt: Date.now(), latencyMs: null, message });
        }
      }),
    );
  }

  /** Runs `check` every `intervalMinutes()` (read again each time; 0 pauses the checks). */
  schedule(intervalMinutes: () => number, check: () => Promise<unknown>): void {
    const minutes = intervalMinutes();
    // With checks off, look again later in case the setting changes.
    this.timer = setTimeout(
      () => {
        const run = minutes > 0 ? check() : Promise.resolve();
        void run
          .catch(() => undefined)
          .finally(() => {
            if (!this.stopped) this.schedule(intervalMinutes, check);
          });
      },
      (minutes > 0 ? minutes : 1) * 60_000,
    );
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
