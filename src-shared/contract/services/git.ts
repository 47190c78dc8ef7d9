import { z } from 'zod';
import { event, method, stream } from '../define';
import { relativePathSchema } from './workspace';

/*
 * Source control for the open folder. Every path is workspace-relative with `/` separators; when the
 * repository's root lies above the workspace, entries outside the workspace are left out.
 *
 * Failures are LatheErrors whose message carries git's own words and whose `details` follow
 * `gitErrorDetailsSchema`, so the workbench can offer the next step (initialize, enter credentials,
 * pull first, ...). Nothing on disk changes unless a call asks for it.
 */

export const gitBackendKinds = ['native', 'isomorphic'] as const;
export type GitBackendKind = (typeof gitBackendKinds)[number];

/** Why a git call failed, in `details.reason`. */
export const gitErrorReasons = [
  'notRepository',
  'bareRepository',
  /** The branch has no commit yet (log, blame, stash and the like have nothing to work on). */
  'emptyRepository',
  /** `index.lock` (or another lock) exists: another git process runs, or one crashed and left it behind. */
  'locked',
  'corruptIndex',
  /** The operation stopped on merge conflicts; `paths` lists them where known. */
  'conflicts',
  /** The index holds unresolved conflicts, so the operation cannot run. */
  'unmerged',
  /** Local changes would be overwritten (switching branches, pulling, popping a stash). */
  'dirtyWorktree',
  'nothingToCommit',
  /** The remote refused the push (it has commits this branch lacks, or a hook said no). */
  'pushRejected',
  /** The remote asked for credentials that are missing or wrong; `host` names the key for `setCredentials`. */
  'authentication',
  'noRemote',
  'noUpstream',
  /** Deleting a branch whose commits are not merged anywhere; retry with `force`. */
  'notMerged',
  'alreadyExists',
  'invalidName',
  /** No author name or e-mail is configured (`user.name`, `user.email`). */
  'identityUnknown',
  /** Files still contain conflict markers; retry `markResolved` with `force`. */
  'markersRemain',
  /** The diff changed since the client computed its selection; fetch the diff again. */
  'staleSelection',
  /** The remote could not be reached. */
  'network',
  /** The selected back-end cannot do this (isomorphic-git has no rebase, for instance). */
  'unsupported',
] as const;
export type GitErrorReason = (typeof gitErrorReasons)[number];

export const gitErrorDetailsSchema = z.object({
  reason: z.enum(gitErrorReasons),
  /** For `authentication`: the host (with port) whose credentials to set. */
  host: z.string().optional(),
  /** Paths involved, workspace-relative (conflicting files, files with markers). */
  paths: z.array(z.string()).optional(),
});
export type GitErrorDetails = z.infer<typeof gitErrorDetailsSchema>;

const oidSchema = z.string().regex(/^[0-9a-f]{4,64}$/, 'a commit id in hexadecimal');
/** A commit: `HEAD` or a (possibly abbreviated) commit id. */
export const gitRevisionSchema = z.union([z.literal('HEAD'), oidSchema]);
/** What git accepts as a branch name, minus what it refuses anyway; git checks the rest. */
export const gitBranchNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^(?!-)[^\0-\x20\x7f~^:?*[\\]+$/, 'no leading dash, spaces, control characters or ~ ^ : ? * [ \\');
const pathsSchema = z.array(relativePathSchema).min(1).max(100_000);

export const gitRepositorySchema = z.discriminatedUnion('kind', [
  /** No repository contains the workspace: the workbench offers "Initialize Repository". */
  z.object({ kind: z.literal('none'), backend: z.enum(gitBackendKinds) }),
  /** The workspace is a bare repository: there is no working tree to show. */
  z.object({ kind: z.literal('bare'), backend: z.enum(gitBackendKinds), gitDir: z.string() }),
  z.object({
    kind: z.literal('repository'),
    backend: z.enum(gitBackendKinds),
    /** Absolute path of the working tree's root. */
    root: z.string(),
    /** Where the workspace lies inside the working tree ('' when it is the root). */
    prefix: z.string(),
  }),
]);
export type GitRepository = z.infer<typeof gitRepositorySchema>;

export const gitHeadSchema = z.object({
  /** The branch's short name; null when HEAD is detached. */
  branch: z.string().nullable(),
  /** Null until the first commit. */
  oid: z.string().nullable(),
  detached: z.boolean(),
  /** The upstream's short name (`origin/main`), or null. */
  upstream: z.string().nullable(),
  ahead: z.number().int().nonnegative(),
  behind: z.number().int().nonnegative(),
});
export type GitHead = z.infer<typeof gitHeadSchema>;

