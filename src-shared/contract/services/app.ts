import { z } from 'zod';
import { event, method } from '../define';

export const shellKinds = ['electron', 'browser'] as const;

export const workspaceInfoSchema = z.object({
  name: z.string(),
  root: z.string(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(shellKinds),
  platform: z.string(),
  workspace: workspaceInfoSchema.nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const hostStatusSchema = z.object({
  uptimeMs: z.number().nonnegative(),
  residentMemoryBytes: z.number().nonnegative(),
  heapUsedBytes: z.number().nonnegative(),
  connections: z.number().int().nonnegative(),
});
export type HostStatus = z.infer<typeof hostStatusSchema>;

/** Something the host wants the user to know (a database moved aside, a file it could not read). */
export const noticeSchema = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  source: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const commandRequestSchema = z.object({
  command: z.string().min(1).max(200),
});

export const appService = {
  info: method(z.void(), appInfoSchema),
  status: method(z.void(), hostStatusSchema),
  notices: method(z.void(), z.array(noticeSchema)),
  onNotice: event(noticeSchema),
  /** Native menus and the OS ask the workbench to run a command of its registry. */
  onCommandRequested: event(commandRequestSchema),
} as const;
