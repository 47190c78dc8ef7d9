import { CrashPolicy, type CrashPolicyOptions } from '../../../../src-shared/crash-policy';

/** A plugin is restarted after 1 s, then 2 s, and given up on after 3 crashes in 5 minutes. */
const pluginCrashPolicy: CrashPolicyOptions = { maxCrashes: 3, windowMs: 5 * 60_000, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export function pluginCrashes(): CrashPolicy {
  return new CrashPolicy(pluginCrashPolicy);
}
