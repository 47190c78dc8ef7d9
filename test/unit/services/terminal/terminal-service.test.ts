import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type LatheErrorData, type TerminalChunk } from '../../../../src-shared/contract';
import { stillRunning, TerminalService, type TerminalServiceOptions } from '../../../../src-main/services/terminal';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';
import { buildHelperScript } from '../../helpers/build-helper-script';

const posix = process.platform !== 'win32';
const bash = '/bin/bash';
const shell = { path: bash, args: ['--norc', '--noprofile'] };

let ptyHostPath: string;
let workspaceRoot: string;
let service: TerminalService;

function makeService(extra: Partial<TerminalServiceOptions> = {}): TerminalService {
  return new TerminalService({
    guard: guard,
    settings: () => ({ defaultProfile: '', profiles: [], cwd: '' }),
    version: '0.0.0-test',
    logger: silentLogger,
    ptyHostPath,
    env: { ...process.env, PS1: '$ ' },
    ...extra,
  });
}

let guard: PathGuard;

beforeAll(async () => {
  ptyHostPath = await buildHelperScript('src-main/services/terminal/pty-host.ts', 'cjs');
  workspaceRoot = mkdtempSync(join(tmpdir(), 'lathe-terminal-'));
  mkdirSync(join(workspaceRoot, 'sub dir'));
  writeFileSync(join(workspaceRoot, 'file.txt'), 'x');
  guard = await PathGuard.create(workspaceRoot);
  service = makeService();
}, 30_000);

afterAll(async () => {
  await service?.dispose();
});

/** Reads a terminal's chunks into a growing transcript; `until` resolves once the text matches. */
function reader(id: string, target = service) {
  const controller = new AbortController();
  const chunks: TerminalChunk[] = [];
  let text = '';
  let waiters: { test: (text: string) => boolean; resolve: () => void }[] = [];
  const done = (async () => {
    for await (const chunk of target.attach(id, controller.signal)) {
      chunks.push(chunk);
      if (chunk.kind === 'data' || chunk.kind === 'replay') text += chunk.data;
      waiters = waiters.filter((waiter) => (waiter.test(text) ? (waiter.resolve(), false) : true));
      if (chunk.kind === 'exit') waiters.forEach((waiter) => waiter.resolve());
    }
  })();
  return {
    chunks,
    get text() {
      return text;
    },
    until(test: RegExp | ((text: string) => boolean)): Promise<void> {
      const check = typeof test === 'function' ? test : (value: string) => test.test(value);
      if (check(text)) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ test: check, resolve }));
    },
    exit(): Promise<TerminalChunk & { kind: 'exit' }> {
      const find = () => chunks.find((chunk): chunk is TerminalChunk & { kind: 'exit' } => chunk.kind === 'exit');
      return new Promise((resolve) => {
        const found = find();
        if (found) return resolve(found);
        waiters.push({ test: () => !!find(), resolve: () => resolve(find() as TerminalChunk & { kind: 'exit' }) });
      });
    },
    close() {
      controller.abort();
      return done;
    },
    done,
  };
}

async function errorOf(promise: Promise<unknown> | (() => unknown)): Promise<LatheErrorData> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error as LatheErrorData;
  }
  throw new Error('expected a failure');
}

if (!posix) console.warn('terminal service tests skipped: they drive bash and POSIX sessions, not available on Windows');

