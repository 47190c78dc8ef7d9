import { z } from 'zod';
import { event, method } from '../define';

/** A path relative to the workspace root, with `/` separators. The host re-checks it with its path guard. */
export const relativePathSchema = z.string().max(4096);

export const directoryEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'directory', 'symlink', 'other']),
  /** Matched by a .gitignore (or .git/info/exclude): the explorer shows it dimmed. */
  gitIgnored: z.boolean().optional(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const fileEncodings = ['utf8', 'utf8bom', 'utf16le', 'utf16be'] as const;
export const fileEncodingSchema = z.enum(fileEncodings);
export type FileEncoding = z.infer<typeof fileEncodingSchema>;

export const fileContentSchema = z.object({
  path: z.string(),
  content: z.string(),
  /** Saving with the same encoding writes the bytes back the way they were (BOM included). */
  encoding: fileEncodingSchema,
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});
export type FileContent = z.infer<typeof fileContentSchema>;

export const fileStatSchema = z.object({
  kind: z.enum(['file', 'directory', 'other']),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  readonly: z.boolean(),
});

export const writeFileResultSchema = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});

export const fileChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['created', 'changed', 'deleted']),
});
export type FileChange = z.infer<typeof fileChangeSchema>;

export const fileChangesSchema = z.object({ changes: z.array(fileChangeSchema) });
export type FileChanges = z.infer<typeof fileChangesSchema>;

export const foundFilesSchema = z.object({
  /** Workspace-relative paths with `/` separators, honouring .gitignore and `files.exclude`. */
  paths: z.array(z.string()),
  /** True when the workspace holds more files than `limit`. */
  truncated: z.boolean(),
});

export const recentWorkspaceSchema = z.object({
  name: z.string(),
  /** Absolute path of the folder. */
  root: z.string(),
  openedAt: z.number(),
  /** False when the folder is gone since it was last opened. */
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof recentWorkspaceSchema>;

export const workspaceService = {
  list: method(z.object({ path: relativePathSchema }), z.array(directoryEntrySchema)),
  readFile: method(z.object({ path: relativePathSchema }), fileContentSchema),
  writeFile: method(
    z.object({ path: relativePathSchema, content: z.string().max(256 * 1024 * 1024), encoding: fileEncodingSchema.default('utf8') }),
    writeFileResultSchema,
  ),
  stat: method(z.object({ path: relativePathSchema }), fileStatSchema),
  /** Fails with CONFLICT when something already exists at the path. */
  createFile: method(z.object({ path: relativePathSchema }), z.void()),
  createFolder: method(z.object({ path: relativePathSchema }), z.void()),
  /** Renames or moves; refuses to replace an existing target unless `overwrite`. */
  rename: method(z.object({ from: relativePathSchema, to: relativePathSchema, overwrite: z.boolean().default(false) }), z.void()),
  copy: method(z.object({ from: relativePathSchema, to: relativePathSchema }), z.void()),
  /** `useTrash` moves to the OS trash where the shell has one (Electron); otherwise the entry is deleted. */
  delete: method(z.object({ path: relativePathSchema, useTrash: z.boolean().default(true) }), z.object({ trashed: z.boolean() })),
  /** The folders opened before, most recent first (kept in the profile's database). */
  recent: method(z.void(), z.array(recentWorkspaceSchema)),
  /**
   * Opens a folder in place of this one: one of `recent` by its root, or (no root) the one the user
   * picks in the OS dialog. Only the Electron shell can; browser mode serves one folder per launch.
   */
  openFolder: method(z.object({ root: z.string().max(4096).optional() }), z.void()),
  /** Every file of the workspace for quick open, from ripgrep's `--files`. */
  findFiles: method(z.object({ limit: z.number().int().positive().max(1_000_000).default(200_000) }), foundFilesSchema),
  /** Changes on disk, coalesced into batches; ignored folders (.git/objects, node_modules, target, files.exclude) never appear. */
  onDidChangeFiles: event(fileChangesSchema),
} as const;
