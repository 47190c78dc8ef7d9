import type { editor, languages } from 'monaco-editor';
import type { CompletionItem } from '../../../../../src-shared/contract';
import { host } from '../../../../platform/host';
import { completionKind, fromMonacoPosition, fromMonacoRange, markdown, toMonacoEdits, toMonacoRange } from '../../monaco-convert';
import type { Monaco } from '../../../editor';
import { askHost } from './ask-host';
import { whenOffered, type ProviderSpec } from './provider-spec';

/** Which file and item a suggestion came from, for resolving it. */
const suggestionSources = new WeakMap<languages.CompletionItem, { model: editor.ITextModel; id: number }>();

function toSuggestion(monaco: Monaco, item: CompletionItem, defaultRange: languages.CompletionItemRanges): languages.CompletionItem {
  return {
    label: item.label,
    kind: completionKind(monaco, item.kind),
    insertText: item.insertText,
    range: item.range ? toMonacoRange(item.range) : defaultRange,
    ...(item.isSnippet ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: markdown(item.documentation) } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.preselect ? { preselect: true } : {}),
    ...(item.deprecated ? { tags: [monaco.languages.CompletionItemTag.Deprecated] } : {}),
    ...(item.commitCharacters ? { commitCharacters: item.commitCharacters } : {}),
    ...(item.additionalEdits ? { additionalTextEdits: toMonacoEdits(item.additionalEdits) } : {}),
  };
}

export const completion: ProviderSpec = {
  offered: (features) => (features.completion ? JSON.stringify(features.completion) : null),
  register: (monaco, languageId, features) =>
    monaco.languages.registerCompletionItemProvider(languageId, {
      triggerCharacters: features.completion?.triggerCharacters ?? [],
      async provideCompletionItems(model, position, context) {
        const list = await askHost(model, (path) =>
          host().language.completion({
            path,
            position: fromMonacoPosition(position),
            ...(context.triggerCharacter ? { triggerCharacter: context.triggerCharacter } : {}),
            incompleteRetrigger: context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerForIncompleteCompletions,
          }),
        );
        if (!list) return undefined;
        const word = model.getWordUntilPosition(position);
        const wordEnd = model.getWordAtPosition(position)?.endColumn ?? position.column;
        const start = { lineNumber: position.lineNumber, column: word.startColumn };
        const defaultRange = {
          insert: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: position.lineNumber, endColumn: position.column },
          replace: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: position.lineNumber, endColumn: wordEnd },
        };
        const suggestions = list.items.map((item) => {
          const suggestion = toSuggestion(monaco, item, defaultRange);
          suggestionSources.set(suggestion, { model, id: item.id });
          return suggestion;
        });
        return { suggestions, incomplete: list.incomplete };
      },
      ...(features.completion?.resolve
        ? {
            async resolveCompletionItem(suggestion) {
              const source = suggestionSources.get(suggestion);
              if (!source) return suggestion;
              const resolved = await askHost(source.model, (path) => host().language.resolveCompletion({ path, id: source.id }));
              if (!resolved) return suggestion;
              return {
                ...suggestion,
                ...(resolved.detail ? { detail: resolved.detail } : {}),
                ...(resolved.documentation ? { documentation: markdown(resolved.documentation) } : {}),
                ...(resolved.additionalEdits ? { additionalTextEdits: toMonacoEdits(resolved.additionalEdits) } : {}),
              };
            },
          }
        : {}),
    }),
};

export const signatureHelp: ProviderSpec = {
  offered: (features) => (features.signatureHelp ? JSON.stringify(features.signatureHelp) : null),
  register: (monaco, languageId, features) =>
    monaco.languages.registerSignatureHelpProvider(languageId, {
      signatureHelpTriggerCharacters: features.signatureHelp?.triggerCharacters ?? [],
      signatureHelpRetriggerCharacters: features.signatureHelp?.retriggerCharacters ?? [],
      async provideSignatureHelp(model, position, _token, context) {
        const help = await askHost(model, (path) =>
          host().language.signatureHelp({
            path,
            position: fromMonacoPosition(position),
            ...(context.triggerCharacter ? { triggerCharacter: context.triggerCharacter } : {}),
            isRetrigger: context.isRetrigger,
          }),
        );
        if (!help) return undefined;
        return {
          value: {
            signatures: help.signatures.map((signature) => ({
              label: signature.label,
              ...(signature.documentation ? { documentation: markdown(signature.documentation) } : {}),
              parameters: signature.parameters.map((parameter) => ({
                label: parameter.label,
                ...(parameter.documentation ? { documentation: markdown(parameter.documentation) } : {}),
              })),
              ...(signature.activeParameter !== undefined ? { activeParameter: signature.activeParameter } : {}),
            })),
            activeSignature: help.activeSignature,
            activeParameter: help.activeParameter,
          },
          dispose: () => undefined,
        };
      },
    }),
};

export const formatting: ProviderSpec = {
  offered: whenOffered((features) => features.formatting),
  register: (monaco, languageId) =>
    monaco.languages.registerDocumentFormattingEditProvider(languageId, {
      displayName: 'Language Server',
      async provideDocumentFormattingEdits(model, options) {
        const edits = await askHost(model, (path) => host().language.format({ path, options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } }));
        return edits ? toMonacoEdits(edits) : undefined;
      },
    }),
};

export const rangeFormatting: ProviderSpec = {
  offered: whenOffered((features) => features.rangeFormatting),
  register: (monaco, languageId) =>
    monaco.languages.registerDocumentRangeFormattingEditProvider(languageId, {
      displayName: 'Language Server',
      async provideDocumentRangeFormattingEdits(model, range, options) {
        const edits = await askHost(model, (path) =>
          host().language.format({ path, range: fromMonacoRange(range), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } }),
        );
        return edits ? toMonacoEdits(edits) : undefined;
      },
    }),
};
