import {
  LatheError,
  type Diagnostic,
  type DiagnosticSeverity,
  type Location,
  type TextEdit,
  type TextPosition,
  type TextRange,
  type WorkspaceEdit,
} from '../../../src-shared/contract';
import type { LspDiagnostic, LspMarkup, LspPosition, LspRange, LspTextEdit, LspWorkspaceEdit, lspLocationsSchema } from './lsp-schemas';
import type { z } from 'zod';

/** Turns a server's document URI into a workspace-relative path; null for files outside the workspace. */
export type UriToPath = (uri: string) => string | null;

export const toLspPosition = (position: TextPosition): LspPosition => ({ line: position.line - 1, character: position.column - 1 });
export const fromLspPosition = (position: LspPosition): TextPosition => ({ line: position.line + 1, column: position.character + 1 });
export const toLspRange = (range: TextRange): LspRange => ({ start: toLspPosition(range.start), end: toLspPosition(range.end) });
export const fromLspRange = (range: LspRange): TextRange => ({ start: fromLspPosition(range.start), end: fromLspPosition(range.end) });

export const fromLspTextEdit = (edit: LspTextEdit): TextEdit => ({ range: fromLspRange(edit.range), newText: edit.newText });

/** Locations and location links alike; those outside the workspace are left out (they cannot be opened). */
export function fromLspLocations(result: z.infer<typeof lspLocationsSchema>, toPath: UriToPath): Location[] {
  if (!result) return [];
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((entry) => {
    const [uri, range] = 'targetUri' in entry ? [entry.targetUri, entry.targetSelectionRange] : [entry.uri, entry.range];
    const path = toPath(uri);
    return path === null ? [] : [{ path, range: fromLspRange(range) }];
  });
}

/**
 * A server's workspace edit as edits per workspace file. Creating, renaming or deleting files, and
 * edits outside the workspace, are refused as a whole: applying part of a refactoring breaks code.
 */
export function fromLspWorkspaceEdit(edit: LspWorkspaceEdit, toPath: UriToPath): WorkspaceEdit {
  const byUri = new Map<string, LspTextEdit[]>();
  const add = (uri: string, edits: readonly LspTextEdit[]): void => {
    byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  };
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if ('kind' in change) throw new LatheError('UNSUPPORTED', `The change would ${change.kind} a file, which is not supported yet`);
      add(change.textDocument.uri, change.edits);
    }
  } else {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) add(uri, edits);
  }
  const files = [...byUri].map(([uri, edits]) => {
    const path = toPath(uri);
    if (path === null) throw new LatheError('UNSUPPORTED', `The change touches ${uri}, outside the open folder`);
    return { path, edits: edits.map(fromLspTextEdit) };
  });
  return { files };
}

const severities: Record<number, DiagnosticSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function fromLspDiagnostic(diagnostic: LspDiagnostic, toPath: UriToPath): Diagnostic {
  const tags = (diagnostic.tags ?? []).flatMap((tag) => (tag === 1 ? ['unnecessary' as const] : tag === 2 ? ['deprecated' as const] : []));
  const related = (diagnostic.relatedInformation ?? []).flatMap((info) => {
    const path = toPath(info.location.uri);
    return path === null ? [] : [{ location: { path, range: fromLspRange(info.location.range) }, message: info.message }];
  });
  return {
    range: fromLspRange(diagnostic.range),
    severity: severities[diagnostic.severity ?? 1] ?? 'error',
    message: diagnostic.message,
    ...(diagnostic.source ? { source: diagnostic.source } : {}),
    ...(diagnostic.code !== null && diagnostic.code !== undefined ? { code: String(diagnostic.code) } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(related.length > 0 ? { related } : {}),
  };
}

/** Markdown for any of LSP's ways to give documentation (a MarkedString with a language is a code block). */
export function markupToMarkdown(markup: LspMarkup | readonly LspMarkup[] | null | undefined): string {
  if (markup === null || markup === undefined) return '';
  if (Array.isArray(markup)) return markup.map((part: LspMarkup) => markupToMarkdown(part)).filter(Boolean).join('\n\n---\n\n');
  const single = markup as LspMarkup;
  if (typeof single === 'string') return single;
  if ('language' in single) return `\`\`\`${single.language}\n${single.value}\n\`\`\``;
  return single.kind === 'markdown' ? single.value : escapeMarkdown(single.value);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
