import { host } from '../../../../platform/host';
import { fromMonacoPosition, fromMonacoRange, markdown, toMonacoRange } from '../../monaco-convert';
import { askHost } from './ask-host';
import { whenOffered, type ProviderSpec } from './provider-spec';

export const hover: ProviderSpec = {
  offered: whenOffered((features) => features.hover),
  register: (monaco, languageId) =>
    monaco.languages.registerHoverProvider(languageId, {
      async provideHover(model, position) {
        const answer = await askHost(model, (path) => host().language.hover({ path, position: fromMonacoPosition(position) }));
        if (!answer) return undefined;
        return { contents: [markdown(answer.markdown)], ...(answer.range ? { range: toMonacoRange(answer.range) } : {}) };
      },
    }),
};

export const inlayHints: ProviderSpec = {
  offered: whenOffered((features) => features.inlayHints),
  register: (monaco, languageId) =>
    monaco.languages.registerInlayHintsProvider(languageId, {
      async provideInlayHints(model, range) {
        const hints = await askHost(model, (path) => host().language.inlayHints({ path, range: fromMonacoRange(range) }));
        if (!hints) return undefined;
        const kinds = { type: monaco.languages.InlayHintKind.Type, parameter: monaco.languages.InlayHintKind.Parameter };
        return {
          hints: hints.map((hint) => ({
            position: { lineNumber: hint.position.line, column: hint.position.column },
            label: hint.label,
            paddingLeft: hint.paddingLeft,
            paddingRight: hint.paddingRight,
            ...(hint.kind ? { kind: kinds[hint.kind] } : {}),
            ...(hint.tooltip ? { tooltip: markdown(hint.tooltip) } : {}),
          })),
          dispose: () => undefined,
        };
      },
    }),
};

export const semanticTokens: ProviderSpec = {
  offered: (features) => (features.semanticTokens ? JSON.stringify(features.semanticTokens) : null),
  register: (monaco, languageId, features) =>
    monaco.languages.registerDocumentSemanticTokensProvider(languageId, {
      getLegend: () => features.semanticTokens ?? { tokenTypes: [], tokenModifiers: [] },
      async provideDocumentSemanticTokens(model) {
        const tokens = await askHost(model, (path) => host().language.semanticTokens({ path }));
        return tokens ? { data: Uint32Array.from(tokens.data) } : null;
      },
      releaseDocumentSemanticTokens: () => undefined,
    }),
};

export const foldingRanges: ProviderSpec = {
  offered: whenOffered((features) => features.foldingRanges),
  register: (monaco, languageId) =>
    monaco.languages.registerFoldingRangeProvider(languageId, {
      async provideFoldingRanges(model) {
        const ranges = await askHost(model, (path) => host().language.foldingRanges({ path }));
        const kinds = { comment: monaco.languages.FoldingRangeKind.Comment, imports: monaco.languages.FoldingRangeKind.Imports, region: monaco.languages.FoldingRangeKind.Region };
        return ranges?.map((range) => ({ start: range.startLine, end: range.endLine, ...(range.kind ? { kind: kinds[range.kind] } : {}) }));
      },
    }),
};
