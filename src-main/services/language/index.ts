import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  LatheError,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type FileChange,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type LanguageFeatures,
  type LanguageServerStatus,
  type Location,
  type LocationKind,
  type SignatureHelp,
  type TextDocumentChange,
  type TextEdit,
  type TextPosition,
  type TextRange,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from '../../../src-shared/contract';
import { Emitter } from '../../lib/emitter';
import { fromLspDiagnostic, fromLspLocations, fromLspRange, fromLspTextEdit, fromLspWorkspaceEdit, toLspPosition, toLspRange } from './convert';
import {
  fromLspCompletionItem,
  fromLspDocumentHighlights,
  fromLspDocumentSymbol,
  fromLspFoldingRanges,
  fromLspHover,
  fromLspInlayHints,
  fromLspSignatureHelp,
  fromLspSymbolInformation,
  fromLspWorkspaceSymbol,
} from './convert-features';
import type { CrashPolicyOptions } from '../../../src-shared/crash-policy';
import { defaultCrashPolicy } from './crash-policy';
import { discoverCommand, rustupWhich, type Discovery, type RustupWhich } from './discover-command';
import { DocumentText } from './document-text';
import { LanguageServer } from './language-server';
import {
  lspCodeActionSchema,
  lspCodeActionsSchema,
  lspCommandSchema,
  lspCompletionItemSchema,
  lspCompletionResultSchema,
  lspDiagnosticSchema,
  lspDocumentHighlightsSchema,
  lspDocumentSymbolsSchema,
  lspFoldingRangesSchema,
  lspHoverSchema,
  lspInlayHintsSchema,
  lspLocationsSchema,
  lspPrepareRenameSchema,
  lspSemanticTokensSchema,
  lspSignatureHelpSchema,
  lspTextEditsSchema,
  lspWorkspaceEditSchema,
  lspWorkspaceSymbolsSchema,
  type LspCompletionListDefaults,
  type LspDiagnostic,
} from './lsp-schemas';
import { codeActionResolveOf } from './server-features';
import { protocolLanguageId, serverDefinitions, type LanguageSettings, type ServerDefinition } from './server-definitions';
import { ServerLog } from './server-log';

export { serverDefinitions, type LanguageSettings, type ServerDefinition } from './server-definitions';
export { discoverCommand, type RustupWhich } from './discover-command';

/** The workspace's path guard, as far as language servers need it (structurally the workspace service's PathGuard). */
export interface LanguageGuard {
  readonly root: string;
  normalize(path: string): string;
  resolve(path: string): Promise<string>;
  toRelative(absolute: string): string;
  contains(absolute: string): boolean;
}

export interface LanguageServiceOptions {
  /** Null when no folder is open: no server runs then. */
  guard: LanguageGuard | null;
  /** Servers run only in a trusted folder. */
  trusted: boolean;
  settings: () => LanguageSettings;
  version: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** How long a server with no open file keeps running. */
  idleStopMs?: number;
  crashPolicy?: CrashPolicyOptions;
  rustupWhich?: RustupWhich;
}

interface OpenDocument {
  uri: string;
  /** The editor's language id (what routing looks at). */
  editorLanguageId: string;
  /** The id the server is told. */
  languageId: string;
  text: DocumentText;
  /** The server that has it, or null when none serves it. */
  server: string | null;
}

const defaultIdleStopMs = 60_000;
const workspaceSymbolLimit = 500;
/** An identifier under the cursor, for servers that cannot say what a rename would rename. */
const wordPattern = /[\p{L}\p{N}_$]+/gu;

/**
 * The language-server manager: picks a server for each open file from presets and settings, starts it
 * on demand (in a trusted folder), keeps the files' text in step, and answers the editor's questions
 * in the contract's terms (workspace paths, 1-based positions), never in the protocol's.
 */
