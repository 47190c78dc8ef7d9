import { readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Logger } from 'pino';
import {
  LatheError,
  type Disposable,
  type GitBackendKind,
  type GitBlame,
  type GitBranch,
  type GitCommitDetails,
  type GitDiscardBackup,
  type GitErrorReason,
  type GitFileDiff,
  type GitLogPage,
  type GitRepository,
  type GitSnapshot,
  type GitStash,
  type GitStatus,
  type GitSyncChunk,
} from '../../../src-shared/contract';
import { Emitter } from '../../lib/emitter';
import type { GitBackend, GitDriver, LogQuery, RepositoryLocation } from './backend';
import { chooseBackend, type GitBackendSetting } from './choose-backend';
import { hasConflictMarkers } from './conflict-markers';
import { GitCredentialStore, type GitSecretStore } from './credentials';
import { diffContents, isBinary } from './diff-hunks';
import { DiscardBackups } from './discard-backups';
import { asLatheError } from './fs-failure';
import { gitError } from './git-error';
import { IsomorphicGitDriver } from './isomorphic/backend';
import { applySelection, countSelected, type LineSelection } from './line-selection';
import { NativeGitDriver } from './native/backend';
import { progressStream } from './progress-stream';
import { RepositoryPaths } from './repository-paths';

export { chooseBackend, nativeGitWorks } from './choose-backend';
export type { GitSecretStore } from './credentials';

/** The workspace's path guard, as far as git needs it (structurally the workspace service's PathGuard). */
export interface GitPathGuard {
  readonly root: string;
  resolve(path: string): Promise<string>;
  normalize(path: string): string;
}

export interface GitSettings {
  backend: GitBackendSetting;
  /** The git executable; '' looks for `git` on PATH. */
  path: string;
  pullRebase: boolean;
  alwaysSignOff: boolean;
}

/** Watches a folder outside the workspace watcher's view (the git directory) and calls back on any change. */
export type FolderWatch = (absolutePath: string, onChange: () => void) => Promise<Disposable>;

export interface GitServiceOptions {
  /** Null when no folder is open. */
  guard: GitPathGuard | null;
  settings: () => GitSettings;
  secrets: GitSecretStore;
  /** This workspace's git data in the profile: discard backups and the askpass script. */
  dataDirectory: string;
  logger: Logger;
  watchFolder?: FolderWatch;
  /** How long changes settle before the status is refreshed (default 300 ms, 1 s for isomorphic-git). */
  refreshDelayMs?: number;
}

interface Opened {
  kind: GitBackendKind;
  driver: GitDriver;
  location: RepositoryLocation;
  backend: GitBackend | null;
  paths: RepositoryPaths;
}

interface Repository {
  backend: GitBackend;
  paths: RepositoryPaths;
  guard: GitPathGuard;
}

/** Larger files are not read from a revision or the index (the diff editor has no large-file mode). */
const maxBlobBytes = 50 * 1024 * 1024;
/** Commit subjects that show a repository's style of message. */
const recentSubjectCount = 15;

/**
 * Source control for the open folder, through the native git program or isomorphic-git (the
 * `git.backend` setting). Client paths pass the workspace's path guard and are mapped to the
 * repository; the status is refreshed, debounced, when the workspace or the git directory changes.
 */
export class GitService {
  private opened: Promise<Opened> | undefined;
  private openedKey = '';
  private readonly credentials: GitCredentialStore;
  private readonly backups: DiscardBackups;
  private readonly changes: Emitter<GitSnapshot>;
  private listenerCount = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private lastSnapshot = '';
  private watchedGitDir: string | undefined;
  private gitDirWatch: Promise<Disposable> | undefined;
  private disposed = false;

  constructor(private readonly options: GitServiceOptions) {
    this.credentials = new GitCredentialStore(options.secrets);
    this.backups = new DiscardBackups(join(options.dataDirectory, 'discards'));
    this.changes = new Emitter<GitSnapshot>((error) => options.logger.error({ err: error }, 'git status listener failed'));
  }

  /** Subscribing starts the automatic refresh; it stops doing work when nobody listens. */
  readonly onDidChangeStatus = (listener: (snapshot: GitSnapshot) => void): Disposable => {
    const subscription = this.changes.event(listener);
    this.listenerCount += 1;
    this.scheduleRefresh();
    let active = true;
    return {
      dispose: () => {
        if (!active) return;
        active = false;
        this.listenerCount -= 1;
        subscription.dispose();
      },
    };
  };

