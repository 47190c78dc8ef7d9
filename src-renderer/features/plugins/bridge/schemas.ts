import { z } from 'zod';
import type {
  DecorationStyle,
  DiagnosticData,
  InputBoxOptionsData,
  Position,
  QuickPickItemData,
  QuickPickOptionsData,
  Range,
  SelectionData,
  StatusBarItemData,
  WebviewOptionsData,
  WorkspaceEditData,
} from '../../../../plugins/api/runtime/protocol';

/**
 * Schemas of what plugin code sends the workbench. Each matches its protocol type (`satisfies`),
 * and bounds sizes: a plugin cannot make the workbench hold or render unbounded text.
 */
const count = z.number().int().nonnegative().max(10_000_000);
const shortText = z.string().max(1000);

const positionSchema = z.object({ line: count, character: count }) satisfies z.ZodType<Position>;
export const rangeSchema = z.object({ start: positionSchema, end: positionSchema }) satisfies z.ZodType<Range>;
export const selectionSchema = z.object({ anchor: positionSchema, active: positionSchema }) satisfies z.ZodType<SelectionData>;

export const commandIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/, 'a command id');
/** A workspace-relative path as the editor keys its buffers; main checks it again wherever it is used. */
export const documentPathSchema = z.string().min(1).max(4096);

export const statusBarItemSchema = z.object({
  text: z.string().max(200),
  tooltip: shortText.optional(),
  command: commandIdSchema.optional(),
  alignment: z.enum(['left', 'right']),
  priority: z.number().int().min(-10_000).max(10_000),
}) satisfies z.ZodType<StatusBarItemData>;

export const quickPickItemsSchema = z
  .array(z.object({ label: z.string().max(500), description: shortText.optional(), detail: shortText.optional() }))
  .max(10_000) satisfies z.ZodType<QuickPickItemData[]>;
export const quickPickOptionsSchema = z.object({ placeholder: shortText.optional(), title: shortText.optional() }) satisfies z.ZodType<QuickPickOptionsData>;
export const inputBoxOptionsSchema = z.object({
  title: shortText.optional(),
  prompt: shortText.optional(),
  placeholder: shortText.optional(),
  value: shortText.optional(),
  password: z.boolean().optional(),
}) satisfies z.ZodType<InputBoxOptionsData>;

export const messageSeveritySchema = z.enum(['info', 'warning', 'error']);

export const diagnosticsSchema = z
  .array(
    z.object({
      range: rangeSchema,
      message: z.string().max(10_000),
      severity: z.enum(['error', 'warning', 'info', 'hint']),
      code: z.string().max(200).optional(),
    }),
  )
  .max(10_000) satisfies z.ZodType<DiagnosticData[]>;

/** CSS values a plugin may give a decoration: colors, theme variables, simple borders. Nothing that can load or escape a rule. */
const cssColor = z.string().regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|rgba?\([0-9.,%\s]{1,60}\)|hsla?\([0-9.,%\sdeg]{1,60}\)|var\(--[a-zA-Z0-9-]{1,60}\))$/, 'a CSS color');
const cssBorder = z.string().regex(/^[0-9.]{1,6}px (solid|dashed|dotted) (#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|rgba?\([0-9.,%\s]{1,60}\)|var\(--[a-zA-Z0-9-]{1,60}\))$/, 'a CSS border such as "1px solid #888"');

export const decorationStyleSchema = z.object({
  backgroundColor: cssColor.optional(),
  color: cssColor.optional(),
  border: cssBorder.optional(),
  fontStyle: z.enum(['normal', 'italic']).optional(),
  fontWeight: z.enum(['normal', 'bold']).optional(),
  isWholeLine: z.boolean().optional(),
  after: z.object({ contentText: z.string().max(500), color: cssColor.optional() }).optional(),
}) satisfies z.ZodType<DecorationStyle>;
export const decorationTargetSchema = z.object({ path: documentPathSchema, ranges: z.array(rangeSchema).max(100_000) });
export const decorationKeySchema = z.string().regex(/^[0-9]{1,12}$/);

export const workspaceEditSchema = z.object({
  files: z.array(z.object({ path: documentPathSchema, edits: z.array(z.object({ range: rangeSchema, newText: z.string() })).max(100_000) })).max(10_000),
}) satisfies z.ZodType<WorkspaceEditData>;

export const webviewHandleSchema = z.string().regex(/^[0-9]{1,12}$/);
export const webviewOptionsSchema = z.object({ title: z.string().max(200), html: z.string().max(8 * 1024 * 1024) }) satisfies z.ZodType<WebviewOptionsData>;

/** Parses a call's arguments, naming what is wrong in words a plugin author can act on. */
export function parseArguments<T>(call: string, schema: z.ZodType<T>, args: unknown): T {
  const result = schema.safeParse(args);
  if (!result.success) throw new Error(`Invalid arguments to ${call}: ${z.prettifyError(result.error)}`);
  return result.data;
}
