import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../../plugins/todo-tree/src/coalesce';

describe('refreshes while one runs', () => {
  it('run once more after it, however many were asked for, and never two at once', async () => {
    let running = 0;
    let overlapped = false;
    const finishers: (() => void)[] = [];
    const refresh = coalesce(async () => {
      running++;
      overlapped ||= running > 1;
      await new Promise<void>((resolve) => finishers.push(resolve));
      running--;
    });

    const first = refresh();
    const second = refresh();
    const third = refresh();
    expect(second).toBe(third);
    expect(finishers).toHaveLength(1);
    finishers[0]?.();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(finishers).toHaveLength(2);
    finishers[1]?.();
    await second;
    expect(finishers).toHaveLength(2);
    expect(overlapped).toBe(false);
  });

  it('still runs the next one after a run that failed', async () => {
    let calls = 0;
    const refresh = coalesce(async () => {
      calls++;
      if (calls === 1) throw new Error('the search failed');
    });
    const failed = refresh();
    const next = refresh();
    await expect(failed).rejects.toThrow('the search failed');
    await expect(next).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