  /** The host calls this when workspace files or settings changed: a debounced refresh follows. */
  refreshSoon(): void {
    this.scheduleRefresh();
  }

  status(): Promise<GitSnapshot> {
    return this.snapshot(true);
  }

  private async snapshot(lookAgainIfGone: boolean): Promise<GitSnapshot> {
    const opened = await this.open();
    const repository = this.describe(opened);
    if (!opened.backend) return { repository, status: null };
    this.watchGitDir(opened.backend.gitDir);
    try {
      return { repository, status: this.statusInWorkspace(await opened.backend.status(), opened.paths) };
    } catch (error) {
      // The repository went away (`.git` deleted): look again instead of failing from now on.
      if (lookAgainIfGone && isReason(error, 'notRepository')) {
        this.opened = undefined;
        return this.snapshot(false);
      }
      return asLatheError(error);
    }
  }

  async init(): Promise<GitSnapshot> {
    const guard = this.requireGuard();
    const opened = await this.open();
    if (opened.location.kind !== 'none') {
      throw gitError('CONFLICT', `The folder is already inside a git repository (${opened.location.kind === 'bare' ? opened.location.gitDir : opened.location.root})`, 'alreadyExists');
    }
    await opened.driver.init(guard.root).catch(asLatheError);
    this.opened = undefined;
    return this.afterChange(await this.status());
  }

  async stage(paths: string[]): Promise<void> {
    const repository = await this.requireRepository();
    await repository.backend.stage(await this.toRepositoryPaths(repository, paths)).catch(asLatheError);
    this.scheduleRefresh(0);
  }

  async unstage(paths: string[]): Promise<void> {
    const repository = await this.requireRepository();
    await repository.backend.unstage(await this.toRepositoryPaths(repository, paths)).catch(asLatheError);
    this.scheduleRefresh(0);
  }

  /** Untracked files are deleted, tracked ones take the index's content; a backup is kept first. */
  async discard(paths: string[]): Promise<GitDiscardBackup | null> {
    const repository = await this.requireRepository();
    const { backend } = repository;
    const requested = await this.toRepositoryPaths(repository, paths);
    const status = await backend.status().catch(asLatheError);
    const covers = (path: string): boolean => requested.some((request) => request === '' || request === path || path.startsWith(`${request}/`));
    const conflicted = status.conflicted.filter((entry) => covers(entry.path));
    if (conflicted.length > 0) {
      throw gitError('CONFLICT', `Resolve the conflicts first: ${conflicted.map((entry) => entry.path).join(', ')}`, 'unmerged');
    }
    const untracked = status.untracked.filter((entry) => covers(entry.path)).map((entry) => entry.path);
    const tracked = status.unstaged.filter((entry) => covers(entry.path) && !entry.submodule).map((entry) => entry.path);
    if (untracked.length + tracked.length === 0) return null;

    const files = await Promise.all([
      ...untracked.map(async (path) => ({ path, after: null })),
      ...tracked.map(async (path) => ({ path, after: await backend.readBlob(path, 'index').catch(asLatheError) })),
    ]);
    const backup = await this.backups.save(
      files.map((file) => ({ path: this.workspacePathOf(repository, file.path), absolutePath: join(backend.root, file.path), after: file.after })),
    );
    if (tracked.length > 0) await backend.restoreFromIndex(tracked).catch(asLatheError);
    await Promise.all(untracked.map((path) => rm(join(backend.root, path), { force: true })));
    this.scheduleRefresh(0);
    return backup;
  }

  async undoDiscard(id: string): Promise<void> {
    const guard = this.requireGuard();
    await this.backups.restore(id, (path) => guard.resolve(path));
    this.scheduleRefresh(0);
  }

  discardBackups(): Promise<GitDiscardBackup[]> {
    return this.backups.list();
  }

