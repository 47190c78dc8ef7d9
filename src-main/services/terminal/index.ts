import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Logger } from 'pino';
import {
  LatheError,
  terminalFlowControl,
  type TerminalChunk,
  type TerminalInfo,
  type TerminalProfile,
  type TerminalShell,
} from '../../../src-shared/contract';
import { Emitter } from '../../lib/emitter';
import { OutputQueue } from './output-queue';
import type { PtyHostEvents, PtyReplay } from './protocol';
import type { HelperProcessLauncher } from '../../lib/helper-process';
import { connectPtyHost, defaultPtyHostPath, forkPtyHost, type PtyHostConnection } from './pty-host-client';
import { defaultProfileName, detectProfiles, mergeProfiles, requireExecutable, terminalEnvironment } from './shells';

export { forkPtyHost, defaultPtyHostPath } from './pty-host-client';
export { detectProfiles, findExecutable, terminalEnvironment } from './shells';
export { killProcessTree, stillRunning, treeProcesses } from '../../lib/process-tree';

/** The workspace's path guard, as far as terminals need it (structurally the workspace service's PathGuard). */
export interface CwdGuard {
  readonly root: string;
  resolve(path: string): Promise<string>;
  toRelative(absolute: string): string;
}

export interface TerminalSettings {
  defaultProfile: string;
  profiles: TerminalProfile[];
  /** Workspace-relative folder for new terminals ('' = root). */
  cwd: string;
}

export interface TerminalServiceOptions {
  /** Null when no folder is open: terminals then start in the home folder. */
  guard: CwdGuard | null;
  settings: () => TerminalSettings;
  version: string;
  logger: Logger;
  ptyHostPath?: string;
  launcher?: HelperProcessLauncher;
  /** Characters of recent output kept per terminal for reattaching clients. */
  replayLimit?: number;
  /** The environment shells inherit (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export interface TerminalCreateOptions {
  profile?: string | undefined;
  shell?: TerminalShell | undefined;
  cwd?: string | undefined;
  name?: string | undefined;
  cols: number;
  rows: number;
}

interface Launch {
  label: string;
  file: string;
  args: string[];
  profileEnv: Record<string, string>;
  /** As the client gave it, resolved again on restart (the folder may be gone by then). */
  cwd: string | undefined;
}

interface Attachment {
  readonly queue: OutputQueue;
  ptyId: string | undefined;
  /** Live output starts at this offset; undefined while the pty host has not answered the attach yet. */
  startOffset: number | undefined;
  /** What arrived before that answer, kept in order. */
  early: ({ kind: 'data'; data: string; offset: number } | TerminalChunk)[];
}

interface Terminal {
  info: TerminalInfo;
  launch: Launch;
  ptyId: string | undefined;
  generation: number;
  readonly attachments: Set<Attachment>;
}

/**
 * Terminals: shells in ptys that live in the pty host process. Main keeps the list, validates,
 * resolves shells and folders, and relays output to attached clients; the pty host reads the ptys,
 * keeps their recent output and pauses a pty when clients fall behind.
 */
export class TerminalService {
  private connection: PtyHostConnection | undefined;
  private readonly terminals = new Map<string, Terminal>();
  private readonly byPty = new Map<string, Terminal>();
  private readonly changes = new Emitter<{ terminals: TerminalInfo[] }>();
  private readonly output = new Emitter<{ id: string; data: string }>();
  private detected: Promise<TerminalProfile[]> | undefined;
  private sequence = 0;
  private disposed = false;

  constructor(private readonly options: TerminalServiceOptions) {}

  /** Fires with the whole list whenever it changes. */
  readonly onDidChangeTerminals = this.changes.event;
  /** Live output of every attached terminal, for consumers inside main. */
  readonly onOutput = this.output.event;

  async profiles(): Promise<{ profiles: TerminalProfile[]; defaultProfile: string }> {
    const profiles = await this.allProfiles();
    return { profiles, defaultProfile: defaultProfileName(profiles, this.options.settings().defaultProfile) };
  }

  list(): TerminalInfo[] {
    return [...this.terminals.values()].map((terminal) => ({ ...terminal.info }));
  }

