import fs from 'node:fs';
import { access, chmod, lstat, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import git, { type ReadCommitResult } from 'isomorphic-git';
import { LatheError } from '../../../../src-shared/contract';
import type {
  GitBlame,
  GitBranch,
  GitChange,
  GitCommitDetails,
  GitFileDiff,
  GitHead,
  GitLogPage,
  GitStash,
  GitStatus,
} from '../../../../src-shared/contract';
import type { BlobRevision, CommitRequest, CredentialLookup, GitBackend, GitDriver, LogQuery, RepositoryLocation, StagedPatch, SyncOptions } from '../backend';
import { diffContents } from '../diff-hunks';
import { gitError } from '../git-error';
import { operationInProgress } from '../operation-state';
import { patchText } from '../patch-text';
import { credentialHost, withoutCredentials } from '../remote-url';
import { blameLines, type FileVersion } from './blame';
import { classifyIsomorphicError } from './classify-error';
import { aheadBehind, mergeHistories, refsByCommit, toLogCommit, type Repo } from './history';
import { abortableHttp } from './http';
import { commitIdentity } from './identity';
import { readIndexEntries, type IndexEntry } from './index-file';
import { readStashList } from './stash-reflog';
import { groupStatus, type StatusRow } from './status-matrix';

const gitlinkMode = 0o160000;
const symlinkMode = 0o120000;
/** How many versions of a file blame follows back. */
const blameDepth = 500;

/** isomorphic-git: git in JavaScript, for machines without a git program. */
export class IsomorphicGitDriver implements GitDriver {
  readonly kind = 'isomorphic' as const;

  async locate(directory: string): Promise<RepositoryLocation> {
    let root: string;
    try {
      root = await git.findRoot({ fs, filepath: directory });
    } catch {
      return (await isBareRepository(directory)) ? { kind: 'bare', gitDir: directory } : { kind: 'none' };
    }
    return { kind: 'repository', root, gitDir: await resolveGitDir(root) };
  }

  async init(directory: string): Promise<void> {
    await git.init({ fs, dir: directory }).catch((error: unknown) => classifyIsomorphicError(error));
  }

  open(location: { root: string; gitDir: string }, credentials: CredentialLookup): GitBackend {
    return new IsomorphicGitBackend(location.root, location.gitDir, credentials);
  }
}

async function isBareRepository(directory: string): Promise<boolean> {
  const present = await Promise.all(['HEAD', 'objects', 'refs'].map((name) => access(join(directory, name)).then(() => true, () => false)));
  return present.every(Boolean);
}

/** `.git` is a folder, or a file `gitdir: <path>` (worktrees, submodules). */
async function resolveGitDir(root: string): Promise<string> {
  const dotGit = join(root, '.git');
  if ((await stat(dotGit)).isDirectory()) return dotGit;
  const pointer = /^gitdir: (.+)$/m.exec(await readFile(dotGit, 'utf8'))?.[1]?.trim();
  return pointer ? resolve(root, pointer) : dotGit;
}

const subjectOf = (message: string): string => message.split('\n')[0] ?? '';

export class IsomorphicGitBackend implements GitBackend {
  readonly kind = 'isomorphic' as const;
  /** isomorphic-git's object cache, shared by the calls of this repository. */
  private readonly repo: Repo;

  constructor(
    readonly root: string,
    readonly gitDir: string,
    private readonly credentials: CredentialLookup,
  ) {
    this.repo = { dir: root, gitdir: gitDir, cache: {} };
  }

  private async run<T>(work: () => Promise<T>, host?: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      return classifyIsomorphicError(error, host);
    }
  }

  /** isomorphic-git keeps its own lock; respect git's, which another process may hold. */
  private async assertUnlocked(): Promise<void> {
    const lock = join(this.gitDir, 'index.lock');
    if (await access(lock).then(() => true, () => false)) {
      throw gitError(
        'CONFLICT',
        `Unable to create '${lock}': File exists. Another git process seems to be running in this repository; if none is, remove the file.`,
        'locked',
      );
    }
  }

  private async head(): Promise<string | undefined> {
    return git.resolveRef({ fs, ...this.repo, ref: 'HEAD' }).catch(() => undefined);
  }

  private async requireHead(): Promise<string> {
    const head = await this.head();
    if (!head) throw gitError('NOT_FOUND', 'The current branch does not have any commits yet', 'emptyRepository');
    return head;
  }

  private async indexEntries(): Promise<IndexEntry[]> {
    try {
      return await readIndexEntries(this.gitDir);
    } catch (error) {
      throw gitError('UNAVAILABLE', `The index cannot be read (${(error as Error).message})`, 'corruptIndex');
    }
  }

  async status(): Promise<GitStatus> {
    return this.run(async () => {
      const index = await this.indexEntries();
      const [rows, head, operation, stashes] = await Promise.all([
        git.statusMatrix({ fs, ...this.repo }) as Promise<StatusRow[]>,
        this.headState(),
        operationInProgress(this.gitDir),
        readStashList(this.gitDir),
      ]);
      const groups = groupStatus(rows, index);
      await this.addSubmoduleChanges(index, groups.unstaged);
      return { head, ...groups, operation, stashCount: stashes.length };
    });
  }

  private async headState(): Promise<GitHead> {
    const branch = (await git.currentBranch({ fs, ...this.repo, fullname: false }).catch(() => undefined)) ?? null;
    const oid = (await this.head()) ?? null;
    const state: GitHead = { branch, oid, detached: branch === null, upstream: null, ahead: 0, behind: 0 };
    if (!branch) return state;
    const upstream = await this.upstreamOf(branch);
    if (!upstream) return state;
    state.upstream = upstream.short;
    if (oid && upstream.oid) Object.assign(state, await aheadBehind(this.repo, oid, upstream.oid));
    return state;
  }

  private async upstreamOf(branch: string): Promise<{ remote: string; ref: string; short: string; oid: string | undefined } | undefined> {
    const remote = (await git.getConfig({ fs, ...this.repo, path: `branch.${branch}.remote` })) as string | undefined;
    const merge = (await git.getConfig({ fs, ...this.repo, path: `branch.${branch}.merge` })) as string | undefined;
    if (!remote || !merge) return undefined;
    const name = merge.replace(/^refs\/heads\//, '');
    const oid = await git.resolveRef({ fs, ...this.repo, ref: `refs/remotes/${remote}/${name}` }).catch(() => undefined);
    return { remote, ref: merge, short: `${remote}/${name}`, oid };
  }

  /** statusMatrix skips submodules: compare each gitlink with the commit checked out in it. */
  private async addSubmoduleChanges(index: readonly IndexEntry[], unstaged: GitChange[]): Promise<void> {
    for (const entry of index) {
      if (entry.mode !== gitlinkMode || entry.stage !== 0) continue;
      const checkedOut = await git.resolveRef({ fs, dir: join(this.root, entry.path), ref: 'HEAD' }).catch(() => undefined);
      if (checkedOut && checkedOut !== entry.oid) {
        unstaged.push({ path: entry.path, kind: 'modified', submodule: { commitChanged: true, modified: false, untracked: false } });
      }
    }
  }

  /** The statusMatrix rows at or under a path ('' = all). */
  private async rowsUnder(path: string): Promise<StatusRow[]> {
    return (await git.statusMatrix({ fs, ...this.repo, ...(path ? { filepaths: [path] } : {}) })) as StatusRow[];
  }

  async stage(paths: string[]): Promise<void> {
    await this.assertUnlocked();
    await this.run(async () => {
      const index = await this.indexEntries();
      const gitlinks = new Set(index.filter((entry) => entry.mode === gitlinkMode).map((entry) => entry.path));
      for (const path of paths) {
        if (gitlinks.has(path)) {
          await this.stageSubmodule(path);
          continue;
        }
        const unmerged = index.filter((entry) => entry.stage > 0 && (entry.path === path || entry.path.startsWith(`${path}/`) || path === ''));
        // Resolving a conflict: the merged file (or its deletion) replaces all stages.
        for (const entry of unmerged) await this.stageFile(entry.path, await exists(join(this.root, entry.path)));
        for (const [file, , workdir, stage] of await this.rowsUnder(path)) {
          const inIndex = stage !== 0;
          if (workdir === 0 && inIndex) await this.stageFile(file, false);
          else if (workdir !== 0 && stage !== 2 && !(workdir === 1 && stage === 1)) await this.stageFile(file, true);
        }
      }
    });
  }

  private async stageFile(path: string, present: boolean): Promise<void> {
    if (present) await git.add({ fs, ...this.repo, filepath: path });
    else await git.remove({ fs, ...this.repo, filepath: path });
  }

  private async stageSubmodule(path: string): Promise<void> {
    const oid = await git.resolveRef({ fs, dir: join(this.root, path), ref: 'HEAD' });
    await git.updateIndex({ fs, ...this.repo, filepath: path, oid, mode: gitlinkMode, add: true });
  }

  async unstage(paths: string[]): Promise<void> {
    await this.assertUnlocked();
    await this.run(async () => {
      const head = await this.head();
      for (const path of paths) {
        const rows = await this.rowsUnder(path);
        const index = await this.indexEntries();
        const targets = new Set(rows.filter(([, headState, , stage]) => stage !== headState || stage === 3 || stage === 2).map(([file]) => file));
        for (const entry of index) if (entry.stage > 0 && (path === '' || entry.path === path || entry.path.startsWith(`${path}/`))) targets.add(entry.path);
        for (const file of targets) {
          if (head) await git.resetIndex({ fs, ...this.repo, filepath: file });
          else await git.remove({ fs, ...this.repo, filepath: file });
        }
      }
    });
  }

  async restoreFromIndex(paths: string[]): Promise<void> {
    await this.assertUnlocked();
    await this.run(async () => {
      const index = new Map((await this.indexEntries()).filter((entry) => entry.stage === 0).map((entry) => [entry.path, entry]));
      for (const path of paths) {
        const entry = index.get(path);
        if (!entry || entry.mode === gitlinkMode) continue;
        const { blob } = await git.readBlob({ fs, ...this.repo, oid: entry.oid });
        const target = join(this.root, path);
        await mkdir(dirname(target), { recursive: true });
        await rm(target, { force: true });
        if (entry.mode === symlinkMode) await symlink(Buffer.from(blob).toString('utf8'), target);
        else {
          await writeFile(target, blob);
          if (entry.mode === 0o100755) await chmod(target, 0o755);
        }
      }
    });
  }

  async diff(path: string, staged: boolean): Promise<GitFileDiff> {
    const older = staged ? await this.readBlob(path, 'HEAD') : await this.readBlob(path, 'index');
    const newer = staged ? await this.readBlob(path, 'index') : await readFile(join(this.root, path)).catch(() => null);
    return diffContents(path, older, newer);
  }

  async stagedPatch(maxChars: number): Promise<StagedPatch> {
    const { staged } = await this.status();
    let text = '';
    for (const change of staged) {
      if (text.length > maxChars) break;
      text += patchText(change, await this.diff(change.path, true));
    }
    return { text: text.slice(0, maxChars), truncated: text.length > maxChars };
  }

  async readBlob(path: string, revision: BlobRevision): Promise<Buffer | null> {
    return this.run(async () => {
      if (revision === 'index') {
        const entry = (await this.indexEntries()).find((candidate) => candidate.path === path && candidate.stage === 0);
        if (!entry) return null;
        return Buffer.from((await git.readBlob({ fs, ...this.repo, oid: entry.oid })).blob);
      }
      const commit = revision === 'HEAD' ? await this.head() : await this.expand(revision);
      if (!commit) return null;
      try {
        return Buffer.from((await git.readBlob({ fs, ...this.repo, oid: commit, filepath: path })).blob);
      } catch (error) {
        if ((error as { code?: string }).code === 'NotFoundError') return null;
        throw error;
      }
    });
  }

  private expand(revision: string): Promise<string> {
    return git.expandOid({ fs, ...this.repo, oid: revision });
  }

  async writeIndexEntry(path: string, content: Buffer): Promise<void> {
    await this.assertUnlocked();
    await this.run(async () => {
      const entry = (await this.indexEntries()).find((candidate) => candidate.path === path && candidate.stage === 0);
      const oid = await git.writeBlob({ fs, ...this.repo, blob: content });
      await git.updateIndex({ fs, ...this.repo, filepath: path, oid, mode: entry?.mode ?? 0o100644, add: true });
    });
  }

  async commit(request: CommitRequest): Promise<string> {
    await this.assertUnlocked();
    return this.run(async () => {
      const identity = await commitIdentity(this.root, this.gitDir);
      const head = await this.head();
      let message = request.message;
      if (request.amend) {
        if (!head) throw gitError('NOT_FOUND', 'You have nothing to amend: the branch has no commit yet', 'emptyRepository');
        if (!message.trim()) message = (await git.readCommit({ fs, ...this.repo, oid: head })).commit.message;
      }
      if (!message.trim()) throw gitError('INVALID_INPUT', 'Aborting commit due to empty commit message.');
      if (request.signoff) message = withSignoff(message, identity);
      const mergeHead = await readFile(join(this.gitDir, 'MERGE_HEAD'), 'utf8').then((text) => text.trim(), () => undefined);
      const unmerged = (await this.indexEntries()).filter((entry) => entry.stage > 0).map((entry) => entry.path);
      if (unmerged.length > 0) {
        throw gitError('CONFLICT', `Committing is not possible because you have unmerged files: ${unmerged.join(', ')}`, 'unmerged', { paths: unmerged });
      }
      if (!request.amend && !mergeHead && (await this.nothingStaged())) {
        throw gitError('CONFLICT', 'nothing to commit (use "git add" to track changes)', 'nothingToCommit');
      }
      const oid = await git.commit({
        fs,
        ...this.repo,
        message,
        author: identity,
        ...(request.amend ? { amend: true } : {}),
        ...(mergeHead && head && !request.amend ? { parent: [head, mergeHead] } : {}),
      });
      if (mergeHead) await Promise.all(['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE'].map((file) => rm(join(this.gitDir, file), { force: true })));
      return oid;
    });
  }

  private async nothingStaged(): Promise<boolean> {
    const rows = (await git.statusMatrix({ fs, ...this.repo })) as StatusRow[];
    return rows.every(([, headState, , stage]) => (headState === 1 ? stage === 1 : stage === 0));
  }

  async branches(): Promise<GitBranch[]> {
    return this.run(async () => {
      const current = await git.currentBranch({ fs, ...this.repo, fullname: false }).catch(() => undefined);
      const branches: GitBranch[] = [];
      for (const name of await git.listBranches({ fs, ...this.repo })) {
        const oid = await git.resolveRef({ fs, ...this.repo, ref: `refs/heads/${name}` });
        const upstream = await this.upstreamOf(name);
        const counts = upstream?.oid ? await aheadBehind(this.repo, oid, upstream.oid) : { ahead: 0, behind: 0 };
        branches.push({ name, kind: 'local', oid, current: name === current, upstream: upstream?.short ?? null, ...counts });
      }
      for (const remote of await git.listRemotes({ fs, ...this.repo })) {
        for (const name of await git.listBranches({ fs, ...this.repo, remote: remote.remote })) {
          if (name === 'HEAD') continue;
          const oid = await git.resolveRef({ fs, ...this.repo, ref: `refs/remotes/${remote.remote}/${name}` });
          branches.push({ name: `${remote.remote}/${name}`, kind: 'remote', oid, current: false, upstream: null, ahead: 0, behind: 0 });
        }
      }
      return branches;
    });
  }

  async createBranch(name: string, from: string | undefined, switchTo: boolean): Promise<void> {
    await this.run(async () => {
      const object = from ? await this.resolveRevision(from) : await this.requireHead();
      await git.branch({ fs, ...this.repo, ref: name, object });
    });
    if (switchTo) await this.switchBranch(name);
  }

  private async resolveRevision(revision: string): Promise<string> {
    if (revision === 'HEAD') return this.requireHead();
    for (const ref of [revision, `refs/heads/${revision}`, `refs/remotes/${revision}`, `refs/tags/${revision}`]) {
      const oid = await git.resolveRef({ fs, ...this.repo, ref }).catch(() => undefined);
      if (oid) return oid;
    }
    return this.expand(revision);
  }

  async switchBranch(name: string): Promise<void> {
    await this.assertUnlocked();
    await this.run(async () => {
      const local = await git.resolveRef({ fs, ...this.repo, ref: `refs/heads/${name}` }).catch(() => undefined);
      if (local) {
        await git.checkout({ fs, ...this.repo, ref: name });
        return;
      }
      const slash = name.indexOf('/');
      const remote = slash > 0 ? name.slice(0, slash) : undefined;
      const remoteBranch = remote ? await git.resolveRef({ fs, ...this.repo, ref: `refs/remotes/${name}` }).catch(() => undefined) : undefined;
      if (!remote || !remoteBranch) throw gitError('NOT_FOUND', `invalid reference: ${name}`);
      await git.checkout({ fs, ...this.repo, ref: name.slice(slash + 1), remote });
    });
  }

  async deleteBranch(name: string, force: boolean): Promise<void> {
    await this.run(async () => {
      const current = await git.currentBranch({ fs, ...this.repo, fullname: false }).catch(() => undefined);
      if (name === current) throw gitError('CONFLICT', `Cannot delete branch '${name}' checked out at '${this.root}'`);
      const oid = await git.resolveRef({ fs, ...this.repo, ref: `refs/heads/${name}` });
      const head = await this.head();
      const merged = head !== undefined && (head === oid || (await git.isDescendent({ fs, ...this.repo, oid: head, ancestor: oid, depth: -1 })));
      if (!force && !merged) throw gitError('CONFLICT', `The branch '${name}' is not fully merged.`, 'notMerged');
      await git.deleteBranch({ fs, ...this.repo, ref: name });
    });
  }

  async renameBranch(name: string, newName: string): Promise<void> {
    await this.run(async () => {
      const current = await git.currentBranch({ fs, ...this.repo, fullname: false }).catch(() => undefined);
      await git.renameBranch({ fs, ...this.repo, oldref: name, ref: newName, checkout: current === name });
    });
  }

  async stashPush(message: string | undefined, includeUntracked: boolean): Promise<boolean> {
    if (includeUntracked) throw gitError('UNSUPPORTED', 'isomorphic-git stashes tracked files only', 'unsupported');
    await this.assertUnlocked();
    const status = await this.status();
    if (status.staged.length === 0 && status.unstaged.length === 0) return false;
    if (status.conflicted.length > 0) throw gitError('CONFLICT', 'You need to resolve your current index first', 'unmerged');
    await this.run(() => git.stash({ fs, ...this.repo, op: 'push', ...(message ? { message } : {}) }));
    return true;
  }

  async stashPop(index: number): Promise<void> {
    await this.assertUnlocked();
    await this.requireStash(index);
    // isomorphic-git applies a stash over local changes without checking them: refuse instead of losing work.
    const status = await this.status();
    if (status.staged.length + status.unstaged.length > 0) {
      throw gitError('CONFLICT', 'Your local changes would be overwritten by the stash; commit or stash them first', 'dirtyWorktree');
    }
    await this.run(() => git.stash({ fs, ...this.repo, op: 'pop', refIdx: index }));
  }

  async stashDrop(index: number): Promise<void> {
    await this.requireStash(index);
    await this.run(() => git.stash({ fs, ...this.repo, op: 'drop', refIdx: index }));
  }

  private async requireStash(index: number): Promise<void> {
    if (index >= (await readStashList(this.gitDir)).length) throw gitError('NOT_FOUND', `stash@{${index}} is not a valid reference: no such stash entry`);
  }

  stashList(): Promise<GitStash[]> {
    return readStashList(this.gitDir);
  }

  async remotes(): Promise<{ name: string; url: string }[]> {
    return this.run(async () =>
      (await git.listRemotes({ fs, ...this.repo })).map((remote) => ({ name: remote.remote, url: withoutCredentials(remote.url) })),
    );
  }

  async fetch(remote: string | undefined, prune: boolean, options: SyncOptions): Promise<string> {
    const name = remote ?? (await this.defaultRemote());
    const transport = await this.transport(name, options);
    await this.run(() => git.fetch({ fs, ...this.repo, ...transport, remote: name, prune, tags: true }), transport.host);
    return `Fetched from ${name}`;
  }

  async pull(rebase: boolean, options: SyncOptions): Promise<string> {
    await this.assertUnlocked();
    const branch = await this.requireBranch();
    const upstream = await this.upstreamOf(branch);
    if (!upstream) throw gitError('NOT_FOUND', `There is no tracking information for the branch "${branch}"`, 'noUpstream');
    const transport = await this.transport(upstream.remote, options);
    const author = await commitIdentity(this.root, this.gitDir);
    try {
      await this.run(
        () =>
          git.pull({
            fs,
            ...this.repo,
            ...transport,
            ref: branch,
            remote: upstream.remote,
            remoteRef: upstream.ref,
            singleBranch: true,
            // A rebase of nothing onto the upstream is a fast-forward; anything else isomorphic-git cannot rebase.
            fastForwardOnly: rebase,
            author,
          }),
        transport.host,
      );
    } catch (error) {
      const notFastForward = error instanceof LatheError && error.details === undefined && /fast-forward/i.test(error.message);
      if (rebase && notFastForward) {
        throw gitError('UNSUPPORTED', `isomorphic-git cannot rebase: ${(error as LatheError).message} Pull with merge, or use the native git back-end.`, 'unsupported');
      }
      throw error;
    }
    return `Pulled ${upstream.short} into ${branch}`;
  }

  async push(remote: string | undefined, force: boolean, options: SyncOptions): Promise<string> {
    const branch = await this.requireBranch();
    const upstream = await this.upstreamOf(branch);
    const target = remote ?? upstream?.remote ?? (await this.defaultRemote());
    const remoteRef = upstream && upstream.remote === target ? upstream.ref : `refs/heads/${branch}`;
    const transport = await this.transport(target, options);
    const result = await this.run(
      () => git.push({ fs, ...this.repo, ...transport, remote: target, ref: branch, remoteRef, force, signal: options.signal }),
      transport.host,
    );
    if (!result.ok) throw gitError('CONFLICT', `Push rejected: ${result.error ?? 'the remote refused it'}`, 'pushRejected');
    if (!upstream) {
      await git.setConfig({ fs, ...this.repo, path: `branch.${branch}.remote`, value: target });
      await git.setConfig({ fs, ...this.repo, path: `branch.${branch}.merge`, value: remoteRef });
    }
    return `Pushed ${branch} to ${target}`;
  }

  private async requireBranch(): Promise<string> {
    const branch = await git.currentBranch({ fs, ...this.repo, fullname: false }).catch(() => undefined);
    if (!branch) throw gitError('CONFLICT', 'HEAD is detached: switch to a branch first');
    return branch;
  }

  private async defaultRemote(): Promise<string> {
    const branch = await git.currentBranch({ fs, ...this.repo, fullname: false }).catch(() => undefined);
    const upstream = branch ? await this.upstreamOf(branch) : undefined;
    if (upstream) return upstream.remote;
    const names = (await git.listRemotes({ fs, ...this.repo })).map((remote) => remote.remote);
    if (names.includes('origin')) return 'origin';
    if (names.length === 1 && names[0]) return names[0];
    throw gitError('NOT_FOUND', names.length === 0 ? 'This repository has no remote' : 'Choose a remote: there are several and none is origin', 'noRemote');
  }

  /** HTTP client, credentials and progress for one remote; cancelling the signal aborts the requests. */
  private async transport(remote: string, options: SyncOptions) {
    const url = (await git.getConfig({ fs, ...this.repo, path: `remote.${remote}.url` })) as string | undefined;
    if (!url) throw gitError('NOT_FOUND', `No such remote '${remote}'`, 'noRemote');
    const credentials = await this.credentials(url);
    return {
      host: credentialHost(url),
      http: abortableHttp(options.signal),
      onProgress: (progress: { phase: string; loaded: number; total: number }) =>
        options.onProgress({ phase: progress.phase, percent: progress.total ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : null }),
      // No stored credentials, or the stored ones failed: give up and let the user enter them.
      onAuth: () => credentials ?? { cancel: true },
      onAuthFailure: () => ({ cancel: true }),
    };
  }

  async log(query: LogQuery): Promise<GitLogPage> {
    return this.run(async () => {
      const depth = query.skip + query.limit + 1;
      const tips = query.all ? await this.allTips() : [await this.resolveRevision(query.revision)];
      if (tips.length === 0) return { commits: [], hasMore: false };
      const histories = await Promise.all(
        tips.map((ref) =>
          git.log({ fs, ...this.repo, ref, depth, ...(query.path !== undefined ? { filepath: query.path, follow: true } : {}) }),
        ),
      );
      const entries = mergeHistories(histories).slice(query.skip, depth);
      const decorations = await refsByCommit(this.repo);
      return { commits: entries.slice(0, query.limit).map((entry) => toLogCommit(entry, decorations)), hasMore: entries.length > query.limit };
    });
  }

  private async allTips(): Promise<string[]> {
    const refs = [
      ...(await git.listBranches({ fs, ...this.repo })).map((name) => `refs/heads/${name}`),
      ...(await git.listTags({ fs, ...this.repo })).map((name) => `refs/tags/${name}`),
    ];
    for (const remote of await git.listRemotes({ fs, ...this.repo })) {
      for (const name of await git.listBranches({ fs, ...this.repo, remote: remote.remote })) {
        if (name !== 'HEAD') refs.push(`refs/remotes/${remote.remote}/${name}`);
      }
    }
    const head = await this.head();
    const tips = new Set<string>(head ? [head] : []);
    for (const ref of refs) {
      const oid = await git.resolveRef({ fs, ...this.repo, ref }).catch(() => undefined);
      // Tags may name trees or blobs; only commits start a history.
      const commit = oid ? await git.readCommit({ fs, ...this.repo, oid: await this.peel(oid) }).catch(() => undefined) : undefined;
      if (commit) tips.add(commit.oid);
    }
    return [...tips];
  }

  private async peel(oid: string): Promise<string> {
    return git.readTag({ fs, ...this.repo, oid }).then((tag) => tag.tag.object, () => oid);
  }

  async showCommit(revision: string): Promise<GitCommitDetails> {
    return this.run(async () => {
      const oid = revision === 'HEAD' ? await this.requireHead() : await this.expand(revision);
      const entry = await git.readCommit({ fs, ...this.repo, oid });
      const decorations = await refsByCommit(this.repo);
      const { committer, message } = entry.commit;
      return {
        commit: {
          ...toLogCommit(entry, decorations),
          message: message.replace(/\n+$/, ''),
          committer: { name: committer.name, email: committer.email, time: committer.timestamp * 1000 },
        },
        files: await this.changedFiles(entry),
      };
    });
  }

  /** Files that differ between a commit and its first parent (no rename detection). */
  private async changedFiles(entry: ReadCommitResult): Promise<GitCommitDetails['files']> {
    const parent = entry.commit.parent[0];
    const trees = parent ? [git.TREE({ ref: parent }), git.TREE({ ref: entry.oid })] : [git.TREE({ ref: entry.oid })];
    const files = (await git.walk({
      fs,
      ...this.repo,
      trees,
      map: async (path, walked) => {
        const [before, after] = parent ? walked : [null, walked[0]];
        if (path === '.') return undefined;
        const [beforeType, afterType] = [await before?.type(), await after?.type()];
        if (beforeType === 'tree' || afterType === 'tree') return undefined;
        if (!before) return { path, kind: 'added' as const };
        if (!after) return { path, kind: 'deleted' as const };
        return (await before.oid()) === (await after.oid()) ? null : { path, kind: 'modified' as const };
      },
    })) as (GitCommitDetails['files'][number] | null | undefined)[];
    return files.filter((file): file is GitCommitDetails['files'][number] => Boolean(file));
  }

  async commitDiff(revision: string, path: string): Promise<GitFileDiff> {
    const oid = revision === 'HEAD' ? await this.requireHead() : await this.run(() => this.expand(revision));
    const entry = await this.run(() => git.readCommit({ fs, ...this.repo, oid }));
    const parent = entry.commit.parent[0];
    const [older, newer] = await Promise.all([parent ? this.readBlob(path, parent) : null, this.readBlob(path, oid)]);
    if (older === null && newer === null) throw gitError('NOT_FOUND', `${path} did not change in commit ${oid.slice(0, 10)}`);
    return diffContents(path, older, newer);
  }

  async blame(path: string): Promise<GitBlame> {
    const worktree = await readFile(join(this.root, path)).catch(() => null);
    if (!worktree) throw gitError('NOT_FOUND', `no such path '${path}' in the working tree`);
    const head = await this.requireHead();
    const history = await this.run(() => git.log({ fs, ...this.repo, ref: head, filepath: path, depth: blameDepth }));
    const versions: FileVersion[] = await Promise.all(
      history.map(async (entry) => ({
        oid: entry.oid,
        author: { name: entry.commit.author.name, email: entry.commit.author.email, time: entry.commit.author.timestamp * 1000 },
        subject: subjectOf(entry.commit.message),
        text: (await this.readBlob(path, entry.oid))?.toString('utf8') ?? null,
      })),
    );
    return blameLines(worktree.toString('utf8'), versions);
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

function withSignoff(message: string, identity: { name: string; email: string }): string {
  const trailer = `Signed-off-by: ${identity.name} <${identity.email}>`;
  if (message.includes(trailer)) return message;
  const body = message.replace(/\s+$/, '');
  return /\n[A-Za-z-]+: .+$/.test(body) ? `${body}\n${trailer}\n` : `${body}\n\n${trailer}\n`;
}
