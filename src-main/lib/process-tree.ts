import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * The processes that belong to the trees led by `leaders` (shells or pipeline steps, each started in a
 * session of its own): on Linux their POSIX sessions plus every descendant of their members (a child
 * that called setsid is still found while its parent lives); elsewhere their descendants. One look at
 * the process table serves any number of leaders.
 */
export async function treeProcesses(leaders: number | readonly number[]): Promise<number[]> {
  const roots = typeof leaders === 'number' ? [leaders] : [...leaders];
  if (process.platform === 'linux') return sessionTrees(new Set(roots));
  if (process.platform === 'win32') return roots;
  return descendants(roots);
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

/** Every live process of the sessions `sids` (members keep theirs when reparented to init) and their descendants, from /proc. */
async function sessionTrees(sids: ReadonlySet<number>): Promise<number[]> {
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const stats = (await Promise.all(names.map(readStat))).filter((stat): stat is ProcStat => !!stat && !stat.zombie);
  const children = childrenByParent(stats.map((stat) => [stat.pid, stat.ppid]));
  const members = stats.filter((stat) => sids.has(stat.session)).map((stat) => stat.pid);
  return walk(members, children);
}

/** The processes and all their descendants, from `ps` (macOS and other POSIX systems without /proc). */
async function descendants(roots: number[]): Promise<number[]> {
  const output = await new Promise<string>((resolve) =>
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], (error, stdout) => resolve(error ? '' : stdout)),
  );
  const pairs = output
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number])
    .filter(([pid, ppid]) => !!pid && ppid !== undefined);
  return walk(roots, childrenByParent(pairs));
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

/** Sends each process the polite signal (and SIGCONT), then SIGKILL to those still alive after `graceMs`. */
export async function killProcesses(pids: Iterable<number>, { signal: polite = 'SIGHUP', graceMs = 1000 }: KillTreeOptions = {}): Promise<void> {
  const targets = [...new Set(pids)];
  for (const pid of targets) {
    signal(pid, polite);
    signal(pid, 'SIGCONT');
  }
  const deadline = Date.now() + graceMs;
  let alive = await stillRunning(targets);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    alive = await stillRunning(alive);
  }
  for (const pid of alive) signal(pid, 'SIGKILL');
}

/**
 * Ends every process of one or more trees. Each member gets the polite signal, stopped jobs get SIGCONT
 * so they can act on it, and whatever still lives after `graceMs` — or was started meanwhile — gets
 * SIGKILL. On Windows the caller ends the tree its own way (node-pty's kill, taskkill); this is POSIX only.
 */
export async function killProcessTree(leaders: number | readonly number[], { signal: polite = 'SIGHUP', graceMs = 1000 }: KillTreeOptions = {}): Promise<void> {
  const members = new Set([...(typeof leaders === 'number' ? [leaders] : leaders), ...(await treeProcesses(leaders))]);
  for (const pid of members) {
    signal(pid, polite);
    signal(pid, 'SIGCONT');
  }
  const deadline = Date.now() + graceMs;
  let alive = await stillRunning(members);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    alive = await stillRunning([...alive, ...(await treeProcesses(leaders))]);
  }
  // A second look catches processes forked while the first ones were dying.
  for (let round = 0; round < 5; round += 1) {
    const left = await stillRunning([...alive, ...(await treeProcesses(leaders))]);
    if (left.length === 0) return;
    for (const pid of left) signal(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
    alive = left;
  }
}