  async create(input: TerminalCreateOptions): Promise<TerminalInfo> {
    const launch = await this.resolveLaunch(input);
    const id = `t${++this.sequence}`;
    const cwd = await this.resolveCwd(launch.cwd);
    const terminal: Terminal = {
      info: {
        id,
        name: input.name ?? launch.label,
        shell: launch.label,
        cwd: cwd.display,
        pid: null,
        state: 'running',
        exitCode: null,
        cols: input.cols,
        rows: input.rows,
        createdAt: Date.now(),
      },
      launch,
      ptyId: undefined,
      generation: 0,
      attachments: new Set(),
    };
    await this.start(terminal, cwd.absolute);
    this.terminals.set(id, terminal);
    this.fireChange();
    this.options.logger.info({ terminal: id, shell: launch.label }, 'terminal started');
    return { ...terminal.info };
  }

  /** The terminal's output for one client: replay, then live chunks, until the client leaves or the terminal closes. */
  async *attach(id: string, signal: AbortSignal): AsyncIterable<TerminalChunk> {
    const terminal = this.require(id);
    const attachment: Attachment = { queue: new OutputQueue(), ptyId: undefined, startOffset: undefined, early: [] };
    terminal.attachments.add(attachment);
    const end = (): void => attachment.queue.end();
    signal.addEventListener('abort', end, { once: true });
    try {
      const replay = await this.bind(attachment, terminal.ptyId);
      attachment.queue.push({ kind: 'replay', data: replay.data, info: { ...terminal.info } });
      if (terminal.info.state === 'exited' && attachment.early.length === 0) {
        attachment.queue.push({ kind: 'exit', exitCode: terminal.info.exitCode ?? -1, signal: null });
      }
      this.drainEarly(attachment, replay.offset);
      yield* attachment.queue;
    } finally {
      signal.removeEventListener('abort', end);
      terminal.attachments.delete(attachment);
      if (attachment.ptyId) this.connection?.rpc.detach(attachment.ptyId);
    }
  }

  write(id: string, data: string): void {
    const terminal = this.requireRunning(id);
    if (terminal.ptyId) this.host().rpc.write(terminal.ptyId, data);
  }

  resize(id: string, cols: number, rows: number): void {
    const terminal = this.requireRunning(id);
    terminal.info.cols = cols;
    terminal.info.rows = rows;
    if (terminal.ptyId) this.host().rpc.resize(terminal.ptyId, cols, rows);
  }

  acknowledge(id: string, charCount: number): void {
    const terminal = this.require(id);
    if (terminal.ptyId) this.connection?.rpc.ack(terminal.ptyId, charCount);
  }

  rename(id: string, name: string): TerminalInfo {
    const terminal = this.require(id);
    terminal.info.name = name;
    this.fireChange();
    return { ...terminal.info };
  }

  clearBuffer(id: string): void {
    const terminal = this.require(id);
    if (terminal.ptyId) this.connection?.rpc.clearReplay(terminal.ptyId);
  }

  /** Kills the whole process tree and closes the terminal; attached streams complete. */
  async kill(id: string): Promise<void> {
    const terminal = this.require(id);
    this.terminals.delete(id);
    for (const attachment of terminal.attachments) attachment.queue.end();
    this.fireChange();
    await this.stop(terminal);
    this.options.logger.info({ terminal: id }, 'terminal closed');
  }

  /** Starts the same shell again in the same terminal (killing the old process tree first). */
  async restart(id: string): Promise<TerminalInfo> {
    const terminal = this.require(id);
    // Check the folder before anything is killed: a deleted one leaves the terminal as it was.
    const cwd = await this.resolveCwd(terminal.launch.cwd);
    await requireExecutable(terminal.launch.file, this.options.env ?? process.env);
    await this.stop(terminal);
    terminal.info.state = 'running';
    terminal.info.exitCode = null;
    await this.start(terminal, cwd.absolute);
    for (const attachment of terminal.attachments) {
      attachment.queue.push({ kind: 'started', info: { ...terminal.info } });
      void this.bind(attachment, terminal.ptyId).then(
        (replay) => {
          if (replay.data) attachment.queue.push({ kind: 'data', data: replay.data });
          this.drainEarly(attachment, replay.offset);
        },
        () => attachment.queue.end(),
      );
    }
    this.fireChange();
    return { ...terminal.info };
  }

