import { Emitter } from '../../lib/emitter';

/** The recent lines of one server's log (stderr, lifecycle, traced messages), with live lines to follow. */
export class ServerLog {
  private readonly lines: string[] = [];
  private readonly appended = new Emitter<string[]>();
  readonly onDidAppend = this.appended.event;

  constructor(private readonly limit = 2000) {}

  append(text: string): void {
    const stamp = new Date().toISOString().slice(11, 23);
    const lines = text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => `[${stamp}] ${line}`);
    this.lines.push(...lines);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
    this.appended.fire(lines);
  }

  recent(): string[] {
    return [...this.lines];
  }

  /** The recent lines, then each batch appended, until `signal` aborts. */
  async *follow(signal: AbortSignal): AsyncGenerator<string[]> {
    let pending = this.recent();
    let wake: (() => void) | undefined;
    const subscription = this.appended.event((lines) => {
      pending.push(...lines);
      if (pending.length > this.limit) pending.splice(0, pending.length - this.limit);
      wake?.();
    });
    const onAbort = (): void => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        if (pending.length > 0) {
          const batch = pending;
          pending = [];
          yield batch;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      subscription.dispose();
      signal.removeEventListener('abort', onAbort);
    }
  }

  dispose(): void {
    this.appended.dispose();
  }
}
