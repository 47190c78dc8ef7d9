import { z } from 'zod';
import { method } from '../define';

/** A path relative to the workspace root, with `/` separators. The host re-checks it with its path guard. */
export const relativePathSchema = z.string().max(4096);

export const directoryEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'directory', 'symlink', 'other']),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const fileContentSchema = z.object({
  path: z.string(),
  content: z.string(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});
export type FileContent = z.infer<typeof fileContentSchema>;

export const writeFileResultSchema = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});

export const workspaceService = {
  list: method(z.object({ path: relativePathSchema }), z.array(directoryEntrySchema)),
  readFile: method(z.object({ path: relativePathSchema }), fileContentSchema),
  writeFile: method(
    z.object({ path: relativePathSchema, content: z.string().max(256 * 1024 * 1024) }),
    writeFileResultSchema,
  ),
} as const;
