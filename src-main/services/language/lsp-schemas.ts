import { z } from 'zod';

/*
 * The parts of LSP 3.17 answers that Lathe reads, checked as they arrive from a server: a server is a
 * separate program, and what it sends crosses into the contract only through these shapes. Optional
 * fields accept null as well, since servers send either.
 */

const uint = z.number().int().nonnegative();

export const lspPositionSchema = z.object({ line: uint, character: uint });
export type LspPosition = z.infer<typeof lspPositionSchema>;
export const lspRangeSchema = z.object({ start: lspPositionSchema, end: lspPositionSchema });
export type LspRange = z.infer<typeof lspRangeSchema>;

export const lspLocationSchema = z.object({ uri: z.string(), range: lspRangeSchema });
const locationLinkSchema = z.object({ targetUri: z.string(), targetRange: lspRangeSchema, targetSelectionRange: lspRangeSchema });
export const lspLocationsSchema = z
  .union([lspLocationSchema, z.array(z.union([lspLocationSchema, locationLinkSchema]))])
  .nullish();

export const lspTextEditSchema = z.object({ range: lspRangeSchema, newText: z.string() });
export type LspTextEdit = z.infer<typeof lspTextEditSchema>;

const markupSchema = z.union([
  z.string(),
  z.object({ kind: z.string(), value: z.string() }),
  // MarkedString with a language: a code block.
  z.object({ language: z.string(), value: z.string() }),
]);
export type LspMarkup = z.infer<typeof markupSchema>;

export const lspHoverSchema = z.object({ contents: z.union([markupSchema, z.array(markupSchema)]), range: lspRangeSchema.nullish() }).nullish();

const insertReplaceEditSchema = z.object({ newText: z.string(), insert: lspRangeSchema, replace: lspRangeSchema });

export const lspCompletionItemSchema = z.object({
  label: z.string(),
  kind: z.number().int().nullish(),
  tags: z.array(z.number().int()).nullish(),
  detail: z.string().nullish(),
  labelDetails: z.object({ detail: z.string().nullish(), description: z.string().nullish() }).nullish(),
  documentation: markupSchema.nullish(),
  deprecated: z.boolean().nullish(),
  preselect: z.boolean().nullish(),
  sortText: z.string().nullish(),
  filterText: z.string().nullish(),
  insertText: z.string().nullish(),
  insertTextFormat: z.number().int().nullish(),
  textEdit: z.union([lspTextEditSchema, insertReplaceEditSchema]).nullish(),
  textEditText: z.string().nullish(),
  additionalTextEdits: z.array(lspTextEditSchema).nullish(),
  commitCharacters: z.array(z.string()).nullish(),
});
export type LspCompletionItem = z.infer<typeof lspCompletionItemSchema>;

export const lspCompletionListDefaultsSchema = z.object({
  editRange: z.union([lspRangeSchema, z.object({ insert: lspRangeSchema, replace: lspRangeSchema })]).nullish(),
  insertTextFormat: z.number().int().nullish(),
  commitCharacters: z.array(z.string()).nullish(),
});
export type LspCompletionListDefaults = z.infer<typeof lspCompletionListDefaultsSchema>;

/** Items stay raw (unknown) here: each is parsed on its own, and sent back as it came for resolving. */
export const lspCompletionResultSchema = z
  .union([
    z.array(z.unknown()),
    z.object({ isIncomplete: z.boolean().nullish(), items: z.array(z.unknown()), itemDefaults: lspCompletionListDefaultsSchema.nullish() }),
  ])
  .nullish();

const parameterSchema = z.object({ label: z.union([z.string(), z.tuple([uint, uint])]), documentation: markupSchema.nullish() });
export const lspSignatureHelpSchema = z
  .object({
    signatures: z.array(
      z.object({
        label: z.string(),
        documentation: markupSchema.nullish(),
        parameters: z.array(parameterSchema).nullish(),
        activeParameter: z.number().int().nullish(),
      }),
    ),
    activeSignature: z.number().int().nullish(),
    activeParameter: z.number().int().nullish(),
  })
  .nullish();

export interface LspDocumentSymbol {
  name: string;
  detail?: string | null | undefined;
  kind: number;
  range: LspRange;
  selectionRange: LspRange;
  children?: LspDocumentSymbol[] | null | undefined;
}
const documentSymbolSchema: z.ZodType<LspDocumentSymbol> = z.lazy(() =>
  z.object({
    name: z.string(),
    detail: z.string().nullish(),
    kind: z.number().int(),
    range: lspRangeSchema,
    selectionRange: lspRangeSchema,
    children: z.array(documentSymbolSchema).nullish(),
  }),
);
export const lspSymbolInformationSchema = z.object({
  name: z.string(),
  kind: z.number().int(),
  containerName: z.string().nullish(),
  location: z.union([lspLocationSchema, z.object({ uri: z.string() })]),
});
export type LspSymbolInformation = z.infer<typeof lspSymbolInformationSchema>;
export const lspDocumentSymbolsSchema = z.union([z.array(documentSymbolSchema), z.array(lspSymbolInformationSchema)]).nullish();
export const lspWorkspaceSymbolsSchema = z.array(lspSymbolInformationSchema).nullish();

