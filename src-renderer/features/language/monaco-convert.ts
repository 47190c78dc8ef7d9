import type { IMarkdownString, IPosition, IRange, Uri, editor, languages } from 'monaco-editor';
import type { Diagnostic, SymbolKindName, TextEdit, TextPosition, TextRange } from '../../../src-shared/contract';
import type { Monaco } from '../editor';

/** The contract's positions are Monaco's (1-based lines and UTF-16 columns): only the shapes differ. */
export const toMonacoRange = (range: TextRange): IRange => ({
  startLineNumber: range.start.line,
  startColumn: range.start.column,
  endLineNumber: range.end.line,
  endColumn: range.end.column,
});

export const fromMonacoRange = (range: IRange): TextRange => ({
  start: { line: range.startLineNumber, column: range.startColumn },
  end: { line: range.endLineNumber, column: range.endColumn },
});

export const toMonacoEdits = (edits: readonly TextEdit[]): { range: IRange; text: string }[] =>
  edits.map((edit) => ({ range: toMonacoRange(edit.range), text: edit.newText }));

export const fromMonacoPosition = (position: IPosition): TextPosition => ({ line: position.lineNumber, column: position.column });

/** Server text is markdown; it may not run commands or carry HTML. */
export const markdown = (value: string): IMarkdownString => ({ value, isTrusted: false, supportHtml: false });

/** `enumMember` → `EnumMember`, the name of Monaco's enum member. */
const enumName = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export function symbolKind(monaco: Monaco, kind: SymbolKindName): languages.SymbolKind {
  return monaco.languages.SymbolKind[enumName(kind) as keyof typeof monaco.languages.SymbolKind];
}

export function completionKind(monaco: Monaco, kind: string | undefined): languages.CompletionItemKind {
  return (kind && monaco.languages.CompletionItemKind[enumName(kind) as keyof typeof monaco.languages.CompletionItemKind]) || monaco.languages.CompletionItemKind.Text;
}

/** The URI of a workspace file as the editor names its models. */
export function fileUri(monaco: Monaco, path: string): Uri {
  return monaco.Uri.from({ scheme: 'file', path: `/${path}` });
}

export function toMarker(monaco: Monaco, diagnostic: Diagnostic): editor.IMarkerData {
  const severities = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info, hint: monaco.MarkerSeverity.Hint };
  const tags = (diagnostic.tags ?? []).map((tag) => (tag === 'unnecessary' ? monaco.MarkerTag.Unnecessary : monaco.MarkerTag.Deprecated));
  return {
    ...toMonacoRange(diagnostic.range),
    severity: severities[diagnostic.severity],
    message: diagnostic.message,
    ...(diagnostic.source ? { source: diagnostic.source } : {}),
    ...(diagnostic.code ? { code: diagnostic.code } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(diagnostic.related
      ? {
          relatedInformation: diagnostic.related.map((related) => ({
            resource: fileUri(monaco, related.location.path),
            message: related.message,
            ...toMonacoRange(related.location.range),
          })),
        }
      : {}),
  };
}
