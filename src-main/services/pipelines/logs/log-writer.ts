import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PipelineLogLine } from '../../../../src-shared/contract';
import { formatLogLine, indexStride, type LogIndex } from './log-format';

/** Lines are gathered this long (or up to `flushBytes`) and written in one call. */
const flushDelayMs = 25;
const flushBytes = 256 * 1024;

/**
 * An append-only log file for one step attempt. Appending is synchronous and cheap (a string into a
 * buffer); writes happen in large batches, one at a time, off the caller's path, so a step printing
 * 100k lines per second costs the event loop a few percent. Past `capBytes`, lines are dropped and
 * counted. Readers see what is flushed (`flushed()`), and wait for more with `waitForMore()`.
 */
export class LogWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private acceptedBytes = 0;
  private acceptedLines = 0;
  private flushedLines = 0;
  private flushedBytes = 0;
  private readonly offsets: number[] = [];
  private pendingOffsets: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private waiters: (() => void)[] = [];
  private droppedLines = 0;
  private closed = false;
  /** Closed and every byte written: nothing more will come. */
  private finished = false;
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    private readonly capBytes: number,
  ) {}

  static async create(path: string, capBytes: number): Promise<LogWriter> {
    const file = await open(path, 'a').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // The folder is made on the first attempt that needs it, not checked on every one.
      await mkdir(dirname(path), { recursive: true });
      return open(path, 'a');
    });
    return new LogWriter(path, file, capBytes);
  }

  append(kind: PipelineLogLine['kind'], text: string, time = Date.now()): void {
    if (this.closed) return;
    // One file line per log line: a message with newlines (an annotation's %0A) becomes several.
    if (text.includes('\n')) {
      for (const part of text.split('\n')) this.append(kind, part, time);
      return;
    }
    if (this.droppedLines > 0) {
      this.droppedLines += 1;
      return;
    }
    const line = formatLogLine(time, kind, text);
    const bytes = Buffer.byteLength(line);
    if (this.acceptedBytes + bytes > this.capBytes) {
      this.droppedLines = 1;
      this.push(formatLogLine(time, 'info', `The log reached its cap of ${Math.round(this.capBytes / (1024 * 1024))} MB (pipelines.logCapMegabytes): further output of this attempt is dropped`));
      return;
    }
    this.push(line, bytes);
  }

  get lineCount(): number {
    return this.acceptedLines;
  }

  get truncated(): boolean {
    return this.droppedLines > 0;
  }

  /** What readers may read: the lines and bytes on disk, and the index over them. */
  flushed(): { lineCount: number; bytes: number; offsets: readonly number[]; closed: boolean } {
    return { lineCount: this.flushedLines, bytes: this.flushedBytes, offsets: this.offsets, closed: this.finished };
  }

  /** Resolves after the next write reaches the file, or when the log is closed. */
  waitForMore(signal?: AbortSignal): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Writes what is left and the index beside the file. */
  async close(): Promise<LogIndex> {
    if (!this.closed) {
      this.closed = true;
      this.flush();
      await this.writing;
      await this.file.close();
      // A short log is read whole: only a long or truncated one needs its index beside it.
      if (this.offsets.length > 1 || this.truncated) await writeFile(`${this.path}.idx`, JSON.stringify(this.index()));
      this.finished = true;
      this.wake();
    }
    return this.index();
  }

  private index(): LogIndex {
    return { lineCount: this.flushedLines, bytes: this.flushedBytes, truncated: this.truncated, offsets: this.offsets };
  }

  private push(line: string, bytes = Buffer.byteLength(line)): void {
    if (this.acceptedLines % indexStride === 0) this.pendingOffsets.push(this.acceptedBytes);
    this.pending.push(line);
    this.pendingBytes += bytes;
    this.acceptedBytes += bytes;
    this.acceptedLines += 1;
    if (this.pendingBytes >= flushBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), flushDelayMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const data = this.pending.join('');
    const lines = this.pending.length;
    const bytes = this.pendingBytes;
    const offsets = this.pendingOffsets;
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingOffsets = [];
    this.writing = this.writing
      .then(async () => {
        if (this.failure) return;
        await this.file.write(data);
        this.flushedLines += lines;
        this.flushedBytes += bytes;
        this.offsets.push(...offsets);
        this.wake();
      })
      .catch((error: unknown) => {
        // A full disk must not take the step down with it: the log stops, the step goes on.
        this.failure = error as Error;
        this.wake();
      });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
