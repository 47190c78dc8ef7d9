import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * The processes that belong to a tree led by `leader` (a shell or a pipeline step started in a session
 * of its own): on Linux its POSIX session plus every descendant of its members (a child that called
 * setsid is still found while its parent lives); elsewhere its descendants.
 */
export async function treeProcesses(leader: number): Promise<number[]> {
  if (process.platform === 'linux') return sessionTree(leader);
  if (process.platform === 'win32') return [leader];
  return descendants(leader);
}

interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  zombie: boolean;
}

async function readStat(pid: string): Promise<ProcStat | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp session …"; comm may hold spaces and parentheses, so split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]), zombie: fields[0] === 'Z' };
  } catch {
    return undefined;
  }
}

/** Every live process of the session `sid` (members keep it when reparented to init) and their descendants, from /proc. */
async function sessionTree(sid: number): Promise<number[]> {
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const stats = (await Promise.all(names.map(readStat))).filter((stat): stat is ProcStat => !!stat && !stat.zombie);
  const children = childrenByParent(stats.map((stat) => [stat.pid, stat.ppid]));
  const members = stats.filter((stat) => stat.session === sid).map((stat) => stat.pid);
  return walk(members, children);
}

/** The process and all its descendants, from `ps` (macOS and other POSIX systems without /proc). */
async function descendants(root: number): Promise<number[]> {
  const output = await new Promise<string>((resolve) =>
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], (error, stdout) => resolve(error ? '' : stdout)),
  );
  const pairs = output
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number])
    .filter(([pid, ppid]) => !!pid && ppid !== undefined);
  return walk([root], childrenByParent(pairs));
}

function childrenByParent(pairs: Iterable<[pid: number, ppid: number]>): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of pairs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  return children;
}

function walk(roots: number[], children: Map<number, number[]>): number[] {
  const found = new Set<number>();
  const pending = [...roots];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    if (found.has(pid)) continue;
    found.add(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return [...found];
}

/** The pids that still run (zombies waiting to be reaped do not count). */
export async function stillRunning(pids: Iterable<number>): Promise<number[]> {
  const unique = [...new Set(pids)];
  if (process.platform === 'linux') {
    const stats = await Promise.all(unique.map((pid) => readStat(String(pid))));
    return stats.filter((stat): stat is ProcStat => !!stat && !stat.zombie).map((stat) => stat.pid);
  }
  return unique.filter(isAlive);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

export interface KillTreeOptions {
  /** The polite signal: SIGHUP for a terminal (what closing its window sends), SIGTERM for a pipeline step. */
  signal?: NodeJS.Signals;
  /** How long the tree may take to act on it before whatever lives gets SIGKILL. */
  graceMs?: number;
}

/**
 * Ends every process of a tree. Each member gets the polite signal, stopped jobs get SIGCONT so they
 * can act on it, and whatever still lives after `graceMs` — or was started meanwhile — gets SIGKILL.
 * On Windows the caller ends the tree its own way (node-pty's kill, taskkill); this is POSIX only.
 */
export async function killProcessTree(leader: number, { signal: polite = 'SIGHUP', graceMs = 1000 }: KillTreeOptions = {}): Promise<void> {
  const members = new Set([leader, ...(await treeProcesses(leader))]);
  for (const pid of members) {
    signal(pid, polite);
    signal(pid, 'SIGCONT');
  }
  const deadline = Date.now() + graceMs;
  let alive = await stillRunning(members);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    alive = await stillRunning([...alive, ...(await treeProcesses(leader))]);
  }
  // A second look catches processes forked while the first ones were dying.
  for (let round = 0; round < 5; round += 1) {
    const left = await stillRunning([...alive, ...(await treeProcesses(leader))]);
    if (left.length === 0) return;
    for (const pid of left) signal(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
    alive = left;
  }
}
