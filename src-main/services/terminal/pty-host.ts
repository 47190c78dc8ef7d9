// The pty host: a process of its own that owns every pty, so a flood of output or a stuck read never
// runs on the main process's event loop. Started by PtyHostClient with child_process.fork (or an
// Electron utility process); speaks birpc over the IPC channel it was started with.
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import { createBirpc, type ChannelOptions } from 'birpc';
import { killProcessTree, treeProcesses } from '../../lib/process-tree';
import { ptyHostEventNames, type PtyHostEvents, type PtyHostFunctions, type PtyReplay, type PtySpawnOptions } from './protocol';

/** Output is gathered this long before it is sent, so a flood becomes a few large messages. */
const batchMs = 4;
/** …unless this much has gathered first. */
const batchChars = 128 * 1024;

interface Pty {
  readonly pty: IPty;
  readonly options: PtySpawnOptions;
  /** Recent output for clients that attach later, trimmed to `replayLimit` characters. */
  replay: string[];
  replayLength: number;
  /** Characters produced so far (the offset of the next output). */
  produced: number;
  pending: string[];
  pendingLength: number;
  timer: NodeJS.Timeout | undefined;
  attached: number;
  /** Sent to main and not yet acknowledged by a client. */
  unacknowledged: number;
  paused: boolean;
  exited: boolean;
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const ptys = new Map<string, Pty>();

function channel(): ChannelOptions {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return { post: (message) => parentPort.postMessage(message), on: (deliver) => parentPort.on('message', (event) => deliver(event.data)) };
  }
  if (!process.send) throw new Error('The pty host must be started with an IPC channel');
  return {
    post: (message) => void process.send?.(message),
    on: (deliver) => void process.on('message', deliver),
  };
}

function find(ptyId: string): Pty | undefined {
  return ptys.get(ptyId);
}

function remember(entry: Pty, data: string): void {
  entry.replay.push(data);
  entry.replayLength += data.length;
  const limit = entry.options.replayLimit;
  while (entry.replayLength > limit && entry.replay.length > 1) {
    entry.replayLength -= (entry.replay.shift() as string).length;
  }
  if (entry.replayLength > limit) {
    // One chunk larger than the limit: keep its tail, from a line start so no escape sequence is cut.
    const only = entry.replay[0] as string;
    let tail = only.slice(only.length - limit);
    const newline = tail.indexOf('\n');
    if (newline >= 0 && newline < tail.length - 1) tail = tail.slice(newline + 1);
    entry.replay = [tail];
    entry.replayLength = tail.length;
  }
}

function flush(entry: Pty): void {
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = undefined;
  if (entry.pendingLength === 0) return;
  const data = entry.pending.length === 1 ? (entry.pending[0] as string) : entry.pending.join('');
  entry.pending = [];
  entry.pendingLength = 0;
  const offset = entry.produced;
  entry.produced += data.length;
  remember(entry, data);
  if (entry.attached === 0) return;
  entry.unacknowledged += data.length;
  main.data(entry.options.ptyId, data, offset);
  if (!entry.paused && entry.unacknowledged > entry.options.flowControl.highWatermark) {
    entry.paused = true;
    entry.pty.pause();
  }
}

function resumeIfDrained(entry: Pty): void {
  if (entry.paused && entry.unacknowledged < entry.options.flowControl.lowWatermark) {
    entry.paused = false;
    entry.pty.resume();
  }
}

const functions: PtyHostFunctions = {
  async spawn(options) {
    if (ptys.has(options.ptyId)) throw new Error(`pty ${options.ptyId} exists`);
    const pty = spawnPty(options.file, options.args, {
      name: options.env.TERM ?? 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd,
      env: options.env,
      encoding: 'utf8',
    });
    const entry: Pty = {
      pty,
      options,
      replay: [],
      replayLength: 0,
      produced: 0,
      pending: [],
      pendingLength: 0,
      timer: undefined,
      attached: 0,
      unacknowledged: 0,
      paused: false,
      exited: false,
    };
    ptys.set(options.ptyId, entry);
    pty.onData((data) => {
      entry.pending.push(data);
      entry.pendingLength += data.length;
      if (entry.pendingLength >= batchChars) flush(entry);
      else entry.timer ??= setTimeout(() => flush(entry), batchMs);
    });
    pty.onExit(({ exitCode, signal }) => {
      entry.exited = true;
      flush(entry);
      if (ptys.get(options.ptyId) === entry) main.exit(options.ptyId, exitCode, signal ? signal : null);
    });
    return { pid: pty.pid };
  },
  write(ptyId, data) {
    const entry = find(ptyId);
    if (entry && !entry.exited) entry.pty.write(data);
  },
  resize(ptyId, cols, rows) {
    const entry = find(ptyId);
    if (!entry || entry.exited) return;
    try {
      entry.pty.resize(cols, rows);
    } catch {
      // The pty closed between the check and the call.
    }
  },
  ack(ptyId, charCount) {
    const entry = find(ptyId);
    if (!entry) return;
    entry.unacknowledged = Math.max(0, entry.unacknowledged - charCount);
    resumeIfDrained(entry);
  },
  async attach(ptyId): Promise<PtyReplay> {
    const entry = find(ptyId);
    if (!entry) return { data: '', offset: 0 };
    flush(entry);
    entry.attached += 1;
    return { data: entry.replay.join(''), offset: entry.produced };
  },
  detach(ptyId) {
    const entry = find(ptyId);
    if (!entry || entry.attached === 0) return;
    entry.attached -= 1;
    if (entry.attached === 0) {
      // Nobody reads: keep the process running at full speed into the replay buffer.
      entry.unacknowledged = 0;
      resumeIfDrained(entry);
    }
  },
  clearReplay(ptyId) {
    const entry = find(ptyId);
    if (!entry) return;
    entry.replay = [];
    entry.replayLength = 0;
  },
  async kill(ptyId) {
    const entry = find(ptyId);
    if (!entry) return;
    ptys.delete(ptyId);
    if (entry.timer) clearTimeout(entry.timer);
    if (entry.paused) entry.pty.resume();
    if (process.platform === 'win32') {
      // ConPTY: node-pty's kill ends every process attached to the console.
      if (!entry.exited) entry.pty.kill();
      return;
    }
    await killProcessTree(entry.pty.pid);
  },
  async processes(ptyId) {
    const entry = find(ptyId);
    return entry ? treeProcesses(entry.pty.pid) : [];
  },
};

const main = createBirpc<PtyHostEvents, PtyHostFunctions>(functions, {
  ...channel(),
  eventNames: [...ptyHostEventNames],
  timeout: -1,
  resolver: (name) => (Object.hasOwn(functions, name) ? functions[name as keyof PtyHostFunctions] : undefined),
});

async function shutdown(): Promise<void> {
  await Promise.allSettled([...ptys.keys()].map((ptyId) => functions.kill(ptyId)));
  process.exit(0);
}

// Main went away (quit, crash, test end): take every terminal down with it.
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
