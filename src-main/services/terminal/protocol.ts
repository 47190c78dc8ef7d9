/** What main asks of the pty host process (birpc over the child's IPC channel or a utility process port). */
export interface PtyHostFunctions {
  spawn(options: PtySpawnOptions): Promise<{ pid: number }>;
  write(ptyId: string, data: string): void;
  resize(ptyId: string, cols: number, rows: number): void;
  /** Characters the clients have parsed; the pty resumes once few enough are in flight. */
  ack(ptyId: string, charCount: number): void;
  /** Starts sending live output to main and returns what was produced so far (the replay). */
  attach(ptyId: string): Promise<PtyReplay>;
  detach(ptyId: string): void;
  clearReplay(ptyId: string): void;
  /** Kills the pty's whole process tree; resolves once it is gone. Forgets the pty. */
  kill(ptyId: string): Promise<void>;
  /** Pids of every process that belongs to the pty (its session on POSIX); for diagnostics and tests. */
  processes(ptyId: string): Promise<number[]>;
}

/** What the pty host tells main. */
export interface PtyHostEvents {
  /** `offset` counts the characters this pty produced before `data`. */
  data(ptyId: string, data: string, offset: number): void;
  exit(ptyId: string, exitCode: number, signal: number | null): void;
}

export const ptyHostEventNames = ['data', 'exit'] as const satisfies (keyof PtyHostEvents)[];
export const ptyHostFunctionEventNames = ['write', 'resize', 'ack', 'detach', 'clearReplay'] as const satisfies (keyof PtyHostFunctions)[];

export interface PtySpawnOptions {
  ptyId: string;
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
  /** Characters of recent output kept for a client that attaches later. */
  replayLimit: number;
  flowControl: { highWatermark: number; lowWatermark: number };
}

export interface PtyReplay {
  data: string;
  /** Characters produced before the end of `data`: live output starts at this offset. */
  offset: number;
}