export const gitChangeKinds = ['added', 'modified', 'deleted', 'renamed', 'copied', 'typeChanged', 'untracked'] as const;

/** A submodule whose entry changed: which of its parts differ. */
export const gitSubmoduleStateSchema = z.object({
  /** Its checked-out commit differs from the recorded one. */
  commitChanged: z.boolean(),
  /** It has modified tracked files. */
  modified: z.boolean(),
  /** It has untracked files. */
  untracked: z.boolean(),
});

export const gitChangeSchema = z.object({
  path: z.string(),
  /** The path before a rename or copy. */
  oldPath: z.string().optional(),
  kind: z.enum(gitChangeKinds),
  /** Set when the entry is a submodule (shown, staged as a whole, never discarded). */
  submodule: gitSubmoduleStateSchema.optional(),
});
export type GitChange = z.infer<typeof gitChangeSchema>;

/** How each side changed a conflicted file (git's UU, AA, DD, AU, UA, DU, UD). */
export const gitConflictKinds = ['bothModified', 'bothAdded', 'bothDeleted', 'addedByUs', 'addedByThem', 'deletedByUs', 'deletedByThem'] as const;

export const gitConflictSchema = z.object({ path: z.string(), kind: z.enum(gitConflictKinds) });
export type GitConflict = z.infer<typeof gitConflictSchema>;

/** An operation in progress that commits or aborts later. */
export const gitOperations = ['merge', 'rebase', 'cherryPick', 'revert'] as const;

/** The most entries a status group carries; `truncated` tells when one was cut. */
export const gitStatusGroupLimit = 10_000;

