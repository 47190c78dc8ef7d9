import { describe, expect, it } from 'vitest';
import { pluginCrashes } from '../../../../src-renderer/features/plugins/host/crash-policy';
import { matchesWhen } from '../../../../src-renderer/features/plugins/contributions/when-clause';

describe('the plugin crash policy', () => {
  it('restarts after 1 s, then 2 s, and gives up at the third crash in five minutes', () => {
    const policy = pluginCrashes();
    expect(policy.recordCrash(0)).toEqual({ kind: 'restart', delayMs: 1_000 });
    expect(policy.recordCrash(10_000)).toEqual({ kind: 'restart', delayMs: 2_000 });
    expect(policy.recordCrash(20_000)).toEqual({ kind: 'give-up', crashes: 3 });
  });

  it('counts only the crashes of the last five minutes', () => {
    const policy = pluginCrashes();
    policy.recordCrash(0);
    policy.recordCrash(1_000);
    expect(policy.recordCrash(301_000)).toEqual({ kind: 'restart', delayMs: 1_000 });
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