  /** The pids of a terminal's processes (its session), for diagnostics and tests. */
  async processes(id: string): Promise<number[]> {
    const terminal = this.require(id);
    return terminal.ptyId && this.connection ? this.connection.rpc.processes(terminal.ptyId) : [];
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const terminals = [...this.terminals.values()];
    this.terminals.clear();
    for (const terminal of terminals) for (const attachment of terminal.attachments) attachment.queue.end();
    await Promise.allSettled(terminals.map((terminal) => this.stop(terminal)));
    const connection = this.connection;
    this.connection = undefined;
    if (connection) {
      const exited = new Promise<void>((resolve) => connection.process.onExit(() => resolve()));
      connection.rpc.$close();
      connection.process.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    }
    this.changes.dispose();
    this.output.dispose();
  }

  private host(): PtyHostConnection {
    if (this.disposed) throw new LatheError('UNAVAILABLE', 'Terminals are shutting down');
    if (this.connection) return this.connection;
    const events: PtyHostEvents = {
      data: (ptyId, data, offset) => this.onData(ptyId, data, offset),
      exit: (ptyId, exitCode, signal) => this.onExit(ptyId, exitCode, signal),
    };
    const script = this.options.ptyHostPath ?? defaultPtyHostPath();
    if (!existsSync(script)) throw new LatheError('UNAVAILABLE', 'Terminals are not available: the pty host is missing from this build');
    const connection = connectPtyHost(this.options.launcher ?? forkPtyHost, script, events);
    connection.process.onExit((code) => {
      if (this.connection !== connection) return;
      this.connection = undefined;
      connection.rpc.$close(new Error('The pty host stopped'));
      if (this.disposed) return;
      this.options.logger.error({ code }, 'pty host stopped; its terminals have ended');
      for (const terminal of this.terminals.values()) {
        if (!terminal.ptyId) continue;
        this.byPty.delete(terminal.ptyId);
        terminal.ptyId = undefined;
        if (terminal.info.state === 'running') this.markExited(terminal, -1, null);
      }
      this.fireChange();
    });
    this.connection = connection;
    return connection;
  }

  private async start(terminal: Terminal, cwd: string): Promise<void> {
    const { rpc } = this.host();
    terminal.generation += 1;
    const ptyId = `${terminal.info.id}.${terminal.generation}`;
    const env = terminalEnvironment(this.options.env ?? process.env, this.options.version, terminal.launch.profileEnv);
    try {
      const { pid } = await rpc.spawn({
        ptyId,
        file: terminal.launch.file,
        args: terminal.launch.args,
        cwd,
        env,
        cols: terminal.info.cols,
        rows: terminal.info.rows,
        replayLimit: this.options.replayLimit ?? 1024 * 1024,
        flowControl: { highWatermark: terminalFlowControl.highWatermark, lowWatermark: terminalFlowControl.lowWatermark },
      });
      terminal.ptyId = ptyId;
      terminal.info.pid = pid;
      this.byPty.set(ptyId, terminal);
    } catch (error) {
      this.options.logger.warn({ err: error, shell: terminal.launch.file }, 'could not start a shell');
      const message = error instanceof Error ? error.message : String(error);
      throw new LatheError('UNAVAILABLE', `Could not start "${terminal.launch.label}": ${message.slice(0, 300)}`);
    }
  }

  private async stop(terminal: Terminal): Promise<void> {
    const ptyId = terminal.ptyId;
    if (!ptyId) return;
    terminal.ptyId = undefined;
    this.byPty.delete(ptyId);
    await this.connection?.rpc.kill(ptyId).catch(() => undefined);
  }

  /** Points an attachment at a pty; resolves with what the pty produced before live output starts. */
  private async bind(attachment: Attachment, ptyId: string | undefined): Promise<PtyReplay> {
    attachment.ptyId = ptyId;
    attachment.startOffset = undefined;
    attachment.early = [];
    if (!ptyId || !this.connection) {
      attachment.startOffset = 0;
      return { data: '', offset: 0 };
    }
    const replay = await this.connection.rpc.attach(ptyId);
    return replay;
  }