  async markResolved(paths: string[], force: boolean): Promise<void> {
    const repository = await this.requireRepository();
    const repositoryPaths = await this.toRepositoryPaths(repository, paths);
    if (!force) {
      const withMarkers: string[] = [];
      for (const [index, path] of repositoryPaths.entries()) {
        const content = await readFile(join(repository.backend.root, path), 'utf8').catch(() => '');
        if (hasConflictMarkers(content)) withMarkers.push(paths[index] as string);
      }
      if (withMarkers.length > 0) {
        throw gitError('CONFLICT', `Conflict markers remain in ${withMarkers.join(', ')}`, 'markersRemain', { paths: withMarkers });
      }
    }
    await repository.backend.stage(repositoryPaths).catch(asLatheError);
    this.scheduleRefresh(0);
  }

  async diff(path: string, staged: boolean): Promise<GitFileDiff> {
    const repository = await this.requireRepository();
    const [repositoryPath] = await this.toRepositoryPaths(repository, [path]);
    const diff = staged ? await repository.backend.diff(repositoryPath as string, true).catch(asLatheError) : (await this.unstagedDiff(repository, repositoryPath as string)).diff;
    return { ...diff, path: repository.guard.normalize(path), ...(diff.oldPath ? { oldPath: this.workspacePathOf(repository, diff.oldPath) } : {}) };
  }

  async stageLines(path: string, selection: LineSelection): Promise<void> {
    const repository = await this.requireRepository();
    const [repositoryPath = ''] = await this.toRepositoryPaths(repository, [path]);
    const { diff, indexText } = await this.unstagedDiff(repository, repositoryPath);
    const hunks = requireLineDiff(diff);
    // Added lines come from the working tree: they must survive decoding unchanged.
    const worktree = await readFile(join(repository.backend.root, repositoryPath)).catch(() => null);
    if (worktree) decodeText(worktree, path);
    if (!this.wholeFileSelected(hunks, selection)) {
      await repository.backend.writeIndexEntry(repositoryPath, Buffer.from(applySelection(indexText, hunks, 'old', selection), 'utf8')).catch(asLatheError);
    } else {
      await repository.backend.stage([repositoryPath]).catch(asLatheError);
    }
    this.scheduleRefresh(0);
  }

  async unstageLines(path: string, selection: LineSelection): Promise<void> {
    const repository = await this.requireRepository();
    const [repositoryPath = ''] = await this.toRepositoryPaths(repository, [path]);
    const { backend } = repository;
    const index = await backend.readBlob(repositoryPath, 'index').catch(asLatheError);
    if (!index) throw gitError('CONFLICT', `${path} has no staged changes`, 'staleSelection');
    const hunks = requireLineDiff(await backend.diff(repositoryPath, true).catch(asLatheError));
    // Removed lines come back from HEAD: they must survive decoding unchanged.
    const head = await backend.readBlob(repositoryPath, 'HEAD').catch(asLatheError);
    if (head) decodeText(head, path);
    if (!this.wholeFileSelected(hunks, selection)) {
      await backend.writeIndexEntry(repositoryPath, Buffer.from(applySelection(decodeText(index, path), hunks, 'new', selection), 'utf8')).catch(asLatheError);
    } else {
      await backend.unstage([repositoryPath]).catch(asLatheError);
    }
    this.scheduleRefresh(0);
  }

  async readFile(path: string, revision: string): Promise<{ content: string | null; binary: boolean }> {
    const repository = await this.requireRepository();
    const [repositoryPath = ''] = await this.toRepositoryPaths(repository, [path]);
    const blob = await repository.backend.readBlob(repositoryPath, revision).catch(asLatheError);
    if (!blob) return { content: null, binary: false };
    if (blob.length > maxBlobBytes) throw new LatheError('TOO_LARGE', `${path} is ${Math.round(blob.length / 1048576)} MB at ${revision}; files over 50 MB are not opened`);
    if (isBinary(blob)) return { content: null, binary: true };
    return { content: blob.toString('utf8'), binary: false };
  }

  async commit(message: string, amend: boolean, signoff: boolean | undefined): Promise<{ oid: string }> {
    const repository = await this.requireRepository();
    const oid = await repository.backend
      .commit({ message, amend, signoff: signoff ?? this.options.settings().alwaysSignOff })
      .catch(asLatheError);
    this.scheduleRefresh(0);
    return { oid };
  }

  async branches(): Promise<GitBranch[]> {
    return (await this.requireRepository()).backend.branches().catch(asLatheError);
  }

