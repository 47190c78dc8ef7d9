import type { FileChange } from '../../../src-shared/contract';

type Kind = FileChange['kind'];

/**
 * Folds one batch into at most one net event per path, in first-seen order:
 * created+deleted cancel out, created+changed stays created, deleted+created becomes changed.
 */
export function coalesceChanges(changes: readonly FileChange[]): FileChange[] {
  const net = new Map<string, Kind>();
  for (const { path, kind } of changes) {
    const previous = net.get(path);
    const next = previous === undefined ? kind : combine(previous, kind);
    if (next === null) net.delete(path);
    else net.set(path, next);
  }
  return [...net].map(([path, kind]) => ({ path, kind }));
}

function combine(previous: Kind, next: Kind): Kind | null {
  switch (previous) {
    case 'created':
      return next === 'deleted' ? null : 'created';
    case 'changed':
      return next === 'deleted' ? 'deleted' : 'changed';
    case 'deleted':
      return next === 'deleted' ? 'deleted' : 'changed';
  }
}
