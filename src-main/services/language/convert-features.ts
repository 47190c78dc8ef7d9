import {
  completionItemKinds,
  symbolKinds,
  type CompletionItem,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type SignatureHelp,
  type SymbolKindName,
  type WorkspaceSymbol,
} from '../../../src-shared/contract';
import { fromLspPosition, fromLspRange, fromLspTextEdit, markupToMarkdown, type UriToPath } from './convert';
import type {
  LspCompletionItem,
  LspCompletionListDefaults,
  LspDocumentSymbol,
  LspSymbolInformation,
  lspDocumentHighlightsSchema,
  lspFoldingRangesSchema,
  lspHoverSchema,
  lspInlayHintsSchema,
  lspSignatureHelpSchema,
} from './lsp-schemas';
import type { z } from 'zod';

const snippetFormat = 2;

export function fromLspCompletionItem(item: LspCompletionItem, id: number, defaults: LspCompletionListDefaults | null | undefined): CompletionItem {
  const edit = item.textEdit;
  const defaultRange = defaults?.editRange;
  const range = edit ? ('range' in edit ? edit.range : edit.insert) : defaultRange ? ('start' in defaultRange ? defaultRange : defaultRange.insert) : undefined;
  const insertText = edit?.newText ?? item.textEditText ?? item.insertText ?? item.label;
  const kind = item.kind ? completionItemKinds[item.kind - 1] : undefined;
  const documentation = markupToMarkdown(item.documentation);
  const detail = item.detail ?? item.labelDetails?.description ?? undefined;
  const deprecated = item.deprecated === true || (item.tags ?? []).includes(1);
  const commitCharacters = item.commitCharacters ?? defaults?.commitCharacters;
  return {
    id,
    label: item.label,
    insertText,
    isSnippet: (item.insertTextFormat ?? defaults?.insertTextFormat) === snippetFormat,
    ...(kind ? { kind } : {}),
    ...(detail ? { detail } : {}),
    ...(documentation ? { documentation } : {}),
    ...(range ? { range: fromLspRange(range) } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.preselect ? { preselect: true } : {}),
    ...(deprecated ? { deprecated: true } : {}),
    ...(commitCharacters && commitCharacters.length > 0 ? { commitCharacters } : {}),
    ...(item.additionalTextEdits && item.additionalTextEdits.length > 0 ? { additionalEdits: item.additionalTextEdits.map(fromLspTextEdit) } : {}),
  };
}

export function fromLspHover(hover: z.infer<typeof lspHoverSchema>): Hover | null {
  if (!hover) return null;
  const markdown = markupToMarkdown(hover.contents);
  if (!markdown.trim()) return null;
  return hover.range ? { markdown, range: fromLspRange(hover.range) } : { markdown };
}

export function fromLspSignatureHelp(help: z.infer<typeof lspSignatureHelpSchema>): SignatureHelp | null {
  if (!help || help.signatures.length === 0) return null;
  return {
    signatures: help.signatures.map((signature) => {
      const documentation = markupToMarkdown(signature.documentation);
      return {
        label: signature.label,
        ...(documentation ? { documentation } : {}),
        parameters: (signature.parameters ?? []).map((parameter) => {
          const parameterDocs = markupToMarkdown(parameter.documentation);
          return { label: parameter.label, ...(parameterDocs ? { documentation: parameterDocs } : {}) };
        }),
        ...(signature.activeParameter !== null && signature.activeParameter !== undefined ? { activeParameter: signature.activeParameter } : {}),
      };
    }),
    activeSignature: help.activeSignature ?? 0,
    activeParameter: help.activeParameter ?? 0,
  };
}

export const symbolKindName = (kind: number): SymbolKindName => symbolKinds[kind - 1] ?? 'object';

export function fromLspDocumentSymbol(symbol: LspDocumentSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: symbolKindName(symbol.kind),
    range: fromLspRange(symbol.range),
    selectionRange: fromLspRange(symbol.selectionRange),
    children: (symbol.children ?? []).map(fromLspDocumentSymbol),
  };
}

/** The flat SymbolInformation form of a document's symbols, shown flat (containers are not nested). */
export function fromLspSymbolInformation(symbol: LspSymbolInformation): DocumentSymbol | null {
  if (!('range' in symbol.location)) return null;
  const range = fromLspRange(symbol.location.range);
  return { name: symbol.name, kind: symbolKindName(symbol.kind), range, selectionRange: range, children: [] };
}

export function fromLspWorkspaceSymbol(symbol: LspSymbolInformation, toPath: UriToPath): WorkspaceSymbol | null {
  const path = toPath(symbol.location.uri);
  if (path === null) return null;
  const range = 'range' in symbol.location ? fromLspRange(symbol.location.range) : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    name: symbol.name,
    kind: symbolKindName(symbol.kind),
    ...(symbol.containerName ? { containerName: symbol.containerName } : {}),
    location: { path, range },
  };
}

export function fromLspInlayHints(hints: z.infer<typeof lspInlayHintsSchema>): InlayHint[] {
  return (hints ?? []).map((hint) => {
    const tooltip = markupToMarkdown(hint.tooltip);
    return {
      position: fromLspPosition(hint.position),
      label: typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''),
      ...(hint.kind === 1 ? { kind: 'type' as const } : hint.kind === 2 ? { kind: 'parameter' as const } : {}),
      paddingLeft: hint.paddingLeft === true,
      paddingRight: hint.paddingRight === true,
      ...(tooltip ? { tooltip } : {}),
    };
  });
}

const highlightKinds = { 1: 'text', 2: 'read', 3: 'write' } as const;

export function fromLspDocumentHighlights(highlights: z.infer<typeof lspDocumentHighlightsSchema>): DocumentHighlight[] {
  return (highlights ?? []).map((highlight) => ({
    range: fromLspRange(highlight.range),
    kind: highlightKinds[(highlight.kind ?? 1) as keyof typeof highlightKinds] ?? 'text',
  }));
}

export function fromLspFoldingRanges(ranges: z.infer<typeof lspFoldingRangesSchema>): FoldingRange[] {
  return (ranges ?? []).flatMap((range) => {
    if (range.endLine < range.startLine) return [];
    const kind = range.kind === 'comment' || range.kind === 'imports' || range.kind === 'region' ? range.kind : undefined;
    return [{ startLine: range.startLine + 1, endLine: range.endLine + 1, ...(kind ? { kind } : {}) }];
  });
}