export const gitStatusSchema = z.object({
  head: gitHeadSchema,
  staged: z.array(gitChangeSchema),
  unstaged: z.array(gitChangeSchema),
  untracked: z.array(gitChangeSchema),
  conflicted: z.array(gitConflictSchema),
  operation: z.enum(gitOperations).nullable(),
  stashCount: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type GitStatus = z.infer<typeof gitStatusSchema>;

/** The repository and, when there is a working tree, its status. */
export const gitSnapshotSchema = z.object({
  repository: gitRepositorySchema,
  status: gitStatusSchema.nullable(),
});
export type GitSnapshot = z.infer<typeof gitSnapshotSchema>;

export const gitDiffLineSchema = z.object({
  kind: z.enum(['context', 'added', 'removed']),
  /** The line without its `\n` (a `\r` of a CRLF file stays). */
  text: z.string(),
  /** 1-based number in the old side; null for an added line. */
  oldLine: z.number().int().positive().nullable(),
  /** 1-based number in the new side; null for a removed line. */
  newLine: z.number().int().positive().nullable(),
  /** The file ends with this line and no newline. */
  noNewline: z.boolean().optional(),
});
export type GitDiffLine = z.infer<typeof gitDiffLineSchema>;

export const gitDiffHunkSchema = z.object({
  oldStart: z.number().int().nonnegative(),
  oldLines: z.number().int().nonnegative(),
  newStart: z.number().int().nonnegative(),
  newLines: z.number().int().nonnegative(),
  /** The text after the second `@@` (the enclosing function, where git finds one). */
  heading: z.string(),
  lines: z.array(gitDiffLineSchema),
});
export type GitDiffHunk = z.infer<typeof gitDiffHunkSchema>;

export const gitFileDiffSchema = z.object({
  path: z.string(),
  oldPath: z.string().optional(),
  /** Binary content: no hunks, and no line staging. */
  binary: z.boolean(),
  /** Larger than the diff limit: no hunks; open both sides in the diff editor instead. */
  tooLarge: z.boolean(),
  hunks: z.array(gitDiffHunkSchema),
});
export type GitFileDiff = z.infer<typeof gitFileDiffSchema>;

/** Inclusive 1-based line range. */
export const gitLineRangeSchema = z
  .object({ start: z.number().int().positive(), end: z.number().int().positive() })
  .refine((range) => range.end >= range.start, 'end must not be before start');

/**
 * Lines of a diff to stage or unstage: removed lines whose `oldLine` lies in `oldRanges` and added
 * lines whose `newLine` lies in `newRanges`. A whole hunk is `oldStart..oldStart+oldLines-1` and
 * `newStart..newStart+newLines-1`. Staging uses the unstaged diff (index → working tree),
 * unstaging the staged one (HEAD → index).
 */
export const gitLineSelectionSchema = z.object({
  path: relativePathSchema,
  oldRanges: z.array(gitLineRangeSchema).max(10_000).default([]),
  newRanges: z.array(gitLineRangeSchema).max(10_000).default([]),
});
export type GitLineSelection = z.input<typeof gitLineSelectionSchema>;

export const gitPersonSchema = z.object({
  name: z.string(),
  email: z.string(),
  /** Milliseconds since the epoch. */
  time: z.number(),
});

export const gitLogCommitSchema = z.object({
  oid: z.string(),
  /** First parent first; two or more for a merge, none for a root commit. */
  parents: z.array(z.string()),
  subject: z.string(),
  author: gitPersonSchema,
  /** Branches, remote branches and tags pointing here (`HEAD -> main`, `origin/main`, `tag: v1`). */
  refs: z.array(z.string()),
});
export type GitLogCommit = z.infer<typeof gitLogCommitSchema>;

export const gitLogInputSchema = z.object({
  /** Where to start: `HEAD` (default), a commit id, or a branch name. */
  revision: z.union([gitRevisionSchema, gitBranchNameSchema]).default('HEAD'),
  /** Every branch, remote branch and tag instead of one revision (for the graph). */
  all: z.boolean().default(false),
  /** Only commits that changed this file (following renames). */
  path: relativePathSchema.optional(),
  skip: z.number().int().nonnegative().max(10_000_000).default(0),
  limit: z.number().int().positive().max(5000).default(200),
});
export type GitLogInput = z.input<typeof gitLogInputSchema>;

export const gitLogPageSchema = z.object({ commits: z.array(gitLogCommitSchema), hasMore: z.boolean() });
export type GitLogPage = z.infer<typeof gitLogPageSchema>;

export const gitCommitFileSchema = z.object({
  path: z.string(),
  oldPath: z.string().optional(),
  kind: z.enum(gitChangeKinds),
});

export const gitCommitDetailsSchema = z.object({
  commit: gitLogCommitSchema.extend({ message: z.string(), committer: gitPersonSchema }),
  /** Changes against the first parent (against nothing for a root commit). */
  files: z.array(gitCommitFileSchema),
});
export type GitCommitDetails = z.infer<typeof gitCommitDetailsSchema>;

export const gitBlameSchema = z.object({
  /** Consecutive lines from one commit; `oid` null for lines not committed yet. */
  ranges: z.array(
    z.object({ startLine: z.number().int().positive(), lineCount: z.number().int().positive(), oid: z.string().nullable() }),
  ),
  commits: z.record(z.string(), z.object({ author: gitPersonSchema, subject: z.string() })),
});
export type GitBlame = z.infer<typeof gitBlameSchema>;

export const gitBranchSchema = z.object({
  /** Short name: `main`, or `origin/main` for a remote branch. */
  name: z.string(),
  kind: z.enum(['local', 'remote']),
  oid: z.string(),
  current: z.boolean(),
  upstream: z.string().nullable(),
  ahead: z.number().int().nonnegative(),
  behind: z.number().int().nonnegative(),
});
export type GitBranch = z.infer<typeof gitBranchSchema>;

export const gitStashSchema = z.object({
  index: z.number().int().nonnegative(),
  message: z.string(),
  oid: z.string(),
  createdAt: z.number(),
});
export type GitStash = z.infer<typeof gitStashSchema>;

export const gitRemoteSchema = z.object({
  name: z.string(),
  /** The fetch URL without any credentials in it. */
  url: z.string(),
});

/** What a fetch, pull or push reports while it runs, then once at the end. */
export const gitSyncChunkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('progress'), phase: z.string(), percent: z.number().min(0).max(100).nullable() }),
  z.object({ kind: z.literal('done'), message: z.string() }),
]);
export type GitSyncChunk = z.infer<typeof gitSyncChunkSchema>;

const remoteNameSchema = z.string().min(1).max(255).regex(/^(?!-)[^\0-\x20\x7f]+$/, 'a remote name');

export const gitDiscardBackupSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  paths: z.array(z.string()),
});
export type GitDiscardBackup = z.infer<typeof gitDiscardBackupSchema>;

