/**
 * Decides, crash after crash, whether a plugin restarts (after how long) or is given up on: the
 * delay doubles from `baseDelayMs`, and `maxCrashes` within `windowMs` end the restarts.
 */
export interface CrashPolicyOptions {
  maxCrashes: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const pluginCrashPolicy: CrashPolicyOptions = { maxCrashes: 3, windowMs: 5 * 60_000, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type CrashDecision = { kind: 'restart'; delayMs: number } | { kind: 'give-up'; crashes: number };

export class CrashPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions = pluginCrashPolicy) {}

  recordCrash(now = Date.now()): CrashDecision {
    this.crashes = [...this.crashes.filter((at) => now - at < this.options.windowMs), now];
    const count = this.crashes.length;
    if (count >= this.options.maxCrashes) return { kind: 'give-up', crashes: count };
    return { kind: 'restart', delayMs: Math.min(this.options.baseDelayMs * 2 ** (count - 1), this.options.maxDelayMs) };
  }
}
