import { z } from 'zod';
import type { LanguageFeatures } from '../../../src-shared/contract';

/** A capability is offered when it is `true` or an options object. */
const offered = z.union([z.boolean(), z.object({}).loose()]).nullish();
const characters = z.array(z.string()).nullish();

/** The parts of the `initialize` answer's capabilities that decide which editor features Lathe turns on. */
export const serverCapabilitiesSchema = z.object({
  textDocumentSync: z
    .union([z.number().int(), z.object({ change: z.number().int().nullish(), save: z.union([z.boolean(), z.object({ includeText: z.boolean().nullish() })]).nullish() })])
    .nullish(),
  completionProvider: z.object({ triggerCharacters: characters, resolveProvider: z.boolean().nullish() }).nullish(),
  hoverProvider: offered,
  signatureHelpProvider: z.object({ triggerCharacters: characters, retriggerCharacters: characters }).nullish(),
  definitionProvider: offered,
  declarationProvider: offered,
  typeDefinitionProvider: offered,
  implementationProvider: offered,
  referencesProvider: offered,
  documentHighlightProvider: offered,
  documentSymbolProvider: offered,
  workspaceSymbolProvider: offered,
  codeActionProvider: z.union([z.boolean(), z.object({ resolveProvider: z.boolean().nullish() }).loose()]).nullish(),
  documentFormattingProvider: offered,
  documentRangeFormattingProvider: offered,
  renameProvider: z.union([z.boolean(), z.object({ prepareProvider: z.boolean().nullish() }).loose()]).nullish(),
  foldingRangeProvider: offered,
  inlayHintProvider: offered,
  semanticTokensProvider: z
    .object({ legend: z.object({ tokenTypes: z.array(z.string()), tokenModifiers: z.array(z.string()) }), full: z.union([z.boolean(), z.object({}).loose()]).nullish() })
    .nullish(),
});
export type ServerCapabilities = z.infer<typeof serverCapabilitiesSchema>;

export const initializeResultSchema = z.object({ capabilities: serverCapabilitiesSchema });

const on = (value: unknown): boolean => value !== null && value !== undefined && value !== false;

export function featuresOf(capabilities: ServerCapabilities): LanguageFeatures {
  const completion = capabilities.completionProvider;
  const signature = capabilities.signatureHelpProvider;
  const rename = capabilities.renameProvider;
  const tokens = capabilities.semanticTokensProvider;
  return {
    completion: completion ? { triggerCharacters: completion.triggerCharacters ?? [], resolve: completion.resolveProvider === true } : null,
    hover: on(capabilities.hoverProvider),
    signatureHelp: signature ? { triggerCharacters: signature.triggerCharacters ?? [], retriggerCharacters: signature.retriggerCharacters ?? [] } : null,
    definition: on(capabilities.definitionProvider),
    declaration: on(capabilities.declarationProvider),
    typeDefinition: on(capabilities.typeDefinitionProvider),
    implementation: on(capabilities.implementationProvider),
    references: on(capabilities.referencesProvider),
    documentSymbols: on(capabilities.documentSymbolProvider),
    workspaceSymbols: on(capabilities.workspaceSymbolProvider),
    rename: on(rename) ? { prepare: typeof rename === 'object' && rename?.prepareProvider === true } : null,
    formatting: on(capabilities.documentFormattingProvider),
    rangeFormatting: on(capabilities.documentRangeFormattingProvider),
    codeActions: on(capabilities.codeActionProvider),
    inlayHints: on(capabilities.inlayHintProvider),
    semanticTokens: tokens && on(tokens.full) ? { tokenTypes: tokens.legend.tokenTypes, tokenModifiers: tokens.legend.tokenModifiers } : null,
    documentHighlights: on(capabilities.documentHighlightProvider),
    foldingRanges: on(capabilities.foldingRangeProvider),
  };
}

export type SyncKind = 'none' | 'full' | 'incremental';

/** How the server wants edits: LSP's TextDocumentSyncKind 0, 1 or 2. */
export function syncKindOf(capabilities: ServerCapabilities): SyncKind {
  const sync = capabilities.textDocumentSync;
  const kind = typeof sync === 'number' ? sync : (sync?.change ?? 0);
  return kind === 2 ? 'incremental' : kind === 1 ? 'full' : 'none';
}

/** Whether didSave is wanted, and with the text. */
export function saveOptionsOf(capabilities: ServerCapabilities): { notify: boolean; includeText: boolean } {
  const sync = capabilities.textDocumentSync;
  if (typeof sync !== 'object' || sync === null) return { notify: false, includeText: false };
  const save = sync.save;
  if (!save) return { notify: false, includeText: false };
  return { notify: true, includeText: typeof save === 'object' && save.includeText === true };
}

export const codeActionResolveOf = (capabilities: ServerCapabilities): boolean =>
  typeof capabilities.codeActionProvider === 'object' && capabilities.codeActionProvider?.resolveProvider === true;
