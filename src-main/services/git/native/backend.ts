import type { GitBlame, GitBranch, GitCommitDetails, GitFileDiff, GitLogPage, GitStash, GitStatus } from '../../../../src-shared/contract';
import { LatheError } from '../../../../src-shared/contract';
import type { BlobRevision, CommitRequest, CredentialLookup, GitBackend, GitDriver, LogQuery, RepositoryLocation, StagedPatch, SyncOptions } from '../backend';
import { maxDiffTextLength, numberHunks, parseUnifiedDiff } from '../diff-hunks';
import { gitError } from '../git-error';
import { operationInProgress } from '../operation-state';
import { withoutCredentials } from '../remote-url';
import { askpassEnvironment } from './askpass';
import { classifyGitFailure } from './classify-failure';
import { parseBlamePorcelain } from './parse-blame';
import { detailsFormat, logFormat, parseCommitDetails, parseLog } from './parse-log';
import { branchFormat, parseBranches } from './parse-refs';
import { parsePorcelainV2 } from './parse-status';
import { parseNameStatus } from './parse-name-status';
import { GitProcessError, runGit, type RunGitOptions, type RunGitResult } from './run-git';

export interface NativeGitOptions {
  /** The git executable (a path, or `git` to look it up on PATH). */
  gitPath: string;
  /** Where the askpass script lives (in the profile). */
  askpassDirectory: string;
}

/** Paths for `--pathspec-from-file`: NUL-separated, the root ('') as '.'. */
const pathspecs = (paths: readonly string[]): string => paths.map((path) => path || '.').join('\0');

const diffOptions = ['--no-color', '--no-ext-diff', '--no-textconv', '-U3'];
const missingBlob = /does not exist|not a valid object name|exists on disk, but not in|invalid object name/i;

async function run(gitPath: string, args: readonly string[], options: RunGitOptions): Promise<RunGitResult> {
  try {
    return await runGit(gitPath, args, options);
  } catch (error) {
    throw error instanceof GitProcessError ? classifyGitFailure(error) : error;
  }
}

/** The installed git program, driven through its porcelain and plumbing commands. */
export class NativeGitDriver implements GitDriver {
  readonly kind = 'native' as const;

  constructor(private readonly options: NativeGitOptions) {}

  async locate(directory: string): Promise<RepositoryLocation> {
    let result: RunGitResult;
    try {
      result = await runGit(this.options.gitPath, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree', '--absolute-git-dir'], { cwd: directory });
    } catch (error) {
      if (error instanceof GitProcessError && /not a git repository/i.test(error.stderr)) return { kind: 'none' };
      throw error instanceof GitProcessError ? classifyGitFailure(error) : error;
    }
    const [bare, insideWorkTree, gitDir = ''] = result.stdout.toString('utf8').trim().split('\n');
    if (bare === 'true' || insideWorkTree !== 'true') return { kind: 'bare', gitDir };
    const top = await run(this.options.gitPath, ['rev-parse', '--show-toplevel'], { cwd: directory });
    return { kind: 'repository', root: top.stdout.toString('utf8').trim(), gitDir };
  }

  async init(directory: string): Promise<void> {
    await run(this.options.gitPath, ['init', '-q'], { cwd: directory });
  }

  open(location: { root: string; gitDir: string }, credentials: CredentialLookup): GitBackend {
    return new NativeGitBackend(location.root, location.gitDir, this.options, credentials);
  }
}

export class NativeGitBackend implements GitBackend {
  readonly kind = 'native' as const;

  constructor(
    readonly root: string,
    readonly gitDir: string,
    private readonly options: NativeGitOptions,
    private readonly credentials: CredentialLookup,
  ) {}

  private git(args: readonly string[], options: Omit<RunGitOptions, 'cwd'> = {}): Promise<RunGitResult> {
    return run(this.options.gitPath, args, { ...options, cwd: this.root });
  }

  private async text(args: readonly string[], options: Omit<RunGitOptions, 'cwd'> = {}): Promise<string> {
    return (await this.git(args, options)).stdout.toString('utf8');
  }

