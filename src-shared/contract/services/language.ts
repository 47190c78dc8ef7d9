import { z } from 'zod';
import { event, method, stream } from '../define';
import { relativePathSchema } from './workspace';

/**
 * Positions are 1-based lines and 1-based columns counted in UTF-16 code units, as Monaco counts them;
 * the host translates to and from each language server's 0-based positions.
 */
export const textPositionSchema = z.object({
  line: z.number().int().positive().max(10_000_000),
  column: z.number().int().positive().max(10_000_000),
});
export type TextPosition = z.infer<typeof textPositionSchema>;

/** `end` is exclusive. */
export const textRangeSchema = z.object({ start: textPositionSchema, end: textPositionSchema });
export type TextRange = z.infer<typeof textRangeSchema>;

export const textEditSchema = z.object({ range: textRangeSchema, newText: z.string() });
export type TextEdit = z.infer<typeof textEditSchema>;

/** Edits to the text of workspace files, each file's edits against its current text. */
export const workspaceEditSchema = z.object({
  files: z.array(z.object({ path: z.string(), edits: z.array(textEditSchema) })),
});
export type WorkspaceEdit = z.infer<typeof workspaceEditSchema>;

export const locationSchema = z.object({ path: z.string(), range: textRangeSchema });
export type Location = z.infer<typeof locationSchema>;

export const diagnosticSeverities = ['error', 'warning', 'info', 'hint'] as const;
export type DiagnosticSeverity = (typeof diagnosticSeverities)[number];

