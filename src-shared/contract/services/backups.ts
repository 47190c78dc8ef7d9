import { z } from 'zod';
import { method } from '../define';
import { relativePathSchema } from './workspace';

export const backupSchema = z.object({
  path: z.string(),
  content: z.string(),
  savedAt: z.number(),
});
export type Backup = z.infer<typeof backupSchema>;

/**
 * Hot exit: copies of unsaved buffers kept in the profile, per workspace, so a crash or a killed
 * window loses nothing. The workbench saves them on idle and discards them once the file is saved.
 */
export const backupsService = {
  save: method(z.object({ path: relativePathSchema, content: z.string().max(256 * 1024 * 1024) }), z.void()),
  discard: method(z.object({ path: relativePathSchema }), z.void()),
  list: method(z.void(), z.array(backupSchema)),
} as const;
