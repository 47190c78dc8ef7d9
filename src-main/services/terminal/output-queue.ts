import type { TerminalChunk } from '../../../src-shared/contract';

/**
 * One client's pending output. Data that arrives while the client's stream waits for credit is
 * joined into one chunk when read, so a slow reader gets fewer, larger chunks. Its size is bounded
 * by the pty host's flow control (a pty stops once enough output is unacknowledged).
 */
export class OutputQueue implements AsyncIterable<TerminalChunk> {
  private readonly items: (TerminalChunk | { kind: 'parts'; parts: string[] })[] = [];
  private wake: (() => void) | undefined;
  private ended = false;

  push(chunk: TerminalChunk): void {
    if (this.ended) return;
    if (chunk.kind === 'data') {
      const last = this.items.at(-1);
      if (last?.kind === 'parts') last.parts.push(chunk.data);
      else this.items.push({ kind: 'parts', parts: [chunk.data] });
    } else {
      this.items.push(chunk);
    }
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TerminalChunk> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        yield item.kind === 'parts' ? { kind: 'data', data: item.parts.join('') } : item;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