  private drainEarly(attachment: Attachment, offset: number): void {
    attachment.startOffset = offset;
    const early = attachment.early;
    attachment.early = [];
    for (const item of early) {
      if (item.kind !== 'data' || !('offset' in item)) attachment.queue.push(item);
      else if (item.offset >= offset) attachment.queue.push({ kind: 'data', data: item.data });
    }
  }

  private onData(ptyId: string, data: string, offset: number): void {
    const terminal = this.byPty.get(ptyId);
    if (!terminal) return;
    for (const attachment of terminal.attachments) {
      if (attachment.ptyId !== ptyId) continue;
      if (attachment.startOffset === undefined) attachment.early.push({ kind: 'data', data, offset });
      else if (offset >= attachment.startOffset) attachment.queue.push({ kind: 'data', data });
    }
    this.output.fire({ id: terminal.info.id, data });
  }

  private onExit(ptyId: string, exitCode: number, signal: number | null): void {
    const terminal = this.byPty.get(ptyId);
    if (!terminal || terminal.ptyId !== ptyId) return;
    this.markExited(terminal, exitCode, signal);
    this.fireChange();
  }

  private markExited(terminal: Terminal, exitCode: number, signal: number | null): void {
    terminal.info.state = 'exited';
    terminal.info.exitCode = exitCode;
    const chunk: TerminalChunk = { kind: 'exit', exitCode, signal };
    for (const attachment of terminal.attachments) {
      if (attachment.startOffset === undefined) attachment.early.push(chunk);
      else attachment.queue.push(chunk);
    }
  }

  private fireChange(): void {
    this.changes.fire({ terminals: this.list() });
  }

  private require(id: string): Terminal {
    const terminal = this.terminals.get(id);
    if (!terminal) throw new LatheError('NOT_FOUND', `There is no terminal ${id.slice(0, 64)}`);
    return terminal;
  }

  private requireRunning(id: string): Terminal {
    const terminal = this.require(id);
    if (terminal.info.state !== 'running' || !terminal.ptyId) {
      throw new LatheError('CONFLICT', `The terminal "${terminal.info.name}" has exited; restart it to use it again`);
    }
    return terminal;
  }

  private async allProfiles(): Promise<TerminalProfile[]> {
    this.detected ??= detectProfiles(this.options.env ?? process.env);
    return mergeProfiles(await this.detected, this.options.settings().profiles);
  }

  private async resolveLaunch(input: TerminalCreateOptions): Promise<Launch> {
    const env = this.options.env ?? process.env;
    if (input.shell) {
      const file = await requireExecutable(input.shell.path, env);
      return { label: basenameOf(input.shell.path), file, args: input.shell.args, profileEnv: {}, cwd: input.cwd };
    }
    const profiles = await this.allProfiles();
    const name = input.profile ?? defaultProfileName(profiles, this.options.settings().defaultProfile);
    const profile = profiles.find((candidate) => candidate.name === name);
    if (!profile) {
      throw new LatheError('NOT_FOUND', input.profile ? `There is no terminal profile named "${input.profile}"` : 'No shell was found on this machine');
    }
    const file = await requireExecutable(profile.path, env);
    return { label: profile.name, file, args: profile.args, profileEnv: profile.env ?? {}, cwd: input.cwd };
  }

  private async resolveCwd(requested: string | undefined): Promise<{ absolute: string; display: string }> {
    const guard = this.options.guard;
    if (!guard) {
      if (requested) throw new LatheError('UNAVAILABLE', 'No folder is open to start a terminal in');
      return { absolute: homedir(), display: homedir() };
    }
    const relative = requested ?? this.options.settings().cwd;
    const absolute = await guard.resolve(relative);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new LatheError('NOT_FOUND', `The folder "${relative || guard.root}" does not exist (it may have been deleted)`);
    }
    if (!info.isDirectory()) throw new LatheError('INVALID_INPUT', `"${relative}" is not a folder`);
    return { absolute, display: guard.toRelative(absolute) };
  }
}

function basenameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