  createBranch(name: string, from: string | undefined, switchTo: boolean): Promise<void> {
    return this.mutate((backend) => backend.createBranch(name, from, switchTo));
  }

  switchBranch(name: string): Promise<void> {
    return this.mutate((backend) => backend.switchBranch(name));
  }

  deleteBranch(name: string, force: boolean): Promise<void> {
    return this.mutate((backend) => backend.deleteBranch(name, force));
  }

  renameBranch(name: string, newName: string): Promise<void> {
    return this.mutate((backend) => backend.renameBranch(name, newName));
  }

  async stashPush(message: string | undefined, includeUntracked: boolean): Promise<{ created: boolean }> {
    let created = false;
    await this.mutate(async (backend) => {
      created = await backend.stashPush(message, includeUntracked);
    });
    return { created };
  }

  stashPop(index: number): Promise<void> {
    return this.mutate((backend) => backend.stashPop(index));
  }

  stashDrop(index: number): Promise<void> {
    return this.mutate((backend) => backend.stashDrop(index));
  }

  async stashList(): Promise<GitStash[]> {
    return (await this.requireRepository()).backend.stashList().catch(asLatheError);
  }

  async remotes(): Promise<{ name: string; url: string }[]> {
    return (await this.requireRepository()).backend.remotes().catch(asLatheError);
  }

  fetch(remote: string | undefined, prune: boolean, signal: AbortSignal): AsyncIterable<GitSyncChunk> {
    return this.sync((backend, onProgress) => backend.fetch(remote, prune, { signal, onProgress }));
  }

  pull(rebase: boolean | undefined, signal: AbortSignal): AsyncIterable<GitSyncChunk> {
    const useRebase = rebase ?? this.options.settings().pullRebase;
    return this.sync((backend, onProgress) => backend.pull(useRebase, { signal, onProgress }));
  }

  push(remote: string | undefined, force: boolean, signal: AbortSignal): AsyncIterable<GitSyncChunk> {
    return this.sync((backend, onProgress) => backend.push(remote, force, { signal, onProgress }));
  }

  setCredentials(host: string, username: string, password: string): Promise<void> {
    return this.credentials.set(host, { username, password });
  }

  deleteCredentials(host: string): Promise<void> {
    return this.credentials.delete(host);
  }

  async log(input: Omit<LogQuery, 'path'> & { path?: string | undefined }): Promise<GitLogPage> {
    const repository = await this.requireRepository();
    const path = input.path === undefined ? undefined : (await this.toRepositoryPaths(repository, [input.path]))[0];
    return repository.backend.log({ revision: input.revision, all: input.all, path, skip: input.skip, limit: input.limit }).catch(asLatheError);
  }

  async showCommit(revision: string): Promise<GitCommitDetails> {
    const repository = await this.requireRepository();
    const details = await repository.backend.showCommit(revision).catch(asLatheError);
    const files = details.files.flatMap((file) => {
      const path = repository.paths.toWorkspace(file.path);
      if (path === null) return [];
      const oldPath = file.oldPath === undefined ? null : repository.paths.toWorkspace(file.oldPath);
      return [{ ...file, path, ...(oldPath !== null ? { oldPath } : {}) }];
    });
    return { ...details, files };
  }

  async commitDiff(revision: string, path: string): Promise<GitFileDiff> {
    const repository = await this.requireRepository();
    const [repositoryPath = ''] = await this.toRepositoryPaths(repository, [path]);
    const diff = await repository.backend.commitDiff(revision, repositoryPath).catch(asLatheError);
    return { ...diff, path: repository.guard.normalize(path), ...(diff.oldPath ? { oldPath: this.workspacePathOf(repository, diff.oldPath) } : {}) };
  }

  /**
   * What a commit message is written from: every staged change as one patch (cut after `maxChars`) and the
   * subjects of the latest commits; null when nothing is staged.
   */
  async stagedChanges(maxChars: number): Promise<{ diff: string; truncated: boolean; recentSubjects: string[] } | null> {
    const { backend } = await this.requireRepository();
    const patch = await backend.stagedPatch(maxChars).catch(asLatheError);
    if (!patch.text) return null;
    const history = await backend.log({ revision: 'HEAD', all: false, path: undefined, skip: 0, limit: recentSubjectCount }).catch((error: unknown) => {
      // The first commit has no earlier ones to take the style from.
      if (isReason(error, 'emptyRepository')) return { commits: [] };
      return asLatheError(error);
    });
    return { diff: patch.text, truncated: patch.truncated, recentSubjects: history.commits.map((commit) => commit.subject) };
  }