export class LanguageService {
  private settings: LanguageSettings;
  private definitions: ServerDefinition[];
  private readonly servers = new Map<string, LanguageServer>();
  private readonly discoveries = new Map<string, Promise<Discovery>>();
  /** Discoveries that have finished, for the synchronous status. */
  private readonly settledDiscoveries = new Map<string, Discovery>();
  private readonly logs = new Map<string, ServerLog>();
  private readonly documents = new Map<string, OpenDocument>();
  /** Diagnostics as each server published them: code actions are asked with them. */
  private readonly published = new Map<string, Map<string, { raw: unknown; parsed: LspDiagnostic }[]>>();
  private readonly completions = new Map<string, { items: unknown[]; defaults: LspCompletionListDefaults | null | undefined }>();
  private readonly codeActions = new Map<string, unknown[]>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly serversChanged = new Emitter<{ servers: LanguageServerStatus[] }>();
  private readonly diagnosticsPublished = new Emitter<{ server: string; path: string; diagnostics: Diagnostic[] }>();
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  readonly onDidChangeServers = this.serversChanged.event;
  readonly onDidPublishDiagnostics = this.diagnosticsPublished.event;

  constructor(private readonly options: LanguageServiceOptions) {
    this.settings = options.settings();
    this.definitions = serverDefinitions(this.settings);
  }

  statuses(): LanguageServerStatus[] {
    return this.definitions.map((definition) => this.statusOf(definition));
  }

  /** The statuses once every enabled server's program has been looked for: missing ones say so before a file needs them. */
  async listServers(): Promise<LanguageServerStatus[]> {
    if (this.options.trusted && this.options.guard) {
      await Promise.all(this.definitions.filter((definition) => definition.enabled && !definition.problem).map((definition) => this.discover(definition)));
    }
    return this.statuses();
  }

  log(serverId: string): ServerLog {
    this.requireDefinition(serverId);
    let log = this.logs.get(serverId);
    if (!log) {
      log = new ServerLog();
      this.logs.set(serverId, log);
    }
    return log;
  }

  /** Starts a server again by hand; one that was missing is looked for again (it may have been installed since). */
  async restartServer(serverId: string): Promise<void> {
    const definition = this.requireDefinition(serverId);
    const server = this.servers.get(serverId);
    if (server) {
      await server.restart().catch(() => undefined);
    } else {
      this.discoveries.delete(serverId);
      this.settledDiscoveries.delete(serverId);
      await this.discover(definition);
      await this.reroute();
    }
    this.fireStatus();
  }

  /**
   * Settings changed: servers whose definition (or the trace level) changed are stopped, programs are
   * looked for again, and files go to the server that serves them now.
   */
  async settingsChanged(): Promise<void> {
    const settings = this.options.settings();
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return;
    const traceChanged = settings['languageServers.trace'] !== this.settings['languageServers.trace'];
    this.settings = settings;
    const next = serverDefinitions(settings);
    const nextById = new Map(next.map((definition) => [definition.id, definition]));
    this.definitions = next;
    this.discoveries.clear();
    this.settledDiscoveries.clear();
    for (const [id, server] of [...this.servers]) {
      const definition = nextById.get(id);
      if (traceChanged || !definition || JSON.stringify(definition) !== JSON.stringify(server.definition)) await this.stopServer(id);
    }
    await this.reroute();
    await this.listServers();
    this.fireStatus();
  }

  async openDocument(path: string, editorLanguageId: string, version: number, text: string): Promise<{ server: string | null }> {
    const guard = this.requireGuard();
    const normalized = guard.normalize(path);
    this.closeDocument(normalized);
    // Kept at once, so edits that arrive while the path is checked on disk are not lost.
    const document: OpenDocument = {
      uri: pathToFileURL(join(guard.root, normalized)).href,
      editorLanguageId,
      languageId: protocolLanguageId(normalized, editorLanguageId),
      text: new DocumentText(text, version),
      server: null,
    };
    this.documents.set(normalized, document);
    try {
      await guard.resolve(normalized);
    } catch (error) {
      if (this.documents.get(normalized) === document) this.documents.delete(normalized);
      throw error;
    }
    await this.attach(normalized, document);
    return { server: document.server };
  }

