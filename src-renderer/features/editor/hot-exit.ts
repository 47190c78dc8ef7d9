import { host } from '../../platform/host';
import { getModel, isClean } from './models';

/** Typing idle this long writes a backup of a dirty buffer. */
const backupDelayMs = 500;

const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** The model version each path's backup holds; a dirty buffer at that version loses nothing on exit. */
const backedUpVersions = new Map<string, number>();
/** Host calls for one path run in order, so a discard never overtakes the save it follows. */
const queues = new Map<string, Promise<void>>();

function enqueue(path: string, call: () => Promise<void>): Promise<void> {
  const next = (queues.get(path) ?? Promise.resolve()).then(call, call);
  queues.set(path, next);
  const settle = (): void => {
    if (queues.get(path) === next) queues.delete(path);
  };
  next.then(settle, settle);
  return next;
}

/** Called on every edit: backs a dirty buffer up once typing pauses, and drops the backup of a clean one. */
export function scheduleBackup(path: string): void {
  const pending = timers.get(path);
  if (pending !== undefined) clearTimeout(pending);
  timers.set(
    path,
    setTimeout(() => {
      timers.delete(path);
      void writeBackup(path);
    }, backupDelayMs),
  );
}

async function writeBackup(path: string): Promise<void> {
  const model = getModel(path);
  if (!model || isClean(path)) {
    discardBackup(path);
    return;
  }
  const versionId = model.getAlternativeVersionId();
  // Counted as backed up once sent: a reload right now does not stop the host from writing it.
  backedUpVersions.set(path, versionId);
  try {
    const content = model.getValue();
    await enqueue(path, () => host().backups.save({ path, content }));
  } catch {
    // Best effort: the buffer itself is still open and dirty, and closing the window asks again.
    if (backedUpVersions.get(path) === versionId) backedUpVersions.delete(path);
  }
}

/** The buffer was saved, undone to the saved text, or closed without saving. */
export function discardBackup(path: string): void {
  const pending = timers.get(path);
  if (pending !== undefined) clearTimeout(pending);
  timers.delete(path);
  backedUpVersions.delete(path);
  void enqueue(path, () => host().backups.discard({ path })).catch(() => undefined);
}

/** The text of `path` as it is now is already in its backup (after restoring it at startup). */
export function markBackedUp(path: string): void {
  const pending = timers.get(path);
  if (pending !== undefined) clearTimeout(pending);
  timers.delete(path);
  const model = getModel(path);
  if (model) backedUpVersions.set(path, model.getAlternativeVersionId());
}

/** The backup of a renamed file moves with it. */
export function moveBackup(from: string, to: string): void {
  discardBackup(from);
  if (!isClean(to)) scheduleBackup(to);
}

/** True when closing the window now would lose typed text that no backup holds. */
export function hasUnbackedChanges(path: string): boolean {
  const model = getModel(path);
  if (!model || isClean(path)) return false;
  return backedUpVersions.get(path) !== model.getAlternativeVersionId();
}
