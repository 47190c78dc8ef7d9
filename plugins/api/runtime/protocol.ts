/**
 * What a plugin's worker and the workbench say to each other over the plugin's MessagePort (birpc).
 * Types only: the runtime (in the worker) and the workbench's plugin host both build on them. The
 * workbench validates every value arriving from the worker with zod; nothing here is trusted.
 *
 * Positions are 0-based lines and characters (UTF-16 code units), as in the published API.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `anchor` is where the selection started, `active` where the cursor is. */
export interface SelectionData {
  anchor: Position;
  active: Position;
}

export interface DocumentData {
  /** Workspace-relative, `/`-separated. */
  path: string;
  languageId: string;
  version: number;
  text: string;
  isDirty: boolean;
}

/** One edit of a document's text; a change's edits apply in order, each to the text the one before left (Monaco lists them last first). */
export interface TextChangeData {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface DocumentChangeData {
  path: string;
  version: number;
  isDirty: boolean;
  changes: TextChangeData[];
}

export interface EditorData {
  path: string;
  selections: SelectionData[];
}

export interface CommandData {
  command: string;
  arguments?: unknown[];
}

export type TreeItemCollapsible = 'none' | 'collapsed' | 'expanded';

export interface TreeItemData {
  /** Names the item in later calls (its children); chosen by the runtime. */
  handle: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon name. */
  icon?: string;
  collapsible: TreeItemCollapsible;
  command?: CommandData;
}

export interface StatusBarItemData {
  text: string;
  tooltip?: string;
  command?: string;
  alignment: 'left' | 'right';
  priority: number;
}

export interface QuickPickItemData {
  label: string;
  description?: string;
  detail?: string;
}

export interface QuickPickOptionsData {
  placeholder?: string;
  title?: string;
}

export interface InputBoxOptionsData {
  title?: string;
  prompt?: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
}

export type MessageSeverity = 'info' | 'warning' | 'error';

export type DiagnosticSeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface DiagnosticData {
  range: Range;
  message: string;
  severity: DiagnosticSeverityName;
  code?: string;
}

export interface DecorationStyle {
  backgroundColor?: string;
  color?: string;
  border?: string;
  fontStyle?: 'normal' | 'italic';
  fontWeight?: 'normal' | 'bold';
  isWholeLine?: boolean;
  /** Text shown after the range, not part of the document. */
  after?: { contentText: string; color?: string };
}

export interface WorkspaceEditData {
  files: { path: string; edits: { range: Range; newText: string }[] }[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface WebviewOptionsData {
  title: string;
  html: string;
}

/** A tool a plugin offers the chat's model; `name` is the plugin's own, the workbench namespaces it. */
export interface AiToolData {
  name: string;
  description: string;
  /** A JSON Schema object describing the arguments. */
  parameters: Record<string, unknown>;
}

/** The longest tool result the model receives, in characters; a longer one is cut with a note saying so. */
export const maxAiToolResultChars = 100_000;

/** A pipeline step a plugin runs: its evaluated `with:` inputs, its environment, its folder relative to the run's working tree. */
export interface PipelineStepData {
  with: Record<string, string>;
  env: Record<string, string>;
  workingDirectory: string;
}

/** What the workbench hands the runtime once, before the plugin's module is evaluated. */
export interface PluginInit {
  id: string;
  apiVersion: string;
  /** The open folder's name, or null when none is open. */
  workspaceName: string | null;
  /** The effective values of the plugin's contributed settings. */
  configuration: Record<string, unknown>;
  documents: DocumentData[];
  activeEditor: EditorData | null;
}

/** An event main pushes to this plugin (see `pluginEventSchema` in the contract). */
export type HostEventData =
  | { kind: 'workspace.didChangeFiles'; changes: { kind: string; path: string }[] }
  | { kind: 'terminal.didClose'; terminalId: string };

/** Served by the workbench; every call is tagged with the plugin bound to the port it came through. */
export interface WorkbenchFunctions {
  /** Sent by the runtime's timer every second; a worker that stops sending is stopped and restarted. */
  heartbeat(): void;
  log(level: LogLevel, text: string): void;
  /** A member main serves (workspace fs, terminals, process, network, AI, storage, secrets), by its contract name. */
  gateway(method: string, params: unknown): Promise<unknown>;
  registerCommand(id: string): Promise<void>;
  unregisterCommand(id: string): Promise<void>;
  executeCommand(id: string, args: unknown[]): Promise<unknown>;
  showMessage(severity: MessageSeverity, message: string, actions: string[]): Promise<string | undefined>;
  /** Resolves to the index of the picked item. */
  showQuickPick(items: QuickPickItemData[], options: QuickPickOptionsData): Promise<number | undefined>;
  showInputBox(options: InputBoxOptionsData): Promise<string | undefined>;
  /** Shows or updates a status bar item; null hides it. */
  setStatusBarItem(id: string, item: StatusBarItemData | null): Promise<void>;
  /** The plugin provides the data of a contributed view from now on (false: no longer). */
  provideTreeView(viewId: string, provided: boolean): Promise<void>;
  /** The view's items changed: the workbench asks for them again. */
  refreshTreeView(viewId: string): Promise<void>;
  /** Opens a workspace file in the editor, the cursor at `selection` when given. */
  showTextDocument(path: string, selection: Range | null): Promise<void>;
  openWebview(handle: string, options: WebviewOptionsData): Promise<void>;
  updateWebview(handle: string, options: Partial<WebviewOptionsData>): Promise<void>;
  postToWebview(handle: string, message: unknown): Promise<boolean>;
  disposeWebview(handle: string): Promise<void>;
  applyEdit(edit: WorkspaceEditData): Promise<boolean>;
  setDiagnostics(collection: string, path: string, diagnostics: DiagnosticData[]): Promise<void>;
  clearDiagnostics(collection: string): Promise<void>;
  setDecorations(typeKey: string, style: DecorationStyle, target: { path: string; ranges: Range[] }): Promise<void>;
  disposeDecorationType(typeKey: string): Promise<void>;
  setSelections(path: string, selections: SelectionData[]): Promise<void>;
  readClipboard(): Promise<string>;
  writeClipboard(text: string): Promise<void>;
  /** Forwards a terminal's output (`terminalData`) from now on; only for a terminal this plugin created. */
  watchTerminal(terminalId: string): Promise<void>;
  /** Offers a tool to the chat's model; needs the `ai` permission. */
  registerAiTool(tool: AiToolData): Promise<void>;
  unregisterAiTool(name: string): Promise<void>;
  /** A line of the log of a pipeline step the workbench asked this plugin to run (`runPipelineStep`). */
  pipelineStepLog(requestId: string, line: string): void;
}

/** Served by the runtime in the plugin's worker. */
export interface RuntimeFunctions {
  /** Evaluates the plugin's module; rejects with what it threw. */
  start(init: PluginInit): Promise<void>;
  activate(): Promise<void>;
  deactivate(): Promise<void>;
  runCommand(id: string, args: unknown[]): Promise<unknown>;
  treeChildren(viewId: string, parent: string | null): Promise<TreeItemData[]>;
  documentOpened(document: DocumentData): void;
  documentChanged(change: DocumentChangeData): void;
  documentSaved(path: string): void;
  documentClosed(path: string): void;
  activeEditorChanged(editor: EditorData | null): void;
  configurationChanged(values: Record<string, unknown>): void;
  webviewMessage(handle: string, message: unknown): void;
  webviewClosed(handle: string): void;
  hostEvent(event: HostEventData): void;
  terminalData(terminalId: string, data: string): void;
  /** Runs a registered tool with the model's arguments; resolves to its result as text (capped). */
  runAiTool(name: string, args: unknown, callId: string): Promise<string>;
  /** The call is no longer wanted (stopped, timed out): its token is cancelled. */
  cancelAiTool(callId: string): void;
  /** Runs a pipeline step of a kind the plugin registered; resolves to its outputs, rejects with why it failed. */
  runPipelineStep(kind: string, step: PipelineStepData, requestId: string): Promise<{ outputs: Record<string, string> }>;
  /** The step is no longer wanted (the run was cancelled, the step timed out): its token is cancelled. */
  cancelPipelineStep(requestId: string): void;
}

/** Calls that expect no answer, each way. */
export const workbenchEventNames = ['heartbeat', 'log', 'pipelineStepLog'] as const satisfies (keyof WorkbenchFunctions)[];
export const runtimeEventNames = [
  'documentOpened',
  'documentChanged',
  'documentSaved',
  'documentClosed',
  'activeEditorChanged',
  'configurationChanged',
  'webviewMessage',
  'webviewClosed',
  'hostEvent',
  'terminalData',
  'cancelAiTool',
  'cancelPipelineStep',
] as const satisfies (keyof RuntimeFunctions)[];

/** How often the runtime's heartbeat is sent. */
export const heartbeatIntervalMs = 1_000;