const annotatedEditSchema = lspTextEditSchema.extend({ annotationId: z.string().nullish() });
const textDocumentEditSchema = z.object({
  textDocument: z.object({ uri: z.string(), version: z.number().int().nullish() }),
  edits: z.array(annotatedEditSchema),
});
/** File creations, renames and deletions: recognised so they can be refused by name. */
const resourceOperationSchema = z.object({ kind: z.enum(['create', 'rename', 'delete']) });
export const lspWorkspaceEditSchema = z.object({
  changes: z.record(z.string(), z.array(lspTextEditSchema)).nullish(),
  documentChanges: z.array(z.union([textDocumentEditSchema, resourceOperationSchema])).nullish(),
});
export type LspWorkspaceEdit = z.infer<typeof lspWorkspaceEditSchema>;

export const lspPrepareRenameSchema = z
  .union([lspRangeSchema, z.object({ range: lspRangeSchema, placeholder: z.string() }), z.object({ defaultBehavior: z.boolean() })])
  .nullish();

export const lspTextEditsSchema = z.array(lspTextEditSchema).nullish();

export const lspCommandSchema = z.object({ title: z.string(), command: z.string(), arguments: z.array(z.unknown()).nullish() });
export type LspCommand = z.infer<typeof lspCommandSchema>;

export const lspDiagnosticSchema = z.object({
  range: lspRangeSchema,
  severity: z.number().int().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  source: z.string().nullish(),
  message: z.string(),
  tags: z.array(z.number().int()).nullish(),
  relatedInformation: z.array(z.object({ location: lspLocationSchema, message: z.string() })).nullish(),
});
export type LspDiagnostic = z.infer<typeof lspDiagnosticSchema>;

export const lspPublishDiagnosticsSchema = z.object({ uri: z.string(), diagnostics: z.array(z.unknown()) });

export const lspCodeActionSchema = z.object({
  title: z.string(),
  kind: z.string().nullish(),
  diagnostics: z.array(lspDiagnosticSchema).nullish(),
  isPreferred: z.boolean().nullish(),
  disabled: z.object({ reason: z.string() }).nullish(),
  edit: lspWorkspaceEditSchema.nullish(),
  command: lspCommandSchema.nullish(),
});
export type LspCodeAction = z.infer<typeof lspCodeActionSchema>;
/** A bare Command, or a CodeAction; kept raw so it can be resolved as it came. */
export const lspCodeActionsSchema = z.array(z.unknown()).nullish();

const inlayLabelPartSchema = z.object({ value: z.string(), tooltip: markupSchema.nullish() });
export const lspInlayHintsSchema = z
  .array(
    z.object({
      position: lspPositionSchema,
      label: z.union([z.string(), z.array(inlayLabelPartSchema)]),
      kind: z.number().int().nullish(),
      tooltip: markupSchema.nullish(),
      paddingLeft: z.boolean().nullish(),
      paddingRight: z.boolean().nullish(),
    }),
  )
  .nullish();

export const lspSemanticTokensSchema = z.object({ data: z.array(uint) }).nullish();

export const lspDocumentHighlightsSchema = z.array(z.object({ range: lspRangeSchema, kind: z.number().int().nullish() })).nullish();

export const lspFoldingRangesSchema = z
  .array(z.object({ startLine: uint, endLine: uint, kind: z.string().nullish() }))
  .nullish();

export const lspProgressSchema = z.object({
  token: z.union([z.string(), z.number()]),
  value: z.object({
    kind: z.enum(['begin', 'report', 'end']),
    title: z.string().nullish(),
    message: z.string().nullish(),
    percentage: z.number().nullish(),
  }),
});

export const lspShowMessageSchema = z.object({ type: z.number().int(), message: z.string() });

export const lspConfigurationParamsSchema = z.object({ items: z.array(z.object({ section: z.string().nullish() })) });

const fileSystemWatcherSchema = z.object({
  globPattern: z.union([z.string(), z.object({ baseUri: z.union([z.string(), z.object({ uri: z.string() })]), pattern: z.string() })]),
  kind: z.number().int().nullish(),
});
export const lspRegistrationParamsSchema = z.object({
  registrations: z.array(
    z.object({
      id: z.string(),
      method: z.string(),
      registerOptions: z.object({ watchers: z.array(fileSystemWatcherSchema).nullish() }).nullish(),
    }),
  ),
});
export const lspUnregistrationParamsSchema = z.object({ unregisterations: z.array(z.object({ id: z.string(), method: z.string() })) });
export type LspFileSystemWatcher = z.infer<typeof fileSystemWatcherSchema>;