  /** Applied in order to the host's copy, then sent the way the server wants them. */
  changeDocument(path: string, version: number, changes: readonly TextDocumentChange[]): void {
    const normalized = this.requireGuard().normalize(path);
    const document = this.documents.get(normalized);
    if (!document) return;
    document.text.apply(changes, version);
    this.completions.delete(normalized);
    this.codeActions.delete(normalized);
    this.serverOf(document)?.changeDocument(document.uri, version, changes, () => document.text.text);
  }

  saveDocument(path: string): void {
    const document = this.documents.get(this.requireGuard().normalize(path));
    if (document) this.serverOf(document)?.saveDocument(document.uri, () => document.text.text);
  }

  closeDocument(path: string): void {
    const normalized = this.requireGuard().normalize(path);
    const document = this.documents.get(normalized);
    if (!document) return;
    this.documents.delete(normalized);
    this.completions.delete(normalized);
    this.codeActions.delete(normalized);
    this.serverOf(document)?.closeDocument(document.uri);
    if (document.server) this.stopWhenIdle(document.server);
  }

  /** Files changed on disk: each server hears about those it registered a watcher for. */
  filesChanged(changes: readonly FileChange[]): void {
    const guard = this.options.guard;
    if (!guard) return;
    const types = { created: 1, changed: 2, deleted: 3 } as const;
    for (const server of this.servers.values()) {
      if (server.state !== 'running') continue;
      const wanted = changes.flatMap((change) => {
        const absolute = join(guard.root, change.path);
        return server.watchedFiles.wants(absolute) ? [{ uri: pathToFileURL(absolute).href, type: types[change.kind] }] : [];
      });
      if (wanted.length > 0) server.notify('workspace/didChangeWatchedFiles', { changes: wanted });
    }
  }

  async completion(path: string, position: TextPosition, triggerCharacter: string | undefined, incompleteRetrigger: boolean, signal: AbortSignal): Promise<CompletionList> {
    const target = this.featureTarget(path, (features) => features.completion !== null);
    if (!target) return { incomplete: false, items: [] };
    const result = await target.server.request(
      'textDocument/completion',
      {
        ...this.positionParams(target.document, position),
        context: { triggerKind: incompleteRetrigger ? 3 : triggerCharacter ? 2 : 1, ...(triggerCharacter ? { triggerCharacter } : {}) },
      },
      lspCompletionResultSchema,
      signal,
    );
    const rawItems = Array.isArray(result) ? result : (result?.items ?? []);
    const defaults = Array.isArray(result) ? undefined : result?.itemDefaults;
    const kept: unknown[] = [];
    const items: CompletionItem[] = [];
    for (const raw of rawItems) {
      const parsed = lspCompletionItemSchema.safeParse(raw);
      if (!parsed.success) continue;
      items.push(fromLspCompletionItem(parsed.data, kept.length, defaults));
      kept.push(raw);
    }
    this.completions.set(target.path, { items: kept, defaults });
    return { incomplete: !Array.isArray(result) && result?.isIncomplete === true, items };
  }

  async resolveCompletion(path: string, id: number, signal: AbortSignal): Promise<CompletionItem> {
    const { server, path: normalized } = this.requireTarget(path);
    const cached = this.completions.get(normalized);
    const raw = cached?.items[id];
    if (!cached || raw === undefined) throw new LatheError('NOT_FOUND', `No completion item ${String(id)} for ${path}`);
    const resolved = server.features?.completion?.resolve ? await server.request('completionItem/resolve', raw, lspCompletionItemSchema, signal) : lspCompletionItemSchema.parse(raw);
    return fromLspCompletionItem(resolved, id, cached.defaults);
  }

