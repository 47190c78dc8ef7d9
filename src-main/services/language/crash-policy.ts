import type { CrashPolicyOptions } from '../../../src-shared/crash-policy';

/** A language server is restarted after 0.5 s, 1 s, 2 s… and given up on after 5 crashes in 3 minutes. */
export const defaultCrashPolicy: CrashPolicyOptions = { maxCrashes: 5, windowMs: 3 * 60_000, baseDelayMs: 500, maxDelayMs: 10_000 };
