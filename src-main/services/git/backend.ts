import type {
  GitBackendKind,
  GitBlame,
  GitBranch,
  GitCommitDetails,
  GitFileDiff,
  GitLogPage,
  GitStash,
  GitStatus,
} from '../../../src-shared/contract';

/*
 * What each back-end implements. Paths here are relative to the repository's working-tree root
 * (the service maps them to and from workspace paths); errors are LatheErrors with git's words.
 */

export type RepositoryLocation =
  | { kind: 'none' }
  | { kind: 'bare'; gitDir: string }
  | { kind: 'repository'; root: string; gitDir: string };

export interface Credentials {
  username: string;
  password: string;
}

/** Looks up stored HTTPS credentials for a remote URL. */
export type CredentialLookup = (url: string) => Promise<Credentials | undefined>;

export interface SyncProgress {
  phase: string;
  percent: number | null;
}

export interface SyncOptions {
  signal: AbortSignal;
  onProgress: (progress: SyncProgress) => void;
}

/** A file's blob as git stores it (clean: after filters), or null where it does not exist. */
export type BlobRevision = 'HEAD' | 'index' | string;

export interface LogQuery {
  revision: string;
  all: boolean;
  path: string | undefined;
  skip: number;
  limit: number;
}

export interface StagedPatch {
  /** Empty when nothing is staged. */
  text: string;
  truncated: boolean;
}

export interface CommitRequest {
  message: string;
  amend: boolean;
  signoff: boolean;
}

/** Finds repositories and creates them; one per back-end kind. */
export interface GitDriver {
  readonly kind: GitBackendKind;
  locate(directory: string): Promise<RepositoryLocation>;
  init(directory: string): Promise<void>;
  open(location: { root: string; gitDir: string }, credentials: CredentialLookup): GitBackend;
}

export interface GitBackend {
  readonly kind: GitBackendKind;
  readonly root: string;
  readonly gitDir: string;

  status(): Promise<GitStatus>;
  /** Stages new content, modifications and deletions of these paths. */
  stage(paths: string[]): Promise<void>;
  /** Resets the paths' index entries to HEAD (removes them when HEAD lacks them). */
  unstage(paths: string[]): Promise<void>;
  /** Writes the index version of tracked paths over the working tree. */
  restoreFromIndex(paths: string[]): Promise<void>;

  /** Unstaged (index → working tree) or staged (HEAD → index) diff of a tracked file. */
  diff(path: string, staged: boolean): Promise<GitFileDiff>;
  /** Every staged change (HEAD → index) as one unified diff, cut after `maxChars` characters. */
  stagedPatch(maxChars: number): Promise<StagedPatch>;
  readBlob(path: string, revision: BlobRevision): Promise<Buffer | null>;
  /** Puts `content` into the index for `path`, keeping the entry's mode (100644 for a new one). */
  writeIndexEntry(path: string, content: Buffer): Promise<void>;

  commit(request: CommitRequest): Promise<string>;

  branches(): Promise<GitBranch[]>;
  createBranch(name: string, from: string | undefined, switchTo: boolean): Promise<void>;
  switchBranch(name: string): Promise<void>;
  deleteBranch(name: string, force: boolean): Promise<void>;
  renameBranch(name: string, newName: string): Promise<void>;

  stashPush(message: string | undefined, includeUntracked: boolean): Promise<boolean>;
  stashPop(index: number): Promise<void>;
  stashDrop(index: number): Promise<void>;
  stashList(): Promise<GitStash[]>;

  remotes(): Promise<{ name: string; url: string }[]>;
  fetch(remote: string | undefined, prune: boolean, options: SyncOptions): Promise<string>;
  pull(rebase: boolean, options: SyncOptions): Promise<string>;
  push(remote: string | undefined, force: boolean, options: SyncOptions): Promise<string>;

  log(query: LogQuery): Promise<GitLogPage>;
  showCommit(revision: string): Promise<GitCommitDetails>;
  commitDiff(revision: string, path: string): Promise<GitFileDiff>;
  blame(path: string): Promise<GitBlame>;
}