  async hover(path: string, position: TextPosition, signal: AbortSignal): Promise<Hover | null> {
    const target = this.featureTarget(path, (features) => features.hover);
    if (!target) return null;
    return fromLspHover(await target.server.request('textDocument/hover', this.positionParams(target.document, position), lspHoverSchema, signal));
  }

  async signatureHelp(path: string, position: TextPosition, triggerCharacter: string | undefined, isRetrigger: boolean, signal: AbortSignal): Promise<SignatureHelp | null> {
    const target = this.featureTarget(path, (features) => features.signatureHelp !== null);
    if (!target) return null;
    const context = { triggerKind: triggerCharacter ? 2 : isRetrigger ? 3 : 1, isRetrigger, ...(triggerCharacter ? { triggerCharacter } : {}) };
    const result = await target.server.request('textDocument/signatureHelp', { ...this.positionParams(target.document, position), context }, lspSignatureHelpSchema, signal);
    return fromLspSignatureHelp(result);
  }

  async locations(path: string, position: TextPosition, kind: LocationKind, includeDeclaration: boolean, signal: AbortSignal): Promise<Location[]> {
    const target = this.featureTarget(path, (features) => features[kind]);
    if (!target) return [];
    const params = { ...this.positionParams(target.document, position), ...(kind === 'references' ? { context: { includeDeclaration } } : {}) };
    const result = await target.server.request(`textDocument/${kind}`, params, lspLocationsSchema, signal);
    return fromLspLocations(result, this.uriToPath);
  }

  async documentHighlights(path: string, position: TextPosition, signal: AbortSignal): Promise<DocumentHighlight[]> {
    const target = this.featureTarget(path, (features) => features.documentHighlights);
    if (!target) return [];
    return fromLspDocumentHighlights(await target.server.request('textDocument/documentHighlight', this.positionParams(target.document, position), lspDocumentHighlightsSchema, signal));
  }

  async documentSymbols(path: string, signal: AbortSignal): Promise<DocumentSymbol[]> {
    const target = this.featureTarget(path, (features) => features.documentSymbols);
    if (!target) return [];
    const result = await target.server.request('textDocument/documentSymbol', { textDocument: { uri: target.document.uri } }, lspDocumentSymbolsSchema, signal);
    return (result ?? []).flatMap((symbol) => {
      if ('selectionRange' in symbol) return [fromLspDocumentSymbol(symbol)];
      const flat = fromLspSymbolInformation(symbol);
      return flat ? [flat] : [];
    });
  }

  /** Asks every running server that can search symbols; one that fails is left out. */
  async workspaceSymbols(query: string, signal: AbortSignal): Promise<WorkspaceSymbol[]> {
    const searching = [...this.servers.values()].filter((server) => server.features?.workspaceSymbols);
    const answers = await Promise.all(
      searching.map((server) => server.request('workspace/symbol', { query }, lspWorkspaceSymbolsSchema, signal).catch(() => null)),
    );
    return answers
      .flatMap((symbols) => (symbols ?? []).map((symbol) => fromLspWorkspaceSymbol(symbol, this.uriToPath)))
      .filter((symbol): symbol is WorkspaceSymbol => symbol !== null)
      .slice(0, workspaceSymbolLimit);
  }

  async prepareRename(path: string, position: TextPosition, signal: AbortSignal): Promise<{ range: TextRange; placeholder: string } | null> {
    const target = this.featureTarget(path, (features) => features.rename !== null);
    if (!target) return null;
    const { document, server } = target;
    const word = wordAt(document.text, position);
    if (!server.features?.rename?.prepare) return word;
    const result = await server.request('textDocument/prepareRename', this.positionParams(document, position), lspPrepareRenameSchema, signal);
    if (!result) return null;
    if ('defaultBehavior' in result) return result.defaultBehavior ? word : null;
    if ('placeholder' in result) return { range: fromLspRange(result.range), placeholder: result.placeholder };
    const range = fromLspRange(result);
    return { range, placeholder: document.text.text.slice(document.text.offsetAt(range.start), document.text.offsetAt(range.end)) };
  }

