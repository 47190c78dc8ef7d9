import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';
import {
  CancellationTokenSource,
  createMessageConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  Trace,
  TraceFormat,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import type { z } from 'zod';
import { LatheError, type LanguageFeatures, type LanguageServerState, type TextDocumentChange } from '../../../src-shared/contract';
import { killProcessTree } from '../../lib/process-tree';
import { clientCapabilities } from './client-capabilities';
import { toLspRange } from './convert';
import { CrashPolicy, type CrashPolicyOptions } from '../../../src-shared/crash-policy';
import {
  lspConfigurationParamsSchema,
  lspProgressSchema,
  lspPublishDiagnosticsSchema,
  lspRegistrationParamsSchema,
  lspShowMessageSchema,
  lspUnregistrationParamsSchema,
  lspWorkspaceEditSchema,
  type LspWorkspaceEdit,
} from './lsp-schemas';
import { featuresOf, initializeResultSchema, saveOptionsOf, syncKindOf, type ServerCapabilities } from './server-features';
import type { ServerDefinition } from './server-definitions';
import type { ServerLog } from './server-log';
import { WatchedFiles } from './watched-files';

export interface OpenDocumentSnapshot {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

/** How a server reaches the rest of the manager. */
export interface LanguageServerHooks {
  /** The files the server must have open: given again after every (re)start. */
  openDocuments(): OpenDocumentSnapshot[];
  onDiagnostics(uri: string, diagnostics: readonly unknown[]): void;
  /** The server stopped or crashed: whatever it published is gone. */
  onReset(): void;
  onStatusChange(): void;
}

export interface LanguageServerOptions {
  definition: ServerDefinition;
  /** The program found for the definition's command. */
  executable: string;
  root: string;
  rootUri: string;
  env: NodeJS.ProcessEnv;
  trace: 'off' | 'messages' | 'verbose';
  version: string;
  log: ServerLog;
  logger: Logger;
  crashPolicy: CrashPolicyOptions;
  hooks: LanguageServerHooks;
}

const initializeTimeoutMs = 60_000;
const requestTimeoutMs = 60_000;
const shutdownTimeoutMs = 3_000;

/**
 * One language server process: spawned with stdio pipes, spoken to over JSON-RPC, restarted with
 * backoff after a crash and given up on after repeated crashes, stopped politely (shutdown, exit)
 * and killed with its process tree when it does not listen.
 */
export class LanguageServer {
  state: LanguageServerState = 'stopped';
  message: string | null = null;
  progress: string | null = null;
  restarts = 0;
  capabilities: ServerCapabilities | null = null;
  private child: ChildProcess | undefined;
  private connection: MessageConnection | undefined;
  private ready: Promise<void> | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private stopping = false;
  private readonly crashes: CrashPolicy;
  private readonly progressTitles = new Map<string | number, string>();
  /** The documents this process has been given (didOpen sent, no didClose since). */
  private readonly openUris = new Set<string>();
  readonly watchedFiles: WatchedFiles;
  /** Edits the server asks to apply while one of its commands runs (see `collectEdits`). */
  private editCollector: LspWorkspaceEdit[] | undefined;

  constructor(private readonly options: LanguageServerOptions) {
    this.crashes = new CrashPolicy(options.crashPolicy);
    this.watchedFiles = new WatchedFiles(options.root);
  }

  get id(): string {
    return this.options.definition.id;
  }

  get definition(): ServerDefinition {
    return this.options.definition;
  }

  get pid(): number | null {
    return this.state === 'running' || this.state === 'starting' ? (this.child?.pid ?? null) : null;
  }

  get features(): LanguageFeatures | null {
    return this.state === 'running' && this.capabilities ? featuresOf(this.capabilities) : null;
  }

  /** Starts the server unless it runs; resolves once it has answered `initialize`. */
  start(): Promise<void> {
    if (this.state === 'failed') return Promise.reject(new LatheError('UNAVAILABLE', this.message ?? `${this.id} failed`));
    if (this.ready && this.state !== 'stopped') return this.ready;
    this.stopping = false;
    this.ready = this.launch();
    return this.ready;
  }

  /** A start by hand: forgets earlier crashes, and starts even a server that was given up on. */
  async restart(): Promise<void> {
    await this.stop();
    this.crashes.reset();
    this.restarts = 0;
    this.state = 'stopped';
    this.message = null;
    await this.start();
  }

  async request<S extends z.ZodType>(method: string, params: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    if (this.state === 'starting') await this.ready;
    const connection = this.connection;
    if (this.state !== 'running' || !connection) throw new LatheError('UNAVAILABLE', this.message ?? `${this.id} is not running`);
    const cancellation = new CancellationTokenSource();
    const cancel = (): void => cancellation.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    const timer = setTimeout(cancel, requestTimeoutMs);
    try {
      const result: unknown = await connection.sendRequest(method, params, cancellation.token);
      const parsed = schema.safeParse(result);
      if (!parsed.success) {
        this.options.log.append(`${method}: the answer does not have the expected shape: ${parsed.error.message.slice(0, 500)}`);
        throw new LatheError('UNAVAILABLE', `${this.id} sent an answer to ${method} that could not be read`);
      }
      return parsed.data;
    } catch (error) {
      throw this.requestError(method, error, signal);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      cancellation.dispose();
    }
  }

  notify(method: string, params: unknown): void {
    if (this.state !== 'running' || !this.connection) return;
    void this.connection.sendNotification(method, params).catch((error: unknown) => this.options.log.append(`could not send ${method}: ${String(error)}`));
  }

  /** didOpen, once per process: a restarted server is given its documents again by `launch`. */
  openDocument(document: OpenDocumentSnapshot): void {
    if (this.state !== 'running' || this.openUris.has(document.uri)) return;
    this.openUris.add(document.uri);
    this.notify('textDocument/didOpen', { textDocument: document });
  }

  /** didChange in the form the server asked for: the edits, or the whole new text. */
  changeDocument(uri: string, version: number, changes: readonly TextDocumentChange[], fullText: () => string): void {
    if (!this.openUris.has(uri) || !this.capabilities) return;
    const kind = syncKindOf(this.capabilities);
    if (kind === 'none') return;
    const contentChanges = kind === 'full' ? [{ text: fullText() }] : changes.map((change) => (change.range ? { range: toLspRange(change.range), text: change.text } : { text: change.text }));
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  saveDocument(uri: string, text: () => string): void {
    if (!this.openUris.has(uri) || !this.capabilities) return;
    const save = saveOptionsOf(this.capabilities);
    if (save.notify) this.notify('textDocument/didSave', { textDocument: { uri }, ...(save.includeText ? { text: text() } : {}) });
  }

  closeDocument(uri: string): void {
    if (!this.openUris.delete(uri)) return;
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Runs `work` while collecting the edits the server asks to apply (`workspace/applyEdit`). */
  async collectEdits(work: () => Promise<void>): Promise<LspWorkspaceEdit[]> {
    const collected: LspWorkspaceEdit[] = [];
    this.editCollector = collected;
    try {
      await work();
    } finally {
      this.editCollector = undefined;
    }
    return collected;
  }

  /** Asks the server to shut down and exit; kills its process tree when it does not within a few seconds. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const { child, connection } = this;
    if (!child) {
      this.setState('stopped');
      return;
    }
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    if (connection && this.state === 'running') {
      try {
        await withTimeout(connection.sendRequest('shutdown'), shutdownTimeoutMs);
        await connection.sendNotification('exit');
      } catch {
        // It will be killed below.
      }
    }
    if (!(await withTimeout(exited, shutdownTimeoutMs).then(() => true, () => false)) && child.pid !== undefined) {
      await killProcessTree(child.pid, { signal: 'SIGTERM', graceMs: 1000 });
    }
    this.disposeConnection();
    this.child = undefined;
    this.options.log.append(`${this.id} stopped`);
    this.setState('stopped');
    this.options.hooks.onReset();
  }

  private async launch(): Promise<void> {
    const { definition, executable, root, log } = this.options;
    this.setState(this.restarts > 0 ? 'restarting' : 'starting');
    log.append(`starting ${executable} ${definition.args.join(' ')}`.trim());
    const child = spawn(executable, definition.args, {
      cwd: root,
      env: this.options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      // Its own session, so stopping it ends the helpers it starts (tsserver, cargo check) too.
      detached: process.platform !== 'win32',
    });
    this.child = child;
    this.openUris.clear();
    // A write to a server that just died fails; its exit is handled below.
    child.stdin?.on('error', () => undefined);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => log.append(text));
    const ended = new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(`could not start: ${error.message}`));
      child.once('exit', (code, signal) => resolve(signal ? `was killed by ${signal}` : `exited with code ${String(code)}`));
    });
    void ended.then((how) => this.onExit(child, how));

    const connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
    this.connection = connection;
    this.listen(connection);
    connection.listen();
    if (this.options.trace !== 'off') {
      void connection.trace(this.options.trace === 'verbose' ? Trace.Verbose : Trace.Messages, { log: (message: unknown, data?: string) => log.append(data ? `${String(message)}\n${data}` : String(message)) }, { traceFormat: TraceFormat.Text });
    }

    try {
      const result = await withTimeout(
        connection.sendRequest('initialize', {
          processId: process.pid,
          clientInfo: { name: 'Lathe', version: this.options.version },
          locale: 'en',
          rootPath: root,
          rootUri: this.options.rootUri,
          workspaceFolders: [{ uri: this.options.rootUri, name: root.split(/[\\/]/).pop() ?? root }],
          capabilities: clientCapabilities,
          initializationOptions: definition.initializationOptions,
          trace: this.options.trace === 'verbose' ? 'verbose' : this.options.trace === 'messages' ? 'messages' : 'off',
        }),
        initializeTimeoutMs,
      );
      if (this.child !== child) return;
      const parsed = initializeResultSchema.safeParse(result);
      if (!parsed.success) throw new Error(`its answer to initialize could not be read: ${parsed.error.message.slice(0, 300)}`);
      this.capabilities = parsed.data.capabilities;
      await connection.sendNotification('initialized', {});
      if (Object.keys(definition.settings).length > 0) await connection.sendNotification('workspace/didChangeConfiguration', { settings: definition.settings });
      this.setState('running', null);
      for (const document of this.options.hooks.openDocuments()) this.openDocument(document);
      log.append(`${this.id} is running (pid ${String(child.pid)})`);
    } catch (error) {
      if (this.child !== child) return;
      log.append(`initialize failed: ${error instanceof Error ? error.message : String(error)}`);
      // The exit handler decides between a restart and giving up.
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
      await ended;
      throw new LatheError('UNAVAILABLE', this.message ?? `${this.id} could not start`);
    }
  }

  private listen(connection: MessageConnection): void {
    const { hooks, log, definition } = this.options;
    connection.onNotification('textDocument/publishDiagnostics', (params: unknown) => {
      const parsed = lspPublishDiagnosticsSchema.safeParse(params);
      if (parsed.success) hooks.onDiagnostics(parsed.data.uri, parsed.data.diagnostics);
    });
    connection.onNotification('window/logMessage', (params: unknown) => {
      const parsed = lspShowMessageSchema.safeParse(params);
      if (parsed.success) log.append(parsed.data.message);
    });
    connection.onNotification('window/showMessage', (params: unknown) => {
      const parsed = lspShowMessageSchema.safeParse(params);
      if (!parsed.success) return;
      log.append(parsed.data.message);
      if (parsed.data.type === 1) this.setState(this.state, parsed.data.message);
    });
    connection.onNotification('$/progress', (params: unknown) => this.onProgress(params));
    connection.onRequest('workspace/configuration', (params: unknown) => {
      const parsed = lspConfigurationParamsSchema.safeParse(params);
      if (!parsed.success) return [];
      return parsed.data.items.map((item) => (item.section ? sectionOf(definition.settings, item.section) : definition.settings));
    });
    connection.onRequest('workspace/workspaceFolders', () => [{ uri: this.options.rootUri, name: this.options.root.split(/[\\/]/).pop() }]);
    connection.onRequest('client/registerCapability', (params: unknown) => {
      const parsed = lspRegistrationParamsSchema.safeParse(params);
      for (const registration of parsed.success ? parsed.data.registrations : []) {
        if (registration.method === 'workspace/didChangeWatchedFiles') this.watchedFiles.register(registration.id, registration.registerOptions?.watchers ?? []);
      }
      return null;
    });
    connection.onRequest('client/unregisterCapability', (params: unknown) => {
      const parsed = lspUnregistrationParamsSchema.safeParse(params);
      for (const registration of parsed.success ? parsed.data.unregisterations : []) this.watchedFiles.unregister(registration.id);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', (params: unknown) => {
      const parsed = lspShowMessageSchema.safeParse(params);
      if (parsed.success) log.append(parsed.data.message);
      return null;
    });
    connection.onRequest('workspace/applyEdit', (params: unknown): { applied: boolean; failureReason?: string } => {
      const edit = lspWorkspaceEditSchema.safeParse((params as { edit?: unknown } | null)?.edit);
      if (!edit.success) return { applied: false, failureReason: 'The edit could not be read' };
      if (!this.editCollector) return { applied: false, failureReason: 'Edits are applied only as part of a code action' };
      this.editCollector.push(edit.data);
      return { applied: true };
    });
    // Refresh requests (semantic tokens, inlay hints…) are answered; the editor asks again as the user edits.
    connection.onRequest((method: string) => (method.endsWith('/refresh') ? null : new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`)));
    connection.onError(([error]) => log.append(`connection error: ${error.message}`));
  }

  private onProgress(params: unknown): void {
    const parsed = lspProgressSchema.safeParse(params);
    if (!parsed.success) return;
    const { token, value } = parsed.data;
    if (value.kind === 'end') {
      this.progressTitles.delete(token);
    } else {
      const title = value.kind === 'begin' ? (value.title ?? '') : (this.progressTitles.get(token)?.split(':')[0] ?? '');
      const detail = [value.message, value.percentage !== null && value.percentage !== undefined ? `${Math.round(value.percentage)}%` : null].filter(Boolean).join(' ');
      this.progressTitles.set(token, detail ? `${title}: ${detail}` : title);
    }
    const latest = [...this.progressTitles.values()].pop() ?? null;
    if (latest !== this.progress) {
      this.progress = latest;
      this.options.hooks.onStatusChange();
    }
  }

  private onExit(child: ChildProcess, how: string): void {
    if (this.child !== child) return;
    this.options.log.append(`${this.id} ${how}`);
    this.disposeConnection();
    this.child = undefined;
    this.options.hooks.onReset();
    if (this.stopping) return;
    const decision = this.crashes.recordCrash();
    if (decision.kind === 'give-up') {
      this.setState(
        'failed',
        `${this.definition.name} stopped unexpectedly ${String(decision.crashes)} times in a few minutes (it last ${how}) and will not be restarted. Fix the cause (see its log), then run "Restart Language Server".`,
      );
      this.options.logger.warn({ server: this.id, how }, 'language server gave up after repeated crashes');
      return;
    }
    this.restarts++;
    this.setState('restarting', `${this.definition.name} ${how}; restarting in ${String(Math.round(decision.delayMs / 100) / 10)} s`);
    this.options.logger.warn({ server: this.id, how, delayMs: decision.delayMs }, 'language server crashed');
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.ready = this.launch();
      this.ready.catch(() => undefined);
    }, decision.delayMs);
  }

  private disposeConnection(): void {
    this.openUris.clear();
    this.connection?.dispose();
    this.connection = undefined;
    this.capabilities = null;
    this.progressTitles.clear();
    this.progress = null;
  }

  private setState(state: LanguageServerState, message: string | null = this.message): void {
    this.state = state;
    this.message = message;
    this.options.hooks.onStatusChange();
  }

  private requestError(method: string, error: unknown, signal: AbortSignal | undefined): LatheError {
    if (error instanceof LatheError) return error;
    if (signal?.aborted) return new LatheError('CANCELLED', `${method} was cancelled`);
    if (error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ContentModified)) {
      return new LatheError('CANCELLED', `${this.id} cancelled ${method}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new LatheError('UNAVAILABLE', `${this.id} could not answer ${method}: ${message.slice(0, 500)}`);
  }
}

/** `rust-analyzer.cargo` within { "rust-analyzer": { "cargo": … } }, or null. */
function sectionOf(settings: Record<string, unknown>, section: string): unknown {
  let current: unknown = settings;
  if (Object.hasOwn(settings, section)) return settings[section];
  for (const key of section.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${String(ms / 1000)} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