/** A problem in a file, from any source: a language server, cargo, a pipeline, a plugin. */
export const diagnosticSchema = z.object({
  range: textRangeSchema,
  severity: z.enum(diagnosticSeverities),
  message: z.string(),
  /** What the tool calls itself: `ts`, `rustc`, `clippy`. */
  source: z.string().optional(),
  code: z.string().optional(),
  /** Drawn faded (`unnecessary`) or struck through (`deprecated`). */
  tags: z.array(z.enum(['unnecessary', 'deprecated'])).optional(),
  related: z.array(z.object({ location: locationSchema, message: z.string() })).optional(),
  /** Quick fixes the tool itself suggests (rustc's machine-applicable replacements). */
  fixes: z.array(z.object({ title: z.string(), edit: workspaceEditSchema })).optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** Which editor features a running server offers, read from the capabilities it announced. */
export const languageFeaturesSchema = z.object({
  completion: z.object({ triggerCharacters: z.array(z.string()), resolve: z.boolean() }).nullable(),
  hover: z.boolean(),
  signatureHelp: z.object({ triggerCharacters: z.array(z.string()), retriggerCharacters: z.array(z.string()) }).nullable(),
  definition: z.boolean(),
  declaration: z.boolean(),
  typeDefinition: z.boolean(),
  implementation: z.boolean(),
  references: z.boolean(),
  documentSymbols: z.boolean(),
  workspaceSymbols: z.boolean(),
  rename: z.object({ prepare: z.boolean() }).nullable(),
  formatting: z.boolean(),
  rangeFormatting: z.boolean(),
  codeActions: z.boolean(),
  inlayHints: z.boolean(),
  /** The token types and modifiers the server's semantic tokens index into. */
  semanticTokens: z.object({ tokenTypes: z.array(z.string()), tokenModifiers: z.array(z.string()) }).nullable(),
  documentHighlights: z.boolean(),
  foldingRanges: z.boolean(),
});
export type LanguageFeatures = z.infer<typeof languageFeaturesSchema>;

export const languageServerIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a server id');

/** One entry of `languageServers.servers`: a new server, or changes to the preset of the same id. */
export const languageServerSettingSchema = z
  .object({
    id: languageServerIdSchema,
    /** The executable: absolute, or a name looked up on the PATH. */
    command: z.string().min(1).max(4096).optional(),
    args: z.array(z.string().max(4096)).max(64).optional(),
    /** Editor language ids (`rust`, `typescript`, `python`…). */
    languages: z.array(z.string().min(1).max(100)).max(50).optional(),
    /** Globs of workspace-relative paths the server is for, besides its languages. */
    filePatterns: z.array(z.string().min(1).max(1024)).max(50).optional(),
    initializationOptions: z.record(z.string(), z.unknown()).optional(),
    /** What the server receives when it asks for its configuration (`workspace/configuration`), by section. */
    settings: z.record(z.string(), z.unknown()).optional(),
    enabled: z.boolean().default(true),
  });
export type LanguageServerSetting = z.infer<typeof languageServerSettingSchema>;

export const languageServerStates = ['stopped', 'starting', 'running', 'restarting', 'missing', 'failed', 'disabled'] as const;
export type LanguageServerState = (typeof languageServerStates)[number];

export const languageServerStatusSchema = z.object({
  id: languageServerIdSchema,
  name: z.string(),
  /** Editor language ids the server is used for. */
  languages: z.array(z.string()),
  state: z.enum(languageServerStates),
  /** Why it is missing, failed or disabled, or what went wrong last. */
  message: z.string().nullable(),
  /** The executable it runs, once found. */
  command: z.string().nullable(),
  pid: z.number().int().nullable(),
  /** Restarts after crashes since it was last started by hand. */
  restarts: z.number().int().nonnegative(),
  /** Work the server reports in progress ("Indexing 12/40"). */
  progress: z.string().nullable(),
  features: languageFeaturesSchema.nullable(),
});
export type LanguageServerStatus = z.infer<typeof languageServerStatusSchema>;

const documentInput = z.object({ path: relativePathSchema });
const positionInput = documentInput.extend({ position: textPositionSchema });
const documentVersionSchema = z.number().int().nonnegative();

export const textDocumentChangeSchema = z.object({
  /** The replaced range; absent when `text` is the whole new content. */
  range: textRangeSchema.optional(),
  text: z.string(),
});
export type TextDocumentChange = z.infer<typeof textDocumentChangeSchema>;

export const completionItemKinds = [
  'text', 'method', 'function', 'constructor', 'field', 'variable', 'class', 'interface', 'module', 'property', 'unit', 'value',
  'enum', 'keyword', 'snippet', 'color', 'file', 'reference', 'folder', 'enumMember', 'constant', 'struct', 'event', 'operator', 'typeParameter',
] as const;

export const completionItemSchema = z.object({
  /** Names the item for `resolveCompletion` (valid until the next completion request for the file). */
  id: z.number().int().nonnegative(),
  label: z.string(),
  kind: z.enum(completionItemKinds).optional(),
  detail: z.string().optional(),
  /** Markdown. */
  documentation: z.string().optional(),
  /** What is inserted: plain text, or a snippet with `$1`, `${2:placeholder}` tab stops. */
  insertText: z.string(),
  isSnippet: z.boolean(),
  /** The text the item replaces; the word at the cursor when absent. */
  range: textRangeSchema.optional(),
  sortText: z.string().optional(),
  filterText: z.string().optional(),
  preselect: z.boolean().optional(),
  deprecated: z.boolean().optional(),
  commitCharacters: z.array(z.string()).optional(),
  /** Edits elsewhere in the file, such as an import the item needs. */
  additionalEdits: z.array(textEditSchema).optional(),
});
export type CompletionItem = z.infer<typeof completionItemSchema>;

export const completionListSchema = z.object({
  /** Typing more must ask the server again rather than filter these items. */
  incomplete: z.boolean(),
  items: z.array(completionItemSchema),
});
export type CompletionList = z.infer<typeof completionListSchema>;

export const hoverSchema = z.object({ markdown: z.string(), range: textRangeSchema.optional() });
export type Hover = z.infer<typeof hoverSchema>;

export const signatureHelpSchema = z.object({
  signatures: z.array(
    z.object({
      label: z.string(),
      documentation: z.string().optional(),
      /** Each parameter's label, or its [start, end) offsets in the signature's label. */
      parameters: z.array(z.object({ label: z.union([z.string(), z.tuple([z.number().int(), z.number().int()])]), documentation: z.string().optional() })),
      activeParameter: z.number().int().optional(),
    }),
  ),
  activeSignature: z.number().int(),
  activeParameter: z.number().int(),
});
export type SignatureHelp = z.infer<typeof signatureHelpSchema>;

/** LSP's symbol kinds by name (File … TypeParameter). */
export const symbolKinds = [
  'file', 'module', 'namespace', 'package', 'class', 'method', 'property', 'field', 'constructor', 'enum', 'interface', 'function', 'variable',
  'constant', 'string', 'number', 'boolean', 'array', 'object', 'key', 'null', 'enumMember', 'struct', 'event', 'operator', 'typeParameter',
] as const;
export type SymbolKindName = (typeof symbolKinds)[number];

export interface DocumentSymbol {
  name: string;
  detail?: string | undefined;
  kind: SymbolKindName;
  range: TextRange;
  /** The name's range, where the cursor goes. */
  selectionRange: TextRange;
  children: DocumentSymbol[];
}
export const documentSymbolSchema: z.ZodType<DocumentSymbol> = z.lazy(() =>
  z.object({
    name: z.string(),
    detail: z.string().optional(),
    kind: z.enum(symbolKinds),
    range: textRangeSchema,
    selectionRange: textRangeSchema,
    children: z.array(documentSymbolSchema),
  }),
);

export const workspaceSymbolSchema = z.object({
  name: z.string(),
  kind: z.enum(symbolKinds),
  containerName: z.string().optional(),
  location: locationSchema,
});
export type WorkspaceSymbol = z.infer<typeof workspaceSymbolSchema>;

export const locationKinds = ['definition', 'declaration', 'typeDefinition', 'implementation', 'references'] as const;
export type LocationKind = (typeof locationKinds)[number];

export const formattingOptionsSchema = z.object({
  tabSize: z.number().int().min(1).max(16),
  insertSpaces: z.boolean(),
});

export const codeActionSchema = z.object({
  /** Names the action for `applyCodeAction` (valid until the next code action request for the file). */
  id: z.number().int().nonnegative(),
  title: z.string(),
  /** `quickfix`, `refactor.extract`, `source.organizeImports`… */
  kind: z.string().optional(),
  preferred: z.boolean(),
  /** Why it cannot be applied here. */
  disabledReason: z.string().optional(),
  /** The diagnostics (messages) it fixes. */
  fixes: z.array(z.string()),
});
export type CodeAction = z.infer<typeof codeActionSchema>;

export const inlayHintSchema = z.object({
  position: textPositionSchema,
  label: z.string(),
  kind: z.enum(['type', 'parameter']).optional(),
  paddingLeft: z.boolean(),
  paddingRight: z.boolean(),
  tooltip: z.string().optional(),
});
export type InlayHint = z.infer<typeof inlayHintSchema>;

export const documentHighlightSchema = z.object({ range: textRangeSchema, kind: z.enum(['text', 'read', 'write']) });
export type DocumentHighlight = z.infer<typeof documentHighlightSchema>;

export const foldingRangeSchema = z.object({
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  kind: z.enum(['comment', 'imports', 'region']).optional(),
});
export type FoldingRange = z.infer<typeof foldingRangeSchema>;

export const languageService = {
  /** Every configured server (presets and settings) with its state, in the order they are tried. */
  servers: method(z.void(), z.array(languageServerStatusSchema)),
  /** A server started, stopped, crashed, was found missing, or reported progress. */
  onDidChangeServers: event(z.object({ servers: z.array(languageServerStatusSchema) })),
  /** Restarts a server by hand (also one that gave up after repeated crashes). NOT_FOUND for an unknown id. */
  restartServer: method(z.object({ server: languageServerIdSchema }), z.void()),
  /** A server's log: what it wrote to stderr, its lifecycle, and traced messages; the recent lines first, then live. */
  serverLog: stream(z.object({ server: languageServerIdSchema }), z.object({ lines: z.array(z.string()) })),

  /**
   * An editor opened a file: the server for its language starts (in a trusted folder) and receives the
   * text. Resolves to the server that serves it, or null when none does (see `servers` for why).
   */
  openDocument: method(
    documentInput.extend({ languageId: z.string().min(1).max(100), version: documentVersionSchema, text: z.string().max(64 * 1024 * 1024) }),
    z.object({ server: languageServerIdSchema.nullable() }),
  ),
  /** Edits made to an open file since `version - 1`, in order. */
  changeDocument: method(documentInput.extend({ version: documentVersionSchema, changes: z.array(textDocumentChangeSchema).max(10_000) }), z.void()),
  saveDocument: method(documentInput, z.void()),
  closeDocument: method(documentInput, z.void()),
  /** The diagnostics a server holds for a file now (an empty list clears them). */
  onDidPublishDiagnostics: event(z.object({ server: languageServerIdSchema, path: z.string(), diagnostics: z.array(diagnosticSchema) })),

  completion: method(
    positionInput.extend({ triggerCharacter: z.string().max(8).optional(), incompleteRetrigger: z.boolean().default(false) }),
    completionListSchema,
  ),
  resolveCompletion: method(documentInput.extend({ id: z.number().int().nonnegative() }), completionItemSchema),
  hover: method(positionInput, hoverSchema.nullable()),
  signatureHelp: method(
    positionInput.extend({ triggerCharacter: z.string().max(8).optional(), isRetrigger: z.boolean().default(false) }),
    signatureHelpSchema.nullable(),
  ),
  /** Definition, declaration, type definition, implementations or references of the symbol at a position. */
  locations: method(positionInput.extend({ kind: z.enum(locationKinds), includeDeclaration: z.boolean().default(true) }), z.array(locationSchema)),
  documentHighlights: method(positionInput, z.array(documentHighlightSchema)),
  documentSymbols: method(documentInput, z.array(documentSymbolSchema)),
  /** Symbols matching a query across the workspace, from every running server that can search them. */
  workspaceSymbols: method(z.object({ query: z.string().max(1000) }), z.array(workspaceSymbolSchema)),
  /** Whether the symbol at a position can be renamed: its range and current name, or null. */
  prepareRename: method(positionInput, z.object({ range: textRangeSchema, placeholder: z.string() }).nullable()),
  /** The edits that rename the symbol at a position, across files; nothing is applied by the host. */
  rename: method(positionInput.extend({ newName: z.string().min(1).max(1000) }), workspaceEditSchema),
  /** Edits that format the file, or only `range` of it. */
  format: method(documentInput.extend({ range: textRangeSchema.optional(), options: formattingOptionsSchema }), z.array(textEditSchema)),
  /** Quick fixes and refactorings for a range; `only` narrows them by kind (`quickfix`, `source`). */
  codeActions: method(documentInput.extend({ range: textRangeSchema, only: z.string().max(100).optional() }), z.array(codeActionSchema)),
  /** The edit a code action makes, after resolving it and running its command on the server. */
  applyCodeAction: method(documentInput.extend({ id: z.number().int().nonnegative() }), workspaceEditSchema),
  inlayHints: method(documentInput.extend({ range: textRangeSchema }), z.array(inlayHintSchema)),
  /** The file's semantic tokens in LSP's relative encoding (5 integers per token), against the server's legend. */
  semanticTokens: method(documentInput, z.object({ data: z.array(z.number().int().nonnegative()) }).nullable()),
  foldingRanges: method(documentInput, z.array(foldingRangeSchema)),
} as const;
