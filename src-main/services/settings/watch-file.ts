import { watch, type FSWatcher, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Disposable } from '../../../src-shared/contract';

export interface FileWatch extends Disposable {
  /** Settles once the first watcher is in place, so a read after it cannot miss a change. */
  readonly ready: Promise<void>;
}

export interface WatchFileOptions {
  logger: Logger;
  debounceMs?: number;
}

/** A watcher that keeps failing is not recreated more often than this. */
const maxWatcherFailures = 5;

/**
 * Calls `onChange`, debounced, whenever `file` may have changed. Watches the file's folder and
 * filters by name: editors save by renaming a new file over the old one, which a watch on the
 * file itself would lose track of. While the folder does not exist, watches the folder above it
 * and switches over when it appears. Failures are logged, never thrown.
 */
export function watchFile(file: string, onChange: () => void, options: WatchFileOptions): FileWatch {
  const { logger, debounceMs = 75 } = options;
  const folder = dirname(file);
  const fileName = basename(file);
  const folderName = basename(folder);

  let disposed = false;
  let watcher: FSWatcher | undefined;
  let mode: 'folder' | 'parent' | 'none' = 'none';
  let folderIdentity: string | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    queue = queue.then(task).catch((error: unknown) => logger.warn({ err: error, file }, 'settings watcher failed'));
    return queue;
  };

  const schedule = (): void => {
    if (disposed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void enqueue(check);
    }, debounceMs);
    timer.unref();
  };

  const open = (path: string, relevantName: string): FSWatcher | undefined => {
    try {
      const created = watch(path, { persistent: false }, (_event, changed) => {
        // Some platforms do not say which entry changed; then every event counts.
        if (changed === null || changed === relevantName) schedule();
      });
      created.on('error', (error) => {
        logger.warn({ err: error, path }, 'settings watcher failed');
        created.close();
        if (watcher !== created) return;
        watcher = undefined;
        if (++failures < maxWatcherFailures) schedule();
        else logger.warn({ path }, 'settings watcher keeps failing; changes made outside Lathe are no longer picked up');
      });
      return created;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error, path }, 'could not watch settings folder');
      return undefined;
    }
  };

  const arm = async (): Promise<void> => {
    watcher?.close();
    watcher = undefined;
    mode = 'none';
    const info = await folderInfo(folder);
    if (disposed) return;
    if (info) {
      watcher = open(folder, fileName);
      if (watcher) {
        mode = 'folder';
        folderIdentity = identity(info);
        return;
      }
    }
    watcher = open(dirname(folder), folderName);
    if (!watcher) return;
    mode = 'parent';
    // The folder may have been created between the look and the watch.
    if (await folderInfo(folder)) schedule();
  };

  const check = async (): Promise<void> => {
    if (disposed) return;
    const info = await folderInfo(folder);
    if (disposed) return;
    const stale =
      watcher === undefined ||
      (mode === 'folder' && (!info || identity(info) !== folderIdentity)) ||
      (mode === 'parent' && info !== undefined);
    if (stale) await arm();
    if (!disposed) onChange();
  };

  const ready = enqueue(arm);

  return {
    ready,
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      watcher?.close();
      watcher = undefined;
    },
  };
}

async function folderInfo(path: string): Promise<Stats | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? info : undefined;
}

/** A folder deleted and created again is a new folder, and the old watcher sees nothing in it. */
function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}
