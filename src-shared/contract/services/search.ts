import { z } from 'zod';
import { stream } from '../define';

/** The options of a text search; the replace in the workbench builds its pattern from the same fields. */
export const textSearchQuerySchema = z.object({
  query: z.string().min(1).max(1000),
  isRegex: z.boolean().default(false),
  matchCase: z.boolean().default(false),
  wholeWord: z.boolean().default(false),
  /** Comma-separated globs; only files matching one of them are searched. */
  include: z.string().max(4096).optional(),
  /** Comma-separated globs left out (on top of `files.exclude` and .gitignore). */
  exclude: z.string().max(4096).optional(),
});
export type TextSearchQuery = z.infer<typeof textSearchQuerySchema>;

export const textSearchInputSchema = textSearchQuerySchema.extend({
  maxResults: z.number().int().positive().max(100_000).default(2000),
});
export type TextSearchInput = z.input<typeof textSearchInputSchema>;

export const textSearchMatchSchema = z.object({
  /** 1-based line number. */
  line: z.number().int().positive(),
  /** 1-based column in UTF-16 code units, like Monaco's. */
  column: z.number().int().positive(),
  /** Length in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  /** The line's text, cut to about 250 characters around the match. */
  preview: z.string(),
  /** Where the match starts inside `preview` (UTF-16 code units). */
  previewStart: z.number().int().nonnegative(),
});
export type TextSearchMatch = z.infer<typeof textSearchMatchSchema>;

export const textSearchFileSchema = z.object({
  /** Workspace-relative path with `/` separators. */
  path: z.string(),
  matches: z.array(textSearchMatchSchema),
});
export type TextSearchFile = z.infer<typeof textSearchFileSchema>;

export const textSearchChunkSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('files'),
    /** The files rg finished since the last chunk: everything read so far goes out at once. */
    files: z.array(textSearchFileSchema).min(1),
  }),
  z.object({
    kind: z.literal('done'),
    fileCount: z.number().int().nonnegative(),
    matchCount: z.number().int().nonnegative(),
    /** True when the search stopped at `maxResults`. */
    truncated: z.boolean(),
    /** Matches found but not sent (at least; rg is stopped once the limit is reached). */
    omitted: z.number().int().nonnegative(),
  }),
]);
export type TextSearchChunk = z.infer<typeof textSearchChunkSchema>;

export const searchService = {
  /** Searches the workspace's files with ripgrep; finished files in batches as rg produces them, then `done`. */
  text: stream(textSearchInputSchema, textSearchChunkSchema),
} as const;