  async blame(path: string): Promise<GitBlame> {
    const repository = await this.requireRepository();
    const [repositoryPath = ''] = await this.toRepositoryPaths(repository, [path]);
    return repository.backend.blame(repositoryPath).catch(asLatheError);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.changes.dispose();
    await this.refreshing;
    (await this.gitDirWatch?.catch(() => undefined))?.dispose();
  }

  private requireGuard(): GitPathGuard {
    if (!this.options.guard) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return this.options.guard;
  }

  /** The driver the settings ask for, and where the repository is; found again while there is none. */
  private open(): Promise<Opened> {
    const settings = this.options.settings();
    const gitPath = settings.path || 'git';
    const key = `${settings.backend}\0${gitPath}`;
    if (!this.opened || key !== this.openedKey) {
      this.openedKey = key;
      this.opened = this.locate(settings.backend, gitPath);
      // A failed or empty look is not kept: the next call looks again (after `git init` in a terminal, say).
      const attempt = this.opened;
      attempt.then(
        (opened) => {
          if (opened.location.kind === 'none' && this.opened === attempt) this.opened = undefined;
        },
        () => {
          if (this.opened === attempt) this.opened = undefined;
        },
      );
    }
    return this.opened;
  }

  private async locate(setting: GitBackendSetting, gitPath: string): Promise<Opened> {
    const guard = this.requireGuard();
    const kind = await chooseBackend(setting, gitPath);
    const driver: GitDriver =
      kind === 'native'
        ? new NativeGitDriver({ gitPath, askpassDirectory: this.options.dataDirectory })
        : new IsomorphicGitDriver();
    const location = await driver.locate(guard.root).catch(asLatheError);
    if (location.kind !== 'repository') return { kind, driver, location, backend: null, paths: new RepositoryPaths('') };
    const prefix = relative(location.root, guard.root).split(sep).join('/');
    return { kind, driver, location, backend: driver.open(location, this.credentials.lookup), paths: new RepositoryPaths(prefix) };
  }

  private describe(opened: Opened): GitRepository {
    const { location, kind } = opened;
    if (location.kind === 'none') return { kind: 'none', backend: kind };
    if (location.kind === 'bare') return { kind: 'bare', backend: kind, gitDir: location.gitDir };
    return { kind: 'repository', backend: kind, root: location.root, prefix: opened.paths.prefix };
  }

  private async requireRepository(): Promise<Repository> {
    const guard = this.requireGuard();
    const opened = await this.open();
    if (opened.location.kind === 'none') {
      throw gitError('NOT_FOUND', 'The folder is not in a git repository (fatal: not a git repository)', 'notRepository');
    }
    if (opened.location.kind === 'bare' || !opened.backend) {
      throw gitError('UNSUPPORTED', 'The folder is a bare git repository: it has no working tree to change', 'bareRepository');
    }
    return { backend: opened.backend, paths: opened.paths, guard };
  }

  /** Guards every client path (symlinks included) and maps it into the repository. */
  private async toRepositoryPaths(repository: Repository, paths: readonly string[]): Promise<string[]> {
    return Promise.all(
      paths.map(async (path) => {
        await repository.guard.resolve(path);
        return repository.paths.toRepository(repository.guard.normalize(path));
      }),
    );
  }

  private workspacePathOf(repository: Repository, repositoryPath: string): string {
    return repository.paths.toWorkspace(repositoryPath) ?? repositoryPath;
  }

  private statusInWorkspace(status: GitStatus, paths: RepositoryPaths): GitStatus {
    if (!paths.prefix) return status;
    const inside = <T extends { path: string; oldPath?: string }>(entries: T[]): T[] =>
      entries.flatMap((entry) => {
        const path = paths.toWorkspace(entry.path);
        if (path === null) return [];
        const oldPath = entry.oldPath === undefined ? null : paths.toWorkspace(entry.oldPath);
        const { oldPath: _dropped, ...rest } = entry;
        return [{ ...rest, path, ...(oldPath !== null ? { oldPath } : {}) } as T];
      });
    return {
      ...status,
      staged: inside(status.staged),
      unstaged: inside(status.unstaged),
      untracked: inside(status.untracked),
      conflicted: inside(status.conflicted),
    };
  }

