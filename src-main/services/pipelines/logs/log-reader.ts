import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import type { PipelineLogLine } from '../../../../src-shared/contract';
import { indexStride, parseLogLine, type LogIndex } from './log-format';
import type { LogWriter } from './log-writer';

export type LogReadChunk =
  | { kind: 'lines'; firstLine: number; lines: PipelineLogLine[] }
  | { kind: 'end'; lineCount: number; truncated: boolean };

const linesPerChunk = 1000;
const readBytes = 256 * 1024;

interface LogState {
  lineCount: number;
  bytes: number;
  offsets: readonly number[];
  closed: boolean;
  truncated: boolean;
}

/**
 * Reads a step attempt's log from line `fromLine`: what is on disk, then (with `follow`, while the
 * attempt runs) what its writer adds, then `end`. A generator, so it reads only as fast as the
 * consumer pulls: the stream's back-pressure reaches the disk reads.
 */
export async function* readLog(path: string, live: LogWriter | undefined, fromLine: number, follow: boolean, signal: AbortSignal): AsyncGenerator<LogReadChunk> {
  let state = await logState(path, live);
  const startIndex = Math.min(Math.floor(fromLine / indexStride), state.offsets.length - 1);
  let lineNumber = startIndex > 0 ? startIndex * indexStride : 0;
  let position = startIndex > 0 ? (state.offsets[startIndex] ?? 0) : 0;
  let file: FileHandle | undefined;
  try {
    for (;;) {
      while (position < state.bytes && !signal.aborted) {
        file ??= await open(path, 'r');
        const { text, consumed } = await readWholeLines(file, position, state.bytes - position);
        if (consumed === 0) break;
        position += consumed;
        const lines = text.split('\n');
        lines.pop();
        const skip = Math.max(0, fromLine - lineNumber);
        const wanted = lines.slice(skip);
        const first = lineNumber + Math.min(skip, lines.length);
        lineNumber += lines.length;
        for (let start = 0; start < wanted.length; start += linesPerChunk) {
          yield { kind: 'lines', firstLine: first + start, lines: wanted.slice(start, start + linesPerChunk).map(parseLogLine) };
        }
      }
      if (signal.aborted) return;
      if (state.closed) {
        yield { kind: 'end', lineCount: Math.max(state.lineCount, lineNumber), truncated: state.truncated };
        return;
      }
      if (!follow || !live) return;
      await live.waitForMore(signal);
      state = await logState(path, live);
    }
  } finally {
    await file?.close();
  }
}

async function logState(path: string, live: LogWriter | undefined): Promise<LogState> {
  if (live) return { ...live.flushed(), truncated: live.truncated };
  try {
    const index = JSON.parse(await readFile(`${path}.idx`, 'utf8')) as LogIndex;
    return { ...index, closed: true };
  } catch {
    // No index: a short log (read whole), or the host stopped before it was written.
    const bytes = await stat(path).then((info) => info.size, () => 0);
    return { lineCount: 0, bytes, offsets: [], closed: true, truncated: false };
  }
}

/** Reads from `position` up to the last newline within `available` bytes (more than `readBytes` for a very long line). */
async function readWholeLines(file: FileHandle, position: number, available: number): Promise<{ text: string; consumed: number }> {
  let size = Math.min(readBytes, available);
  for (;;) {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await file.read(buffer, 0, size, position);
    const end = buffer.lastIndexOf(0x0a, bytesRead - 1);
    if (bytesRead === 0) return { text: '', consumed: 0 };
    if (end >= 0) return { text: buffer.toString('utf8', 0, end + 1), consumed: end + 1 };
    if (size >= available || bytesRead < size) return { text: `${buffer.toString('utf8', 0, bytesRead)}\n`, consumed: bytesRead };
    size = Math.min(size * 2, available);
  }
}
