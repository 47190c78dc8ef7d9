import fs from 'node:fs';
import git, { type ReadCommitResult } from 'isomorphic-git';
import type { GitLogCommit } from '../../../../src-shared/contract';

export interface Repo {
  dir: string;
  gitdir: string;
  cache: object;
}

/** The most commits walked to count ahead/behind; beyond it the counts stop growing. */
const walkLimit = 50_000;

/**
 * Commits only `local` has (ahead) and only `upstream` has (behind): both tips are walked newest
 * first, each commit painted with the sides that reach it, until only commits both reach are left.
 */
export async function aheadBehind(repo: Repo, local: string, upstream: string): Promise<{ ahead: number; behind: number }> {
  if (local === upstream) return { ahead: 0, behind: 0 };
  const paint = new Map<string, number>();
  const times = new Map<string, number>();
  const queue: string[] = [];
  const enqueue = async (oid: string, side: number): Promise<void> => {
    const before = paint.get(oid) ?? 0;
    if ((before | side) === before) return;
    paint.set(oid, before | side);
    if (!times.has(oid)) {
      const { commit } = await git.readCommit({ fs, ...repo, oid });
      times.set(oid, commit.committer.timestamp);
    }
    if (!queue.includes(oid)) queue.push(oid);
  };
  await enqueue(local, 1);
  await enqueue(upstream, 2);
  let walked = 0;
  while (queue.length > 0 && walked++ < walkLimit) {
    queue.sort((a, b) => (times.get(b) ?? 0) - (times.get(a) ?? 0));
    const oid = queue.shift() as string;
    const side = paint.get(oid) ?? 0;
    // Once every open commit is reached by both sides, what lies beyond is common too; only commits
    // already painted (with equal timestamps, too early) still take the common paint.
    const onlyCommonLeft = side === 3 && queue.every((open) => paint.get(open) === 3);
    const { commit } = await git.readCommit({ fs, ...repo, oid });
    for (const parent of commit.parent) if (!onlyCommonLeft || paint.has(parent)) await enqueue(parent, side);
  }
  let ahead = 0;
  let behind = 0;
  for (const side of paint.values()) {
    if (side === 1) ahead += 1;
    else if (side === 2) behind += 1;
  }
  return { ahead, behind };
}

/** Decorations like `git log`'s: `HEAD -> main`, `origin/main`, `tag: v1`, by commit. */
export async function refsByCommit(repo: Repo): Promise<Map<string, string[]>> {
  const decorations = new Map<string, string[]>();
  const add = (oid: string, label: string): void => {
    const list = decorations.get(oid) ?? [];
    list.push(label);
    decorations.set(oid, list);
  };
  const current = await git.currentBranch({ fs, ...repo }).catch(() => undefined);
  const head = await git.resolveRef({ fs, ...repo, ref: 'HEAD' }).catch(() => undefined);
  if (head && !current) add(head, 'HEAD');
  for (const branch of await git.listBranches({ fs, ...repo })) {
    const oid = await git.resolveRef({ fs, ...repo, ref: `refs/heads/${branch}` }).catch(() => undefined);
    if (oid) add(oid, branch === current ? `HEAD -> ${branch}` : branch);
  }
  for (const remote of await git.listRemotes({ fs, ...repo })) {
    for (const branch of await git.listBranches({ fs, ...repo, remote: remote.remote })) {
      if (branch === 'HEAD') continue;
      const oid = await git.resolveRef({ fs, ...repo, ref: `refs/remotes/${remote.remote}/${branch}` }).catch(() => undefined);
      if (oid) add(oid, `${remote.remote}/${branch}`);
    }
  }
  for (const tag of await git.listTags({ fs, ...repo })) {
    const oid = await git.resolveRef({ fs, ...repo, ref: `refs/tags/${tag}` }).catch(() => undefined);
    if (!oid) continue;
    // An annotated tag points at a tag object; the graph shows it on the commit.
    const target = await git.readTag({ fs, ...repo, oid }).then((tagObject) => tagObject.tag.object, () => oid);
    add(target, `tag: ${tag}`);
  }
  return decorations;
}

export function toLogCommit(entry: ReadCommitResult, decorations: Map<string, string[]>): GitLogCommit {
  const { author, message, parent } = entry.commit;
  return {
    oid: entry.oid,
    parents: parent,
    subject: message.split('\n')[0] ?? '',
    author: { name: author.name, email: author.email, time: author.timestamp * 1000 },
    refs: decorations.get(entry.oid) ?? [],
  };
}

/** Newest first (by committer time), without repeats: the union of several tips' histories. */
export function mergeHistories(histories: ReadCommitResult[][]): ReadCommitResult[] {
  const seen = new Set<string>();
  return histories
    .flat()
    .filter((entry) => !seen.has(entry.oid) && seen.add(entry.oid))
    .sort((a, b) => b.commit.committer.timestamp - a.commit.committer.timestamp);
}
