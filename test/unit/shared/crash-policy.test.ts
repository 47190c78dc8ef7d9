import { describe, expect, it } from 'vitest';
import { CrashPolicy } from '../../../src-shared/crash-policy';

describe('restarting what crashed', () => {
  const options = { maxCrashes: 5, windowMs: 180_000, baseDelayMs: 500, maxDelayMs: 3_000 };

  it('waits twice as long after each crash, up to a limit, and gives up at the fifth crash in the window', () => {
    const policy = new CrashPolicy(options);
    const decisions = [0, 1, 2, 3, 4].map((second) => policy.recordCrash(second * 1000));
    expect(decisions).toEqual([
      { kind: 'restart', delayMs: 500 },
      { kind: 'restart', delayMs: 1000 },
      { kind: 'restart', delayMs: 2000 },
      { kind: 'restart', delayMs: 3000 },
      { kind: 'give-up', crashes: 5 },
    ]);
  });

  it('forgets crashes older than the window, and all of them after a start by hand', () => {
    const policy = new CrashPolicy(options);
    policy.recordCrash(0);
    policy.recordCrash(1000);
    expect(policy.recordCrash(200_000)).toEqual({ kind: 'restart', delayMs: 500 });
    policy.recordCrash(201_000);
    policy.reset();
    expect(policy.recordCrash(202_000)).toEqual({ kind: 'restart', delayMs: 500 });
  });
});
