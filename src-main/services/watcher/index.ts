import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import watcher, { type AsyncSubscription, type Event } from '@parcel/watcher';
import type { Logger } from 'pino';
import type { Disposable, FileChange, FileChanges } from '../../../src-shared/contract';
import { Emitter } from '../../lib/emitter';
import { coalesceChanges } from './coalesce';
import { pathMatcher } from '../../../src-shared/globs';
import { ignoreGlobs, parcelIgnore } from './ignore-list';

export { coalesceChanges } from './coalesce';
export { ignoreGlobs } from './ignore-list';

export interface FileWatcherOptions {
  /** The workspace root (absolute, as the path guard resolved it). */
  root: string;
  /** The current `files.exclude` value; read again on `updateExcludes()`. */
  excludes: () => Record<string, boolean>;
  logger: Logger;
}

/** The most files reported for one new folder found by walking it (a `git clone` into the workspace, say). */
const walkLimit = 20_000;

const kinds: Record<Event['type'], FileChange['kind']> = { create: 'created', update: 'changed', delete: 'deleted' };

/**
 * Watches the workspace recursively with @parcel/watcher (native, batched) and reports
 * workspace-relative changes, one net event per path and batch. Errors are logged, never thrown.
 */
export class FileWatcherService {
  private readonly changes: Emitter<FileChanges>;
  private subscription: AsyncSubscription | null = null;
  private ignore: string[] = [];
  private isIgnored: (path: string) => boolean = () => false;
  /** Batches are processed one after another, so a later batch never overtakes an earlier one. */
  private delivery: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Subscribing and unsubscribing run one at a time, in call order. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(private readonly options: FileWatcherOptions) {
    this.changes = new Emitter<FileChanges>((error) => options.logger.error({ err: error }, 'file change listener failed'));
  }

  static async start(options: FileWatcherOptions): Promise<FileWatcherService> {
    const service = new FileWatcherService(options);
    await service.serialize(() => service.subscribe(service.currentIgnore()));
    return service;
  }

  onDidChange(listener: (changes: FileChanges) => void): Disposable {
    return this.changes.event(listener);
  }

  /** Re-reads `files.exclude`; subscribes again only when the ignore list actually changed. */
  updateExcludes(): Promise<void> {
    return this.serialize(async () => {
      if (this.disposed) return;
      const next = this.currentIgnore();
      if (this.subscription && sameList(next, this.ignore)) return;
      await this.unsubscribe();
      await this.subscribe(next);
    });
  }

  dispose(): Promise<void> {
    this.disposed = true;
    this.changes.dispose();
    return this.serialize(() => this.unsubscribe());
  }

  private currentIgnore(): string[] {
    try {
      return ignoreGlobs(this.options.excludes());
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read files.exclude for the file watcher');
      return ignoreGlobs({});
    }
  }

  private async subscribe(ignore: string[]): Promise<void> {
    if (this.disposed) return;
    try {
      this.subscription = await watcher.subscribe(this.options.root, (error, events) => this.receive(error, events), { ignore: parcelIgnore(ignore) });
      this.ignore = ignore;
      this.isIgnored = pathMatcher(ignore);
      this.options.logger.debug({ root: this.options.root, ignore }, 'file watcher subscribed');
    } catch (error) {
      this.options.logger.error({ err: error, root: this.options.root }, 'could not watch the workspace');
    }
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    if (!subscription) return;
    try {
      await subscription.unsubscribe();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not stop watching the workspace');
    }
  }

  private receive(error: Error | null, events: Event[]): void {
    if (error) this.options.logger.warn({ err: error }, 'file watcher error');
    if (this.disposed || events.length === 0) return;
    const changes: FileChange[] = [];
    for (const event of events) {
      const path = relative(this.options.root, event.path);
      // The root itself, or something outside it (a symlinked root resolved differently), is not a workspace file.
      if (!path || path.startsWith('..')) continue;
      const relativePath = sep === '/' ? path : path.split(sep).join('/');
      if (this.isIgnored(relativePath)) continue;
      changes.push({ path: relativePath, kind: kinds[event.type] });
    }
    if (changes.length === 0) return;
    this.delivery = this.delivery
      .then(() => this.completeNewFolders(changes))
      .then((complete) => {
        const net = coalesceChanges(complete);
        if (!this.disposed && net.length > 0) this.changes.fire({ changes: net });
      })
      .catch((failure: unknown) => this.options.logger.warn({ err: failure }, 'could not process file changes'));
  }

  /**
   * inotify watches a new folder only once it has seen it, so files written into it right away can be
   * missed or reported as changed. Walk each new folder and report everything in it as created.
   */
  private async completeNewFolders(changes: FileChange[]): Promise<FileChange[]> {
    const created = changes.filter((change) => change.kind === 'created');
    if (created.length === 0) return changes;
    const folders: string[] = [];
    await Promise.all(
      created.map(async ({ path }) => {
        try {
          if ((await lstat(join(this.options.root, path))).isDirectory()) folders.push(path);
        } catch {
          // Gone again already: the event stands as it is.
        }
      }),
    );
    if (folders.length === 0) return changes;
    const first = await this.walkNewFolders(changes, folders);
    if (!first.nested) return first.result;
    // @parcel/watcher does not watch folders nested in a new folder (parcel-bundler/watcher#97): watch afresh,
    // then walk again so files created while no subscription was live are reported too.
    await this.rewatch();
    return (await this.walkNewFolders(changes, folders)).result;
  }

  private async walkNewFolders(changes: FileChange[], folders: string[]): Promise<{ result: FileChange[]; nested: boolean }> {
    const inNewFolder = (path: string): boolean => folders.some((folder) => path.startsWith(`${folder}/`));
    const result = changes.map((change) => (change.kind === 'changed' && inNewFolder(change.path) ? { ...change, kind: 'created' as const } : change));
    const known = new Set(result.map((change) => change.path));
    let budget = walkLimit;
    let nested = false;
    for (const folder of folders) {
      const pending = [folder];
      while (pending.length > 0 && budget > 0) {
        const current = pending.pop() as string;
        let entries;
        try {
          entries = await readdir(join(this.options.root, current), { withFileTypes: true });
        } catch {
          continue;
        }
        for (const entry of entries) {
          const path = `${current}/${entry.name}`;
          if (this.isIgnored(path)) continue;
          if (entry.isDirectory()) {
            pending.push(path);
            nested = true;
          }
          if (!known.has(path) && budget-- > 0) {
            known.add(path);
            result.push({ path, kind: 'created' });
          }
        }
      }
    }
    return { result, nested };
  }

  /** Resolves once the new subscription is live, so the batch that prompted it is reported after that. */
  private rewatch(): Promise<void> {
    return this.serialize(async () => {
      if (this.disposed) return;
      // Native watchers share inotify descriptors, so the old subscription must stop before the new one starts.
      await this.unsubscribe();
      await this.subscribe(this.ignore);
    });
  }

  private serialize(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