  private async hasHead(): Promise<boolean> {
    const result = await this.git(['rev-parse', '--verify', '--quiet', 'HEAD'], { okCodes: [1] });
    return result.exitCode === 0;
  }

  async status(): Promise<GitStatus> {
    // No optional locks: a background refresh must never make the user's own git command fail on index.lock.
    const [output, operation] = await Promise.all([
      this.text(['--no-optional-locks', 'status', '--porcelain=v2', '-z', '--branch', '--show-stash', '--untracked-files=all']),
      operationInProgress(this.gitDir),
    ]);
    return { ...parsePorcelainV2(output), operation };
  }

  async stage(paths: string[]): Promise<void> {
    await this.git(['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], { input: pathspecs(paths) });
  }

  async unstage(paths: string[]): Promise<void> {
    const pathspec = { input: pathspecs(paths) };
    if (await this.hasHead()) await this.git(['reset', '-q', '--pathspec-from-file=-', '--pathspec-file-nul'], pathspec);
    else await this.git(['rm', '--cached', '-r', '-q', '--ignore-unmatch', '--pathspec-from-file=-', '--pathspec-file-nul'], pathspec);
  }

  async restoreFromIndex(paths: string[]): Promise<void> {
    await this.git(['restore', '--worktree', '--pathspec-from-file=-', '--pathspec-file-nul'], { input: pathspecs(paths) });
  }

  async diff(path: string, staged: boolean): Promise<GitFileDiff> {
    const output = await this.text(['diff', ...diffOptions, '--no-renames', ...(staged ? ['--cached'] : []), '--', path]);
    return toFileDiff(path, undefined, output);
  }

  async stagedPatch(maxChars: number): Promise<StagedPatch> {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: that many bytes always hold `maxChars` characters.
    const result = await this.git(['diff', '--cached', ...diffOptions], { maxStdoutBytes: maxChars * 3 });
    const text = result.stdout.toString('utf8');
    return { text: text.slice(0, maxChars), truncated: result.truncated || text.length > maxChars };
  }

  async readBlob(path: string, revision: BlobRevision): Promise<Buffer | null> {
    const spec = revision === 'index' ? `:0:${path}` : `${revision}:${path}`;
    try {
      return (await runGit(this.options.gitPath, ['cat-file', 'blob', spec], { cwd: this.root })).stdout;
    } catch (error) {
      if (error instanceof GitProcessError && missingBlob.test(error.stderr)) return null;
      throw error instanceof GitProcessError ? classifyGitFailure(error) : error;
    }
  }

  async writeIndexEntry(path: string, content: Buffer): Promise<void> {
    const entry = await this.text(['ls-files', '-s', '-z', '--', path]);
    const mode = /^(\d{6}) [0-9a-f]+ 0\t/.exec(entry)?.[1] ?? '100644';
    // The content is already clean (built from the index and git's own diff): no filters again.
    const oid = (await this.text(['hash-object', '-w', '--no-filters', '--stdin'], { input: content })).trim();
    await this.git(['update-index', '--add', '--cacheinfo', `${mode},${oid},${path}`]);
  }

  async commit(request: CommitRequest): Promise<string> {
    const args = ['commit', '-q'];
    if (request.amend) args.push('--amend');
    if (request.signoff) args.push('--signoff');
    const keepMessage = request.amend && request.message.trim() === '';
    args.push(...(keepMessage ? ['--no-edit'] : ['-F', '-']));
    await this.git(args, keepMessage ? {} : { input: request.message });
    return (await this.text(['rev-parse', 'HEAD'])).trim();
  }

  async branches(): Promise<GitBranch[]> {
    return parseBranches(await this.text(['for-each-ref', `--format=${branchFormat}`, 'refs/heads', 'refs/remotes']));
  }

  async createBranch(name: string, from: string | undefined, switchTo: boolean): Promise<void> {
    const start = from ? [from] : [];
    await this.git(switchTo ? ['switch', '-c', name, ...start] : ['branch', name, ...start]);
  }

  async switchBranch(name: string): Promise<void> {
    const exists = async (ref: string): Promise<boolean> =>
      (await this.git(['show-ref', '--verify', '--quiet', ref], { okCodes: [1] })).exitCode === 0;
    if (!(await exists(`refs/heads/${name}`)) && (await exists(`refs/remotes/${name}`))) {
      await this.git(['switch', '--track', name]);
      return;
    }
    await this.git(['switch', name]);
  }

  async deleteBranch(name: string, force: boolean): Promise<void> {
    await this.git(['branch', force ? '-D' : '-d', name]);
  }

  async renameBranch(name: string, newName: string): Promise<void> {
    await this.git(['branch', '-m', name, newName]);
  }

  async stashPush(message: string | undefined, includeUntracked: boolean): Promise<boolean> {
    const args = ['stash', 'push'];
    if (includeUntracked) args.push('--include-untracked');
    if (message) args.push('-m', message);
    const output = await this.git(args);
    return !/no local changes to save/i.test(output.stdout.toString('utf8') + output.stderr);
  }

  async stashPop(index: number): Promise<void> {
    await this.git(['stash', 'pop', `stash@{${index}}`]);
  }

  async stashDrop(index: number): Promise<void> {
    await this.git(['stash', 'drop', '-q', `stash@{${index}}`]);
  }

  async stashList(): Promise<GitStash[]> {
    const output = await this.text(['stash', 'list', '-z', '--format=%gd%x1f%H%x1f%ct%x1f%gs']);
    return output
      .split('\0')
      .filter(Boolean)
      .map((record) => {
        const [selector = '', oid = '', time = '0', message = ''] = record.split('\x1f');
        return { index: Number(/\{(\d+)\}/.exec(selector)?.[1] ?? 0), oid, createdAt: Number(time) * 1000, message };
      });
  }

  async remotes(): Promise<{ name: string; url: string }[]> {
    const output = await this.text(['config', '-z', '--get-regexp', '^remote\\..*\\.url$'], { okCodes: [1] });
    return output
      .split('\0')
      .filter(Boolean)
      .map((record) => {
        const newline = record.indexOf('\n');
        const key = record.slice(0, newline);
        return { name: key.slice('remote.'.length, -'.url'.length), url: withoutCredentials(record.slice(newline + 1)) };
      });
  }

  async fetch(remote: string | undefined, prune: boolean, options: SyncOptions): Promise<string> {
    const name = remote ?? (await this.defaultRemote());
    return this.sync(['fetch', '--progress', ...(prune ? ['--prune'] : []), name], name, options);
  }

  async pull(rebase: boolean, options: SyncOptions): Promise<string> {
    const branch = await this.currentBranch();
    const remote = (await this.config(`branch.${branch}.remote`)) ?? undefined;
    if (!remote) throw gitError('NOT_FOUND', `git pull: the branch "${branch}" has no upstream branch to pull from`, 'noUpstream');
    return this.sync(['pull', '--progress', '--no-edit', rebase ? '--rebase' : '--no-rebase'], remote, options);
  }

  async push(remote: string | undefined, force: boolean, options: SyncOptions): Promise<string> {
    const branch = await this.currentBranch();
    const upstreamRemote = await this.config(`branch.${branch}.remote`);
    const upstreamRef = await this.config(`branch.${branch}.merge`);
    const forceArgs = force ? ['--force-with-lease'] : [];
    if (upstreamRemote && upstreamRef && (remote === undefined || remote === upstreamRemote)) {
      return this.sync(['push', '--progress', '--porcelain', ...forceArgs, upstreamRemote, `HEAD:${upstreamRef}`], upstreamRemote, options);
    }
    const target = remote ?? (await this.defaultRemote());
    return this.sync(['push', '--progress', '--porcelain', ...forceArgs, '-u', target, `${branch}:refs/heads/${branch}`], target, options);
  }

  async log(query: LogQuery): Promise<GitLogPage> {
    const args = ['log', '-z', `--format=${logFormat}`, '--topo-order', '--decorate-refs-exclude=refs/stash', `--skip=${query.skip}`, `-n${query.limit + 1}`];
    if (query.all) args.push('--branches', '--remotes', '--tags', 'HEAD');
    else args.push('--end-of-options', query.revision);
    if (query.path !== undefined) args.push('--follow', '--', query.path);
    else args.push('--');
    if (query.all && !(await this.hasHead())) args.splice(args.indexOf('HEAD'), 1);
    const commits = parseLog(await this.text(args));
    return { commits: commits.slice(0, query.limit), hasMore: commits.length > query.limit };
  }

  async showCommit(revision: string): Promise<GitCommitDetails> {
    const commit = parseCommitDetails(await this.text(['show', '-s', '-z', `--format=${detailsFormat}`, '--end-of-options', revision]));
    const base = commit.parents[0];
    const range = base ? [base, commit.oid] : ['--root', commit.oid];
    const files = parseNameStatus(await this.text(['diff-tree', '-r', '-z', '-M', '--no-commit-id', '--name-status', ...range]));
    return { commit, files };
  }

  async commitDiff(revision: string, path: string): Promise<GitFileDiff> {
    const { commit, files } = await this.showCommit(revision);
    const file = files.find((candidate) => candidate.path === path);
    if (!file) throw new LatheError('NOT_FOUND', `${path} did not change in commit ${commit.oid.slice(0, 10)}`);
    const base = commit.parents[0];
    const range = base ? [base, commit.oid] : ['--root', commit.oid];
    const paths = file.oldPath ? [file.oldPath, path] : [path];
    const output = await this.text(['diff-tree', '-p', '-M', '--no-commit-id', ...diffOptions, ...range, '--', ...paths]);
    return toFileDiff(path, file.oldPath, output);
  }

  async blame(path: string): Promise<GitBlame> {
    return parseBlamePorcelain(await this.text(['blame', '--porcelain', '--', path]));
  }

  private async sync(args: string[], remote: string, options: SyncOptions): Promise<string> {
    const url = (await this.text(['remote', 'get-url', remote])).trim();
    const env = await askpassEnvironment(this.options.askpassDirectory, await this.credentials(url));
    const result = await this.git(args, {
      env,
      signal: options.signal,
      onProgress: (line) => {
        const match = /^(?:remote: )?([^:]+):\s+(\d+)%/.exec(line);
        if (match) options.onProgress({ phase: (match[1] ?? '').trim(), percent: Number(match[2]) });
      },
    });
    const words = `${result.stdout.toString('utf8')}\n${result.stderr}`.trim();
    return words.split('\n').filter((line) => line.trim() && line !== 'Done').slice(-3).join('\n') || 'Done';
  }

  private async currentBranch(): Promise<string> {
    const result = await this.git(['symbolic-ref', '--short', '-q', 'HEAD'], { okCodes: [1] });
    const branch = result.stdout.toString('utf8').trim();
    if (!branch) throw gitError('CONFLICT', 'HEAD is detached: switch to a branch first');
    return branch;
  }

  private async config(key: string): Promise<string | null> {
    const result = await this.git(['config', '--get', key], { okCodes: [1] });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** The current branch's upstream remote, else `origin`, else the only remote. */
  private async defaultRemote(): Promise<string> {
    const branch = (await this.git(['symbolic-ref', '--short', '-q', 'HEAD'], { okCodes: [1] })).stdout.toString('utf8').trim();
    const upstream = branch ? await this.config(`branch.${branch}.remote`) : null;
    if (upstream) return upstream;
    const names = (await this.remotes()).map((remote) => remote.name);
    if (names.includes('origin')) return 'origin';
    if (names.length === 1 && names[0]) return names[0];
    throw gitError('NOT_FOUND', names.length === 0 ? 'This repository has no remote' : 'Choose a remote: there are several and none is origin', 'noRemote');
  }
}

function toFileDiff(path: string, oldPath: string | undefined, output: string): GitFileDiff {
  const base = { path, ...(oldPath ? { oldPath } : {}) };
  if (output.length > maxDiffTextLength) return { ...base, binary: false, tooLarge: true, hunks: [] };
  const { binary, hunks } = parseUnifiedDiff(output);
  return { ...base, binary, tooLarge: false, hunks: numberHunks(hunks) };
}
