import type { IDisposable, editor, languages, Position } from 'monaco-editor';
import type { DocumentSymbol, LocationKind } from '../../../../../src-shared/contract';
import { host } from '../../../../platform/host';
import type { Monaco } from '../../../editor';
import { fromMonacoPosition, symbolKind, toMonacoRange } from '../../monaco-convert';
import { askHost } from './ask-host';
import { toMonacoLocations } from './locations';
import { whenOffered, type ProviderSpec } from './provider-spec';

async function locate(monaco: Monaco, model: editor.ITextModel, position: Position, kind: LocationKind, includeDeclaration = true): Promise<languages.Location[] | undefined> {
  const locations = await askHost(model, (path) => host().language.locations({ path, position: fromMonacoPosition(position), kind, includeDeclaration }));
  return locations ? toMonacoLocations(monaco, locations) : undefined;
}

const locationProvider = (
  kind: Exclude<LocationKind, 'references'>,
  register: (monaco: Monaco, languageId: string, provide: (model: editor.ITextModel, position: Position) => Promise<languages.Location[] | undefined>) => IDisposable,
): ProviderSpec => ({
  offered: whenOffered((features) => features[kind]),
  register: (monaco, languageId) => register(monaco, languageId, (model, position) => locate(monaco, model, position, kind)),
});

export const definition = locationProvider('definition', (monaco, languageId, provide) =>
  monaco.languages.registerDefinitionProvider(languageId, { provideDefinition: provide }),
);
export const declaration = locationProvider('declaration', (monaco, languageId, provide) =>
  monaco.languages.registerDeclarationProvider(languageId, { provideDeclaration: provide }),
);
export const typeDefinition = locationProvider('typeDefinition', (monaco, languageId, provide) =>
  monaco.languages.registerTypeDefinitionProvider(languageId, { provideTypeDefinition: provide }),
);
export const implementation = locationProvider('implementation', (monaco, languageId, provide) =>
  monaco.languages.registerImplementationProvider(languageId, { provideImplementation: provide }),
);

export const references: ProviderSpec = {
  offered: whenOffered((features) => features.references),
  register: (monaco, languageId) =>
    monaco.languages.registerReferenceProvider(languageId, {
      provideReferences: (model, position, context) => locate(monaco, model, position, 'references', context.includeDeclaration),
    }),
};

export const documentHighlights: ProviderSpec = {
  offered: whenOffered((features) => features.documentHighlights),
  register: (monaco, languageId) =>
    monaco.languages.registerDocumentHighlightProvider(languageId, {
      async provideDocumentHighlights(model, position) {
        const highlights = await askHost(model, (path) => host().language.documentHighlights({ path, position: fromMonacoPosition(position) }));
        const kinds = { text: monaco.languages.DocumentHighlightKind.Text, read: monaco.languages.DocumentHighlightKind.Read, write: monaco.languages.DocumentHighlightKind.Write };
        return highlights?.map((highlight) => ({ range: toMonacoRange(highlight.range), kind: kinds[highlight.kind] }));
      },
    }),
};

function toMonacoSymbol(monaco: Monaco, symbol: DocumentSymbol): languages.DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail ?? '',
    kind: symbolKind(monaco, symbol.kind),
    tags: [],
    range: toMonacoRange(symbol.range),
    selectionRange: toMonacoRange(symbol.selectionRange),
    children: symbol.children.map((child) => toMonacoSymbol(monaco, child)),
  };
}

/** Also what Go to Symbol in Editor (Ctrl/Cmd+Shift+O) and the Outline show. */
export const documentSymbols: ProviderSpec = {
  offered: whenOffered((features) => features.documentSymbols),
  register: (monaco, languageId) =>
    monaco.languages.registerDocumentSymbolProvider(languageId, {
      displayName: 'Language Server',
      async provideDocumentSymbols(model) {
        const symbols = await askHost(model, (path) => host().language.documentSymbols({ path }));
        return symbols?.map((symbol) => toMonacoSymbol(monaco, symbol));
      },
    }),
};