  async rename(path: string, position: TextPosition, newName: string, signal: AbortSignal): Promise<WorkspaceEdit> {
    const target = this.featureTarget(path, (features) => features.rename !== null);
    if (!target) throw new LatheError('UNSUPPORTED', `No language server can rename in ${path}`);
    const edit = await target.server.request('textDocument/rename', { ...this.positionParams(target.document, position), newName }, lspWorkspaceEditSchema.nullish(), signal);
    return edit ? fromLspWorkspaceEdit(edit, this.uriToPath) : { files: [] };
  }

  async format(path: string, range: TextRange | undefined, options: { tabSize: number; insertSpaces: boolean }, signal: AbortSignal): Promise<TextEdit[]> {
    const target = this.featureTarget(path, (features) => (range ? features.rangeFormatting : features.formatting));
    if (!target) return [];
    const method = range ? 'textDocument/rangeFormatting' : 'textDocument/formatting';
    const params = { textDocument: { uri: target.document.uri }, options: { ...options, trimTrailingWhitespace: true, insertFinalNewline: true }, ...(range ? { range: toLspRange(range) } : {}) };
    return (await target.server.request(method, params, lspTextEditsSchema, signal) ?? []).map(fromLspTextEdit);
  }

  async codeActionList(path: string, range: TextRange, only: string | undefined, signal: AbortSignal): Promise<CodeAction[]> {
    const target = this.featureTarget(path, (features) => features.codeActions);
    if (!target) return [];
    const diagnostics = (this.published.get(target.server.id)?.get(target.path) ?? []).filter(({ parsed }) => overlaps(fromLspRange(parsed.range), range));
    const result = await target.server.request(
      'textDocument/codeAction',
      { textDocument: { uri: target.document.uri }, range: toLspRange(range), context: { diagnostics: diagnostics.map(({ raw }) => raw), triggerKind: 1, ...(only ? { only: [only] } : {}) } },
      lspCodeActionsSchema,
      signal,
    );
    const kept: unknown[] = [];
    const actions: CodeAction[] = [];
    for (const raw of result ?? []) {
      const summary = summarizeCodeAction(raw, kept.length);
      if (!summary) continue;
      actions.push(summary);
      kept.push(raw);
    }
    this.codeActions.set(target.path, kept);
    return actions;
  }

  /** The edits of a code action: its own, those its resolution adds, and those its command asks to apply. */
  async applyCodeAction(path: string, id: number, signal: AbortSignal): Promise<WorkspaceEdit> {
    const { server, path: normalized } = this.requireTarget(path);
    const raw = this.codeActions.get(normalized)?.[id];
    if (raw === undefined) throw new LatheError('NOT_FOUND', `No code action ${String(id)} for ${path}`);
    const bareCommand = lspCommandSchema.safeParse(raw);
    let action = bareCommand.success ? { title: bareCommand.data.title, command: bareCommand.data } : lspCodeActionSchema.parse(raw);
    if (!bareCommand.success && !('edit' in action && action.edit) && server.capabilities && codeActionResolveOf(server.capabilities)) {
      action = await server.request('codeAction/resolve', raw, lspCodeActionSchema, signal);
    }
    const edits = 'edit' in action && action.edit ? [action.edit] : [];
    const command = action.command;
    if (command) {
      edits.push(...(await server.collectEdits(async () => {
        await server.request('workspace/executeCommand', { command: command.command, arguments: command.arguments ?? [] }, anyResult, signal);
      })));
    }
    return { files: edits.flatMap((edit) => fromLspWorkspaceEdit(edit, this.uriToPath).files) };
  }

  async inlayHints(path: string, range: TextRange, signal: AbortSignal): Promise<InlayHint[]> {
    const target = this.featureTarget(path, (features) => features.inlayHints);
    if (!target) return [];
    return fromLspInlayHints(await target.server.request('textDocument/inlayHint', { textDocument: { uri: target.document.uri }, range: toLspRange(range) }, lspInlayHintsSchema, signal));
  }