export const gitService = {
  /** The repository and its status; `status` is null without a working tree. Never fails for a missing repository. */
  status: method(z.void(), gitSnapshotSchema),
  /** After a debounced refresh, when the status or repository changed (file edits, `.git` HEAD, refs, index). */
  onDidChangeStatus: event(gitSnapshotSchema),
  /** Creates a repository at the workspace root (the "Initialize Repository" action). */
  init: method(z.void(), gitSnapshotSchema),

  stage: method(z.object({ paths: pathsSchema }), z.void()),
  unstage: method(z.object({ paths: pathsSchema }), z.void()),
  /** Makes the files match the index (untracked ones are deleted); their content is kept in the profile for `undoDiscard`. */
  discard: method(z.object({ paths: pathsSchema }), gitDiscardBackupSchema.nullable()),
  /** Writes discarded content back; CONFLICT when a file changed since the discard. */
  undoDiscard: method(z.object({ id: z.string().regex(/^[0-9a-z-]{1,64}$/) }), z.void()),
  /** Discards that can be undone, newest first. */
  discardBackups: method(z.void(), z.array(gitDiscardBackupSchema)),
  /** Stages conflicted files; refuses (markersRemain) while conflict markers are left, unless `force`. */
  markResolved: method(z.object({ paths: pathsSchema, force: z.boolean().default(false) }), z.void()),

  /** The unstaged (index → working tree) or staged (HEAD → index) diff of one file, as hunks. */
  diff: method(z.object({ path: relativePathSchema, staged: z.boolean() }), gitFileDiffSchema),
  /** Stages the selected lines of the unstaged diff; the rest of the file's changes stay unstaged. */
  stageLines: method(gitLineSelectionSchema, z.void()),
  /** Unstages the selected lines of the staged diff. */
  unstageLines: method(gitLineSelectionSchema, z.void()),
  /** A file's content at a commit or in the index (the diff editor's original side); null where it does not exist. */
  readFile: method(
    z.object({ path: relativePathSchema, revision: z.union([gitRevisionSchema, z.literal('index')]) }),
    z.object({ content: z.string().nullable(), binary: z.boolean() }),
  ),

  /** Commits the index; `signoff` defaults to `git.alwaysSignOff`. An empty message with `amend` keeps the old one. */
  commit: method(
    z.object({ message: z.string().max(1024 * 1024), amend: z.boolean().default(false), signoff: z.boolean().optional() }),
    z.object({ oid: z.string() }),
  ),

  branches: method(z.void(), z.array(gitBranchSchema)),
  createBranch: method(
    z.object({ name: gitBranchNameSchema, from: z.union([gitRevisionSchema, gitBranchNameSchema]).optional(), switch: z.boolean().default(true) }),
    z.void(),
  ),
  /** Switches to a local branch, or to a new one tracking a remote branch (`origin/feature`). */
  switchBranch: method(z.object({ name: gitBranchNameSchema }), z.void()),
  deleteBranch: method(z.object({ name: gitBranchNameSchema, force: z.boolean().default(false) }), z.void()),
  renameBranch: method(z.object({ name: gitBranchNameSchema, newName: gitBranchNameSchema }), z.void()),

  stashPush: method(
    z.object({ message: z.string().max(10_000).optional(), includeUntracked: z.boolean().default(false) }),
    z.object({ created: z.boolean() }),
  ),
  /** Applies and drops a stash; on conflicts the stash is kept (CONFLICT, conflicts). */
  stashPop: method(z.object({ index: z.number().int().nonnegative().max(100_000).default(0) }), z.void()),
  stashDrop: method(z.object({ index: z.number().int().nonnegative().max(100_000) }), z.void()),
  stashList: method(z.void(), z.array(gitStashSchema)),

  remotes: method(z.void(), z.array(gitRemoteSchema)),
  /** Default remote: the upstream's, else `origin`, else the only one. Cancel the stream to stop it. */
  fetch: stream(z.object({ remote: remoteNameSchema.optional(), prune: z.boolean().default(false) }), gitSyncChunkSchema),
  /** Pulls the upstream; `rebase` defaults to `git.pullRebase`. */
  pull: stream(z.object({ rebase: z.boolean().optional() }), gitSyncChunkSchema),
  /** Pushes the current branch to its upstream, or sets one up on `remote` (default remote) when it has none. */
  push: stream(z.object({ remote: remoteNameSchema.optional(), force: z.boolean().default(false) }), gitSyncChunkSchema),
  /** Stores HTTPS credentials for a host (as named by an `authentication` error) in the secrets store. */
  setCredentials: method(
    z.object({ host: z.string().min(1).max(255), username: z.string().max(1024), password: z.string().min(1).max(64 * 1024) }),
    z.void(),
  ),
  deleteCredentials: method(z.object({ host: z.string().min(1).max(255) }), z.void()),

  /** Commits with their parents for the graph, newest first, a page at a time. */
  log: method(gitLogInputSchema, gitLogPageSchema),
  /** A commit's message and changed files. */
  showCommit: method(z.object({ revision: gitRevisionSchema }), gitCommitDetailsSchema),
  /** One file's diff in a commit, against its first parent. */
  commitDiff: method(z.object({ revision: gitRevisionSchema, path: relativePathSchema }), gitFileDiffSchema),
  /** Who last changed each line of the working-tree file. */
  blame: method(z.object({ path: relativePathSchema }), gitBlameSchema),
} as const;
