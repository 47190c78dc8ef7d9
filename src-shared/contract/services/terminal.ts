import { z } from 'zod';
import { event, method, stream } from '../define';
import { relativePathSchema } from './workspace';

/** Sizes outside these bounds are refused with INVALID_INPUT (the renderer never asks for 0 × 0: it skips hidden panels). */
export const terminalSizeLimits = { minCols: 2, maxCols: 1000, minRows: 1, maxRows: 500 } as const;

export const terminalIdSchema = z.string().min(1).max(64);

const colsSchema = z.number().int().min(terminalSizeLimits.minCols).max(terminalSizeLimits.maxCols);
const rowsSchema = z.number().int().min(terminalSizeLimits.minRows).max(terminalSizeLimits.maxRows);

/** A shell to start: an executable (absolute, or a name looked up on PATH) and its arguments. */
export const terminalShellSchema = z.object({
  path: z.string().min(1).max(4096),
  args: z.array(z.string().max(4096)).max(64).default([]),
});
export type TerminalShell = z.infer<typeof terminalShellSchema>;

export const terminalProfileSchema = terminalShellSchema.extend({
  name: z.string().min(1).max(100),
  /** Extra environment variables for this profile. */
  env: z.record(z.string().max(256), z.string().max(32_768)).optional(),
});
export type TerminalProfile = z.infer<typeof terminalProfileSchema>;

export const terminalStates = ['running', 'exited'] as const;

export const terminalInfoSchema = z.object({
  id: terminalIdSchema,
  /** The tab title: the profile's name until the user renames it. */
  name: z.string(),
  /** The profile or shell the terminal runs. */
  shell: z.string(),
  /** Workspace-relative folder ('' = the root), or an absolute path when no folder is open. */
  cwd: z.string(),
  pid: z.number().int().nullable(),
  state: z.enum(terminalStates),
  exitCode: z.number().int().nullable(),
  cols: z.number().int(),
  rows: z.number().int(),
  createdAt: z.number(),
});
export type TerminalInfo = z.infer<typeof terminalInfoSchema>;

export const terminalCreateInputSchema = z.object({
  /** A profile name from `terminal.integrated.profiles` or the detected shells; default: `terminal.integrated.defaultProfile`. */
  profile: z.string().min(1).max(100).optional(),
  /** An explicit shell instead of a profile. */
  shell: terminalShellSchema.optional(),
  /** Workspace-relative folder to start in; default `terminal.integrated.cwd`, else the workspace root. */
  cwd: relativePathSchema.optional(),
  name: z.string().min(1).max(100).optional(),
  cols: colsSchema.default(80),
  rows: rowsSchema.default(24),
});
export type TerminalCreateInput = z.input<typeof terminalCreateInputSchema>;

/**
 * What an attached client receives: the recent output first (`replay`, so a reloaded window shows what
 * it missed), then live `data`, `started` after a restart, `exit` when the process ends. The stream
 * completes when the terminal is closed.
 */
export const terminalChunkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replay'), data: z.string(), info: terminalInfoSchema }),
  z.object({ kind: z.literal('data'), data: z.string() }),
  z.object({ kind: z.literal('started'), info: terminalInfoSchema }),
  z.object({ kind: z.literal('exit'), exitCode: z.number().int(), signal: z.number().int().nullable() }),
]);
export type TerminalChunk = z.infer<typeof terminalChunkSchema>;

/**
 * Flow control: the host stops reading a pty once this many characters are sent and not yet
 * acknowledged, and reads again once fewer than `lowWatermark` are left. Clients acknowledge what
 * their terminal has parsed, in batches of at least `ackBatch` characters.
 */
export const terminalFlowControl = { highWatermark: 200_000, lowWatermark: 20_000, ackBatch: 10_000 } as const;

export const terminalService = {
  /** The profiles to choose from: detected shells, then those from settings; `defaultProfile` names the default. */
  profiles: method(z.void(), z.object({ profiles: z.array(terminalProfileSchema), defaultProfile: z.string() })),
  /** Starts a shell in a pty. Fails with NOT_FOUND for a shell or folder that does not exist. */
  create: method(terminalCreateInputSchema, terminalInfoSchema),
  /** Every terminal of this workspace, running or exited, oldest first. */
  list: method(z.void(), z.array(terminalInfoSchema)),
  /** The terminal's output (see `terminalChunkSchema`); any number of clients may attach. */
  attach: stream(z.object({ id: terminalIdSchema }), terminalChunkSchema),
  /** Sends keystrokes or text. CONFLICT once the process has exited. */
  write: method(z.object({ id: terminalIdSchema, data: z.string().max(1024 * 1024) }), z.void()),
  /** Sizes outside `terminalSizeLimits` are refused (INVALID_INPUT), never clamped silently. */
  resize: method(z.object({ id: terminalIdSchema, cols: colsSchema, rows: rowsSchema }), z.void()),
  /** Characters the client's terminal has parsed (flow control). */
  acknowledgeData: method(z.object({ id: terminalIdSchema, charCount: z.number().int().positive().max(1 << 30) }), z.void()),
  rename: method(z.object({ id: terminalIdSchema, name: z.string().trim().min(1).max(100) }), terminalInfoSchema),
  /** Forgets the recent output kept for reattaching (the Clear command). */
  clearBuffer: method(z.object({ id: terminalIdSchema }), z.void()),
  /** Kills the terminal's whole process tree and closes it. */
  kill: method(z.object({ id: terminalIdSchema }), z.void()),
  /** Kills the process tree if it runs and starts the same shell again in the same terminal. */
  restart: method(z.object({ id: terminalIdSchema }), terminalInfoSchema),
  /** The list changed: a terminal was created, renamed, restarted, exited or closed. */
  onDidChangeTerminals: event(z.object({ terminals: z.array(terminalInfoSchema) })),
} as const;