  async semanticTokens(path: string, signal: AbortSignal): Promise<{ data: number[] } | null> {
    const target = this.featureTarget(path, (features) => features.semanticTokens !== null);
    if (!target) return null;
    const result = await target.server.request('textDocument/semanticTokens/full', { textDocument: { uri: target.document.uri } }, lspSemanticTokensSchema, signal);
    return result ? { data: result.data } : null;
  }

  async foldingRanges(path: string, signal: AbortSignal): Promise<FoldingRange[]> {
    const target = this.featureTarget(path, (features) => features.foldingRanges);
    if (!target) return [];
    return fromLspFoldingRanges(await target.server.request('textDocument/foldingRange', { textDocument: { uri: target.document.uri } }, lspFoldingRangesSchema, signal));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.statusTimer);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    await Promise.all([...this.servers.values()].map((server) => server.stop()));
    this.servers.clear();
    for (const log of this.logs.values()) log.dispose();
    this.serversChanged.dispose();
    this.diagnosticsPublished.dispose();
  }

  private readonly uriToPath = (uri: string): string | null => {
    const guard = this.options.guard;
    if (!guard || !uri.startsWith('file:')) return null;
    let absolute: string;
    try {
      absolute = fileURLToPath(uri);
    } catch {
      return null;
    }
    return guard.contains(absolute) ? guard.toRelative(absolute) : null;
  };

  private statusOf(definition: ServerDefinition): LanguageServerStatus {
    const base = { id: definition.id, name: definition.name, languages: definition.languages, command: null, pid: null, restarts: 0, progress: null, features: null };
    const server = this.servers.get(definition.id);
    if (server) {
      return {
        ...base,
        state: server.state,
        message: server.message,
        command: this.executableOf(definition.id),
        pid: server.pid,
        restarts: server.restarts,
        progress: server.progress,
        features: server.features,
      };
    }
    if (!definition.enabled) return { ...base, state: 'disabled', message: `${definition.name} is turned off in languageServers.servers.` };
    if (definition.problem) return { ...base, state: 'disabled', message: definition.problem };
    if (!this.options.trusted) return { ...base, state: 'disabled', message: 'Language servers run only in a trusted folder.' };
    const discovery = this.settledDiscoveries.get(definition.id);
    if (discovery?.kind === 'missing') return { ...base, state: 'missing', message: discovery.message };
    return { ...base, state: 'stopped', message: null, command: discovery?.kind === 'found' ? discovery.path : null };
  }

  private executableOf(id: string): string | null {
    const discovery = this.settledDiscoveries.get(id);
    return discovery?.kind === 'found' ? discovery.path : null;
  }

  private discover(definition: ServerDefinition): Promise<Discovery> {
    let pending = this.discoveries.get(definition.id);
    if (!pending) {
      pending = discoverCommand(definition, this.env, this.options.rustupWhich ?? rustupWhich).then((discovery) => {
        this.settledDiscoveries.set(definition.id, discovery);
        if (discovery.kind === 'missing') this.log(definition.id).append(discovery.message);
        return discovery;
      });
      this.discoveries.set(definition.id, pending);
    }
    return pending;
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  /** The first enabled server for the file whose program is found; null (and the reason in its status) otherwise. */
  private async chooseServer(path: string, document: OpenDocument): Promise<{ definition: ServerDefinition; executable: string } | null> {
    if (!this.options.trusted) return null;
    const candidates = this.definitions.filter(
      (definition) =>
        definition.enabled &&
        !definition.problem &&
        (definition.languages.includes(document.editorLanguageId) || (definition.filePatterns.length > 0 && picomatch(definition.filePatterns, { dot: true })(path))),
    );
    for (const definition of candidates) {
      const discovery = await this.discover(definition);
      if (discovery.kind === 'found') return { definition, executable: discovery.path };
    }
    if (candidates.length > 0) this.fireStatus();
    return null;
  }

  /** Gives a file to the server that should have it, starting that server if needed. */
  private async attach(path: string, document: OpenDocument): Promise<void> {
    const choice = await this.chooseServer(path, document);
    if (this.documents.get(path) !== document || !choice) return;
    const server = this.ensureServer(choice.definition, choice.executable);
    document.server = server.id;
    clearTimeout(this.idleTimers.get(server.id));
    try {
      await server.start();
    } catch {
      // The status says why; the file stays without a server.
      return;
    }
    if (this.documents.get(path) === document) server.openDocument(this.snapshot(document));
  }

  /** After settings change or a server is found: each file moves to the server that serves it now. */
  private async reroute(): Promise<void> {
    await Promise.all(
      [...this.documents].map(async ([path, document]) => {
        const choice = await this.chooseServer(path, document);
        const running = document.server ? this.servers.get(document.server) : undefined;
        if (choice?.definition.id === document.server && running) return;
        running?.closeDocument(document.uri);
        document.server = null;
        await this.attach(path, document);
      }),
    );
    this.fireStatus();
  }

  private ensureServer(definition: ServerDefinition, executable: string): LanguageServer {
    const existing = this.servers.get(definition.id);
    if (existing) return existing;
    const guard = this.requireGuard();
    const server = new LanguageServer({
      definition,
      executable,
      root: guard.root,
      rootUri: pathToFileURL(guard.root).href,
      env: this.env,
      trace: this.settings['languageServers.trace'],
      version: this.options.version,
      log: this.log(definition.id),
      logger: this.options.logger,
      crashPolicy: this.options.crashPolicy ?? defaultCrashPolicy,
      hooks: {
        openDocuments: () => [...this.documents.values()].filter((document) => document.server === definition.id).map((document) => this.snapshot(document)),
        onDiagnostics: (uri, diagnostics) => this.onDiagnostics(definition.id, uri, diagnostics),
        onReset: () => this.clearDiagnostics(definition.id),
        onStatusChange: () => this.fireStatus(),
      },
    });
    this.servers.set(definition.id, server);
    return server;
  }

  private snapshot(document: OpenDocument): { uri: string; languageId: string; version: number; text: string } {
    return { uri: document.uri, languageId: document.languageId, version: document.text.version, text: document.text.text };
  }

  private stopWhenIdle(serverId: string): void {
    if ([...this.documents.values()].some((document) => document.server === serverId)) return;
    clearTimeout(this.idleTimers.get(serverId));
    this.idleTimers.set(
      serverId,
      setTimeout(() => {
        this.idleTimers.delete(serverId);
        if (![...this.documents.values()].some((document) => document.server === serverId)) void this.stopServer(serverId);
      }, this.options.idleStopMs ?? defaultIdleStopMs),
    );
  }

  private async stopServer(serverId: string): Promise<void> {
    const server = this.servers.get(serverId);
    if (!server) return;
    this.servers.delete(serverId);
    for (const document of this.documents.values()) if (document.server === serverId) document.server = null;
    await server.stop();
    this.fireStatus();
  }

  private onDiagnostics(serverId: string, uri: string, rawDiagnostics: readonly unknown[]): void {
    const path = this.uriToPath(uri);
    if (path === null) return;
    const kept = rawDiagnostics.flatMap((raw) => {
      const parsed = lspDiagnosticSchema.safeParse(raw);
      return parsed.success ? [{ raw, parsed: parsed.data }] : [];
    });
    let byPath = this.published.get(serverId);
    if (!byPath) {
      byPath = new Map();
      this.published.set(serverId, byPath);
    }
    if (kept.length === 0) byPath.delete(path);
    else byPath.set(path, kept);
    this.diagnosticsPublished.fire({ server: serverId, path, diagnostics: kept.map(({ parsed }) => fromLspDiagnostic(parsed, this.uriToPath)) });
  }

  private clearDiagnostics(serverId: string): void {
    const byPath = this.published.get(serverId);
    this.published.delete(serverId);
    for (const path of byPath?.keys() ?? []) this.diagnosticsPublished.fire({ server: serverId, path, diagnostics: [] });
  }

  /** Status changes come in bursts (progress reports): listeners hear the latest, at most every 100 ms. */
  private fireStatus(): void {
    if (this.statusTimer !== undefined || this.disposed) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      if (!this.disposed) this.serversChanged.fire({ servers: this.statuses() });
    }, 100);
  }

  private serverOf(document: OpenDocument): LanguageServer | undefined {
    return document.server ? this.servers.get(document.server) : undefined;
  }

  private requireGuard(): LanguageGuard {
    if (!this.options.guard) throw new LatheError('UNAVAILABLE', 'No folder is open');
    return this.options.guard;
  }

  private requireDefinition(serverId: string): ServerDefinition {
    const definition = this.definitions.find((candidate) => candidate.id === serverId);
    if (!definition) throw new LatheError('NOT_FOUND', `There is no language server "${serverId}"`);
    return definition;
  }

  private requireTarget(path: string): { server: LanguageServer; document: OpenDocument; path: string } {
    const normalized = this.requireGuard().normalize(path);
    const document = this.documents.get(normalized);
    if (!document) throw new LatheError('NOT_FOUND', `${path} is not open`);
    const server = this.serverOf(document);
    if (!server) throw new LatheError('UNAVAILABLE', `No language server serves ${path}`);
    return { server, document, path: normalized };
  }

  /** The open file and its server when that server offers the feature; undefined otherwise (the answer is then empty). */
  private featureTarget(path: string, offers: (features: LanguageFeatures) => boolean): { server: LanguageServer; document: OpenDocument; path: string } | undefined {
    const normalized = this.requireGuard().normalize(path);
    const document = this.documents.get(normalized);
    const server = document ? this.serverOf(document) : undefined;
    const features = server?.features;
    if (!document || !server || !features || !offers(features)) return undefined;
    return { server, document, path: normalized };
  }

  private positionParams(document: OpenDocument, position: TextPosition): { textDocument: { uri: string }; position: { line: number; character: number } } {
    return { textDocument: { uri: document.uri }, position: toLspPosition(position) };
  }
}