  /** The unstaged diff of a file, with the index text it applies to (untracked files diff against nothing). */
  private async unstagedDiff(repository: Repository, repositoryPath: string): Promise<{ diff: GitFileDiff; indexText: string }> {
    const { backend } = repository;
    const index = await backend.readBlob(repositoryPath, 'index').catch(asLatheError);
    if (index) return { diff: await backend.diff(repositoryPath, false).catch(asLatheError), indexText: decodeText(index, repositoryPath) };
    const content = await readFile(join(backend.root, repositoryPath)).catch(asLatheError);
    return { diff: await diffContents(repositoryPath, null, content), indexText: '' };
  }

  /** True when the selection takes every change (then git stages the file itself, mode and deletion included). */
  private wholeFileSelected(hunks: GitFileDiff['hunks'], selection: LineSelection): boolean {
    const { changed, selected } = countSelected(hunks, selection);
    if (selected === 0) throw gitError('CONFLICT', 'None of the selected lines is a change in the current diff; refresh the diff', 'staleSelection');
    return selected === changed;
  }

  private async mutate(action: (backend: GitBackend) => Promise<void>): Promise<void> {
    const repository = await this.requireRepository();
    await action(repository.backend).catch(asLatheError);
    this.scheduleRefresh(0);
  }

  private async *sync(run: (backend: GitBackend, onProgress: (progress: { phase: string; percent: number | null }) => void) => Promise<string>): AsyncGenerator<GitSyncChunk> {
    const repository = await this.requireRepository();
    try {
      yield* progressStream((report) => run(repository.backend, report).catch(asLatheError));
    } finally {
      this.scheduleRefresh(0);
    }
  }

  private afterChange(snapshot: GitSnapshot): GitSnapshot {
    this.publish(snapshot);
    return snapshot;
  }

  private publish(snapshot: GitSnapshot): void {
    const serialized = JSON.stringify(snapshot);
    if (serialized === this.lastSnapshot) return;
    this.lastSnapshot = serialized;
    this.changes.fire(snapshot);
  }

  private scheduleRefresh(delay?: number): void {
    if (this.disposed || this.listenerCount === 0) return;
    const settle = delay ?? this.options.refreshDelayMs ?? (this.openedKey.startsWith('isomorphic') ? 1000 : 300);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, settle);
  }

  /** One refresh at a time; changes during one lead to one more. */
  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          const snapshot = await this.status();
          if (!this.disposed) this.publish(snapshot);
        } catch (error) {
          this.options.logger.warn({ err: error }, 'git status refresh failed');
        }
      } while (this.refreshAgain && !this.disposed);
    })();
    await this.refreshing;
    this.refreshing = undefined;
  }

  private watchGitDir(gitDir: string): void {
    if (!this.options.watchFolder || this.listenerCount === 0 || this.watchedGitDir === gitDir || this.disposed) return;
    const previous = this.gitDirWatch;
    this.watchedGitDir = gitDir;
    this.gitDirWatch = this.options.watchFolder(gitDir, () => this.scheduleRefresh());
    void previous?.then((watch) => watch.dispose(), () => undefined);
    this.gitDirWatch.catch((error: unknown) => this.options.logger.warn({ err: error, gitDir }, 'could not watch the git directory'));
  }
}

function isReason(error: unknown, reason: GitErrorReason): boolean {
  return error instanceof LatheError && (error.details as { reason?: unknown } | undefined)?.reason === reason;
}

function requireLineDiff(diff: GitFileDiff): GitFileDiff['hunks'] {
  if (diff.binary) throw gitError('UNSUPPORTED', `${diff.path} is binary: stage or unstage it as a whole`, 'unsupported');
  if (diff.tooLarge) throw gitError('UNSUPPORTED', `The diff of ${diff.path} is too large to stage by lines`, 'unsupported');
  return diff.hunks;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(content: Buffer, path: string): string {
  try {
    return strictUtf8.decode(content);
  } catch {
    throw gitError('UNSUPPORTED', `${path} is not UTF-8 text: stage or unstage it as a whole`, 'unsupported');
  }
}
