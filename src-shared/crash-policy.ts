export interface CrashPolicyOptions {
  /** Crashes within `windowMs` after which there are no more restarts. */
  maxCrashes: number;
  windowMs: number;
  /** The first restart waits this long; each next one twice as long, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type CrashDecision = { kind: 'restart'; delayMs: number } | { kind: 'give-up'; crashes: number };

/** Decides, crash after crash, whether something that crashed (a language server, a plugin) restarts, after how long, or is given up on. */
export class CrashPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions) {}

  recordCrash(now = Date.now()): CrashDecision {
    this.crashes = [...this.crashes.filter((at) => now - at < this.options.windowMs), now];
    const count = this.crashes.length;
    if (count >= this.options.maxCrashes) return { kind: 'give-up', crashes: count };
    return { kind: 'restart', delayMs: Math.min(this.options.baseDelayMs * 2 ** (count - 1), this.options.maxDelayMs) };
  }

  /** A start by hand forgets earlier crashes. */
  reset(): void {
    this.crashes = [];
  }
}