/** What a command returns is of no interest: its edits arrive as `workspace/applyEdit` requests. */
const anyResult = z.unknown();

function overlaps(a: TextRange, b: TextRange): boolean {
  const before = (x: TextPosition, y: TextPosition): boolean => x.line < y.line || (x.line === y.line && x.column < y.column);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function wordAt(text: DocumentText, position: TextPosition): { range: TextRange; placeholder: string } | null {
  const offset = text.offsetAt(position);
  const lineStart = text.text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.text.indexOf('\n', offset);
  const line = text.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const column = offset - lineStart;
  for (const match of line.matchAll(wordPattern)) {
    if (match.index <= column && column <= match.index + match[0].length) {
      return {
        range: { start: { line: position.line, column: match.index + 1 }, end: { line: position.line, column: match.index + match[0].length + 1 } },
        placeholder: match[0],
      };
    }
  }
  return null;
}

function summarizeCodeAction(raw: unknown, id: number): CodeAction | null {
  const command = lspCommandSchema.safeParse(raw);
  if (command.success) return { id, title: command.data.title, preferred: false, fixes: [] };
  const action = lspCodeActionSchema.safeParse(raw);
  if (!action.success) return null;
  const { title, kind, isPreferred, disabled, diagnostics } = action.data;
  return {
    id,
    title,
    ...(kind ? { kind } : {}),
    preferred: isPreferred === true,
    ...(disabled ? { disabledReason: disabled.reason } : {}),
    fixes: (diagnostics ?? []).map((diagnostic) => diagnostic.message),
  };
}
