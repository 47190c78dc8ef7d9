import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** The processes that belong to a terminal whose shell is `leader`: its POSIX session (Linux), or its descendants. */
export async function terminalProcesses(leader: number): Promise<number[]> {
  if (process.platform === 'linux') return sessionMembers(leader);
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

/** Every live process of the session `sid`, found in /proc; they keep it when reparented to init. */
async function sessionMembers(sid: number): Promise<number[]> {
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const stats = await Promise.all(names.map(readStat));
  return stats.filter((stat): stat is ProcStat => !!stat && stat.session === sid && !stat.zombie).map((stat) => stat.pid);
}

/** The process and all its descendants, from `ps` (macOS and other POSIX systems without /proc). */
async function descendants(root: number): Promise<number[]> {
  const output = await new Promise<string>((resolve) =>
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], (error, stdout) => resolve(error ? '' : stdout)),
  );
  const children = new Map<number, number[]>();
  for (const line of output.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    if (found.includes(pid)) continue;
    found.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return found;
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

/**
 * Ends every process of a terminal. The shell and each member get SIGHUP (what closing a terminal
 * window sends; shells pass it to their jobs and save their history), stopped jobs get SIGCONT so they
 * can act on it, and whatever still lives after `graceMs` — or was started meanwhile — gets SIGKILL.
 * On Windows, node-pty's own kill ends the console's whole process tree; this is POSIX only.
 */
export async function killProcessTree(leader: number, graceMs = 1000): Promise<void> {
  const members = new Set([leader, ...(await terminalProcesses(leader))]);
  for (const pid of members) {
    signal(pid, 'SIGHUP');
    signal(pid, 'SIGCONT');
  }
  const deadline = Date.now() + graceMs;
  let alive = await stillRunning(members);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    alive = await stillRunning([...alive, ...(await terminalProcesses(leader))]);
  }
  // A second look catches processes forked while the first ones were dying.
  for (let round = 0; round < 5; round += 1) {
    const left = await stillRunning([...alive, ...(await terminalProcesses(leader))]);
    if (left.length === 0) return;
    for (const pid of left) signal(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
    alive = left;
  }
}