describe.runIf(posix)('terminal service (real ptys in the pty host)', () => {
  it('spawns a shell in the workspace with TERM_PROGRAM=lathe and UTF-8, and echoes what it runs', async () => {
    const info = await service.create({ shell, cols: 80, rows: 24 });
    expect(info).toMatchObject({ state: 'running', cwd: '', cols: 80, rows: 24 });
    expect(info.pid).toBeGreaterThan(0);
    const output = reader(info.id);
    service.write(info.id, 'echo "pwd=$(pwd) prog=$TERM_PROGRAM term=$TERM" "naïve 😀 $((6*7))"\r');
    await output.until(/naïve 😀 42/);
    expect(output.text).toContain(`pwd=${guard.root} prog=lathe term=xterm-256color`);
    await service.kill(info.id);
    await output.done;
  });

  it('resizes the pty', async () => {
    const info = await service.create({ shell, cols: 80, rows: 24, cwd: 'sub dir' });
    expect(info.cwd).toBe('sub dir');
    const output = reader(info.id);
    service.resize(info.id, 100, 30);
    service.write(info.id, 'echo "size=$(stty size)"; basename "$PWD"\r');
    await output.until(/size=30 100\s+sub dir/);
    expect(service.list().find((terminal) => terminal.id === info.id)).toMatchObject({ cols: 100, rows: 30 });
    await service.kill(info.id);
  });

  it('reports the exit code, keeps the exited terminal, refuses writes to it and restarts it', async () => {
    const info = await service.create({ shell, cols: 80, rows: 24 });
    const output = reader(info.id);
    service.write(info.id, 'exit 7\r');
    expect(await output.exit()).toMatchObject({ kind: 'exit', exitCode: 7 });
    expect(service.list().find((terminal) => terminal.id === info.id)).toMatchObject({ state: 'exited', exitCode: 7 });
    expect(await errorOf(() => service.write(info.id, 'ls\r'))).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(() => service.resize(info.id, 90, 20))).toMatchObject({ code: 'CONFLICT' });

    const restarted = await service.restart(info.id);
    expect(restarted).toMatchObject({ id: info.id, state: 'running', exitCode: null });
    service.write(info.id, 'echo again-$((2+3))\r');
    await output.until(/again-5/);
    expect(output.chunks.some((chunk) => chunk.kind === 'started')).toBe(true);
    await service.kill(info.id);
    expect(await errorOf(() => service.write(info.id, 'x'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('replays recent output to a client that attaches again (a reloaded window)', async () => {
    const info = await service.create({ shell, cols: 80, rows: 24 });
    const first = reader(info.id);
    service.write(info.id, 'echo before-$((10+1))\r');
    await first.until(/before-11/);
    await first.close();
    // Output produced while nobody is attached is kept too.
    service.write(info.id, 'echo while-away-$((20+2))\r');
    const second = reader(info.id);
    await second.until(/while-away-22/);
    expect(second.chunks[0]).toMatchObject({ kind: 'replay', info: { id: info.id } });
    expect(second.text).toContain('before-11');
    service.clearBuffer(info.id);
    await second.close();
    const third = reader(info.id);
    await third.until(() => third.chunks.length > 0);
    expect(third.text).not.toContain('before-11');
    await third.close();
    await service.kill(info.id);
  });

  it('refuses a missing shell, an unknown profile, a deleted or escaping cwd, and unknown ids with typed errors', async () => {
    expect(await errorOf(service.create({ shell: { path: '/no/such/shell', args: [] }, cols: 80, rows: 24 }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await errorOf(service.create({ profile: 'no such profile', cols: 80, rows: 24 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(service.create({ shell, cwd: '../..', cols: 80, rows: 24 }))).toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    expect(await errorOf(service.create({ shell, cwd: 'file.txt', cols: 80, rows: 24 }))).toMatchObject({ code: 'INVALID_INPUT' });
    mkdirSync(join(workspaceRoot, 'doomed'));
    const info = await service.create({ shell, cwd: 'doomed', cols: 80, rows: 24 });
    // The shell has entered the folder once it prints (the spawned child changes directory itself).
    const started = reader(info.id);
    await started.until((text) => text.length > 0);
    await started.close();
    rmSync(join(workspaceRoot, 'doomed'), { recursive: true });
    expect(await errorOf(service.create({ shell, cwd: 'doomed', cols: 80, rows: 24 }))).toMatchObject({ code: 'NOT_FOUND' });
    // Restart re-checks the folder and leaves the terminal as it was.
    expect(await errorOf(service.restart(info.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(service.list().find((terminal) => terminal.id === info.id)?.state).toBe('running');
    await service.kill(info.id);
    for (const call of [() => service.write('t999', 'x'), () => service.resize('t999', 80, 24), () => service.kill('t999'), () => service.rename('t999', 'x')]) {
      expect(await errorOf(call)).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('refuses zero and absurd sizes at the contract (no clamping)', () => {
    const resize = contract.terminal.resize.input;
    expect(resize.safeParse({ id: 't1', cols: 0, rows: 0 }).success).toBe(false);
    expect(resize.safeParse({ id: 't1', cols: 100_000, rows: 24 }).success).toBe(false);
    expect(resize.safeParse({ id: 't1', cols: 80.5, rows: 24 }).success).toBe(false);
    expect(resize.safeParse({ id: 't1', cols: 80, rows: 24 }).success).toBe(true);
    expect(contract.terminal.create.input.safeParse({ cols: -1 }).success).toBe(false);
  });

  it('renames, lists and announces changes', async () => {
    const seen: string[][] = [];
    const subscription = service.onDidChangeTerminals(({ terminals }) => seen.push(terminals.map((terminal) => terminal.name)));
    const info = await service.create({ shell, cols: 80, rows: 24, name: 'build' });
    expect(service.rename(info.id, 'cargo watch').name).toBe('cargo watch');
    await service.kill(info.id);
    subscription.dispose();
    expect(seen).toEqual([['build'], ['cargo watch'], []]);
  });

  it('pauses a flooding pty until the client acknowledges, so memory stays bounded', async () => {
    const info = await service.create({ shell, cols: 80, rows: 24 });
    const controller = new AbortController();
    let received = 0;
    let text = '';
    let resolveQuiet: (() => void) | undefined;
    let lastChunkAt = Date.now();
    const total = 8_000_000;
    const iterate = (async () => {
      for await (const chunk of service.attach(info.id, controller.signal)) {
        if (chunk.kind !== 'data') continue;
        received += chunk.data.length;
        lastChunkAt = Date.now();
        text = (text + chunk.data).slice(-200);
        resolveQuiet?.();
      }
    })();
    service.write(info.id, `head -c ${total} /dev/zero | tr '\\0' x; echo; echo FLOOD-$((40+2))-DONE\r`);
    // Nothing is acknowledged: the output must stop near the high watermark, far short of the total.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (received > 100_000 && Date.now() - lastChunkAt > 400) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    const stalledAt = received;
    expect(stalledAt).toBeLessThan(1_000_000);
    // Acknowledging everything lets the rest through.
    await new Promise<void>((resolve) => {
      const ack = setInterval(() => {
        if (received - acked > 0) {
          service.acknowledge(info.id, received - acked);
          acked = received;
        }
        if (text.includes('FLOOD-42-DONE')) {
          clearInterval(ack);
          resolve();
        }
      }, 5);
      let acked = 0;
    });
    expect(received).toBeGreaterThan(total);
    controller.abort();
    await iterate;
    await service.kill(info.id);
  }, 30_000);

  it('kills the whole process tree: 20 terminals with children leave no process behind', async () => {
    const terminals = await Promise.all(Array.from({ length: 20 }, () => service.create({ shell, cols: 80, rows: 24 })));
    const readers = terminals.map((info) => reader(info.id));
    for (const info of terminals) {
      // A background job, a job that ignores SIGHUP, a grandchild in its own process group, and a foreground child.
      service.write(info.id, "sleep 1001 & (trap '' HUP; sleep 1002) & setsid -w sleep 1003 & echo READY-$((1+1)); sleep 1004\r");
    }
    await Promise.all(readers.map((output) => output.until(/READY-2/)));
    const pids = (await Promise.all(terminals.map((info) => service.processes(info.id)))).flat();
    expect(pids.length).toBeGreaterThanOrEqual(20 * 4);
    await Promise.all(terminals.map((info) => service.kill(info.id)));
    await Promise.all(readers.map((output) => output.done));
    expect(await stillRunning(pids)).toEqual([]);
  }, 60_000);

  it('ends every terminal when the service is disposed', async () => {
    const own = makeService();
    const info = await own.create({ shell, cols: 80, rows: 24 });
    const output = reader(info.id, own);
    own.write(info.id, 'sleep 1005 & echo UP-$((3+4))\r');
    await output.until(/UP-7/);
    const pids = await own.processes(info.id);
    await own.dispose();
    await output.done;
    expect(await stillRunning(pids)).toEqual([]);
  });
});
