import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { CargoFileDiagnostics, Diagnostic, DiagnosticSeverity, TextRange, WorkspaceEdit } from '../../../src-shared/contract';
import type { WorkspacePaths } from './metadata';

interface RustcSpan {
  file_name: string;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  is_primary: boolean;
  label?: string | null | undefined;
  suggested_replacement?: string | null | undefined;
  suggestion_applicability?: string | null | undefined;
  text?: { text: string }[] | undefined;
  expansion?: { span: RustcSpan } | null | undefined;
}

const spanSchema: z.ZodType<RustcSpan> = z.lazy(() =>
  z.object({
    file_name: z.string(),
    line_start: z.number().int().positive(),
    line_end: z.number().int().positive(),
    column_start: z.number().int().positive(),
    column_end: z.number().int().positive(),
    is_primary: z.boolean(),
    label: z.string().nullish(),
    suggested_replacement: z.string().nullish(),
    suggestion_applicability: z.string().nullish(),
    text: z.array(z.object({ text: z.string() })).optional(),
    expansion: z.object({ span: spanSchema }).nullish(),
  }),
);

interface RustcDiagnostic {
  message: string;
  level: string;
  code?: { code: string } | null | undefined;
  spans: RustcSpan[];
  children: RustcDiagnostic[];
  rendered?: string | null | undefined;
}

const rustcDiagnosticSchema: z.ZodType<RustcDiagnostic> = z.lazy(() =>
  z.object({
    message: z.string(),
    level: z.string(),
    code: z.object({ code: z.string() }).nullish(),
    spans: z.array(spanSchema),
    children: z.array(rustcDiagnosticSchema),
    rendered: z.string().nullish(),
  }),
);

/** One line of `--message-format=json` output: the kinds Lathe acts on. */
export const cargoMessageSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('compiler-message'), message: rustcDiagnosticSchema }),
  z.object({
    reason: z.literal('compiler-artifact'),
    package_id: z.string(),
    target: z.object({ name: z.string(), kind: z.array(z.string()), src_path: z.string() }),
    profile: z.object({ test: z.boolean() }),
    executable: z.string().nullish(),
  }),
  z.object({ reason: z.literal('build-finished'), success: z.boolean() }),
]);
export type CargoMessage = z.infer<typeof cargoMessageSchema>;

/** The message a JSON line holds, or null for other lines (a test's own output, a message kind Lathe ignores). */
export function parseCargoMessage(line: string): CargoMessage | null {
  if (!line.startsWith('{"reason":')) return null;
  try {
    const parsed = cargoMessageSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const severities: Record<string, DiagnosticSeverity> = {
  error: 'error',
  'error: internal compiler error': 'error',
  warning: 'warning',
  note: 'info',
  help: 'hint',
};

/** Only replacements rustc is sure of, or nearly, become quick fixes. */
const fixableApplicability = new Set(['MachineApplicable', 'MaybeIncorrect']);

/** rustc counts columns in characters; Monaco and the contract in UTF-16 code units. */
function utf16Column(lineText: string | undefined, characterColumn: number): number {
  if (lineText === undefined) return characterColumn;
  let units = 0;
  let characters = 0;
  for (const character of lineText) {
    if (characters >= characterColumn - 1) break;
    units += character.length;
    characters++;
  }
  return units + 1 + Math.max(0, characterColumn - 1 - characters);
}

function rangeOf(span: RustcSpan): TextRange {
  const lines = span.text ?? [];
  return {
    start: { line: span.line_start, column: utf16Column(lines[0]?.text, span.column_start) },
    end: { line: span.line_end, column: utf16Column(lines[lines.length - 1]?.text, span.column_end) },
  };
}

/**
 * Reads rustc's diagnostics for the workspace: span file names are relative to the Cargo workspace
 * root; a span in a macro from elsewhere (the standard library) is followed to where the macro was used.
 */
export class DiagnosticReader {
  constructor(
    private readonly cargoRoot: string,
    private readonly paths: WorkspacePaths,
  ) {}

  /** Each diagnostic goes to the file of its primary span; one without a span in the workspace is dropped. */
  read(message: RustcDiagnostic): CargoFileDiagnostics | null {
    const severity = severities[message.level];
    const primary = message.spans.find((span) => span.is_primary);
    const located = primary ? this.locate(primary) : null;
    if (!severity || !primary || !located) return null;
    const notes = message.children.filter((child) => child.spans.length === 0).map((child) => `${child.level}: ${child.message}`);
    const related = [
      ...message.spans.filter((span) => span !== primary && span.label),
      ...message.children.flatMap((child) => child.spans.filter((span) => span.suggested_replacement === null || span.suggested_replacement === undefined)),
    ].flatMap((span) => {
      const place = this.locate(span);
      return place ? [{ location: { path: place.path, range: rangeOf(place.span) }, message: span.label ?? message.children.find((child) => child.spans.includes(span))?.message ?? '' }] : [];
    });
    const fixes = message.children.flatMap((child) => {
      const edit = this.suggestionEdit(child.spans);
      return edit ? [{ title: suggestionTitle(child), edit }] : [];
    });
    const code = message.code?.code;
    const diagnostic: Diagnostic = {
      range: rangeOf(located.span),
      severity,
      message: [message.message, primary.label, ...notes].filter(Boolean).join('\n'),
      source: code?.startsWith('clippy::') ? 'clippy' : 'rustc',
      ...(code ? { code } : {}),
      ...(related.length > 0 ? { related } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
    };
    return { path: located.path, diagnostics: [diagnostic] };
  }

  private locate(span: RustcSpan): { path: string; span: RustcSpan } | null {
    for (let current: RustcSpan | undefined = span; current; current = current.expansion?.span) {
      const absolute = isAbsolute(current.file_name) ? current.file_name : join(this.cargoRoot, current.file_name);
      const path = this.paths.relative(absolute);
      if (path !== null) return { path, span: current };
    }
    return null;
  }

  private suggestionEdit(spans: readonly RustcSpan[]): WorkspaceEdit | null {
    const replacements = spans.filter(
      (span) => span.suggested_replacement !== null && span.suggested_replacement !== undefined && fixableApplicability.has(span.suggestion_applicability ?? ''),
    );
    if (replacements.length === 0) return null;
    const byPath = new Map<string, { range: TextRange; newText: string }[]>();
    for (const span of replacements) {
      const place = this.locate(span);
      if (!place || place.span !== span) return null;
      byPath.set(place.path, [...(byPath.get(place.path) ?? []), { range: rangeOf(span), newText: span.suggested_replacement ?? '' }]);
    }
    return { files: [...byPath].map(([path, edits]) => ({ path, edits })) };
  }
}

function suggestionTitle(child: RustcDiagnostic): string {
  const replacements = child.spans.map((span) => span.suggested_replacement).filter((text): text is string => typeof text === 'string');
  const only = replacements.length === 1 ? replacements[0] : undefined;
  const title = child.message.charAt(0).toUpperCase() + child.message.slice(1);
  return only && only.length <= 60 && !only.includes('\n') && only !== '' ? `${title}: \`${only}\`` : title;
}
