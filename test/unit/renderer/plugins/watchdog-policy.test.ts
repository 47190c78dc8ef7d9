import { describe, expect, it } from 'vitest';
import { CrashPolicy } from '../../../../src-renderer/features/plugins/host/crash-policy';
import { matchesWhen } from '../../../../src-renderer/features/plugins/contributions/when-clause';

describe('the plugin crash policy', () => {
  it('restarts with a doubling delay, then gives up after three crashes in the window', () => {
    const policy = new CrashPolicy({ maxCrashes: 3, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 30_000 });
    expect(policy.recordCrash(0)).toEqual({ kind: 'restart', delayMs: 1_000 });
    expect(policy.recordCrash(10_000)).toEqual({ kind: 'restart', delayMs: 2_000 });
    expect(policy.recordCrash(20_000)).toEqual({ kind: 'give-up', crashes: 3 });
  });

  it('forgets crashes older than the window', () => {
    const policy = new CrashPolicy({ maxCrashes: 3, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 30_000 });
    policy.recordCrash(0);
    policy.recordCrash(1_000);
    expect(policy.recordCrash(120_000)).toEqual({ kind: 'restart', delayMs: 1_000 });
  });
});

describe('when clauses of plugin menus', () => {
  it('compares, negates, and combines with && and ||', () => {
    expect(matchesWhen(undefined, {})).toBe(true);
    expect(matchesWhen('view == todo-tree.todos', { view: 'todo-tree.todos' })).toBe(true);
    expect(matchesWhen("view == 'todo-tree.todos'", { view: 'todo-tree.todos' })).toBe(true);
    expect(matchesWhen('view != todo-tree.todos', { view: 'todo-tree.todos' })).toBe(false);
    expect(matchesWhen('view == a && focused', { view: 'a', focused: false })).toBe(false);
    expect(matchesWhen('view == a || view == b', { view: 'b' })).toBe(true);
    expect(matchesWhen('!focused', { focused: false })).toBe(true);
  });

  it('treats an unknown key as unset, hiding the entry', () => {
    expect(matchesWhen('resourceExtname == .md', { view: 'a' })).toBe(false);
    expect(matchesWhen('someContextKey', {})).toBe(false);
  });
});
