/**
 * The Lathe plugin API, version 1.0.
 *
 * A plugin is a folder with a `package.json` (its manifest) and one script, `main`. The script is a
 * CommonJS-style module: it runs with `module`, `exports` and a `require` that knows one module,
 * `'lathe'`, and sets `exports.activate` (and optionally `exports.deactivate`):
 *
 * ```js
 * const lathe = require('lathe');
 *
 * exports.activate = (context) => {
 *   context.subscriptions.push(
 *     lathe.commands.registerCommand('hello.world', () => lathe.window.showInformationMessage('Hello!')),
 *   );
 * };
 * ```
 *
 * Plugin code runs in a sandbox of its own: a Web Worker without Node.js, without network access and
 * without the workbench's page. Everything a plugin does goes through this API, and every call that
 * reaches the file system, a terminal, a program, the network, the AI, storage or secrets is checked
 * against the permissions the user approved for it.
 *
 * Positions are 0-based lines and characters (UTF-16 code units). Paths are workspace-relative and
 * `/`-separated (`src/main.rs`); a path that leaves the workspace is refused.
 *
 * Write the plugin in TypeScript against this file (`import * as lathe from 'lathe'`, compiled to
 * CommonJS and bundled into one script), or in JavaScript with `// @ts-check`.
 */
declare module 'lathe' {
  /**
   * The version of the API this Lathe offers, a semver string such as `1.0.0`. A plugin states the
   * versions it works with in `engines.lathe` of its manifest; a Lathe outside that range refuses it.
   *
   * @since 1.0.0
   */
  export const version: string;

  // ---------------------------------------------------------------------------------------------
  // Basics: disposables, events, the activation context
  // ---------------------------------------------------------------------------------------------

  /**
   * Something to release: a registration, a listener, a status bar item. Push what you create into
   * {@link ExtensionContext.subscriptions} and Lathe disposes of it when the plugin is deactivated.
   *
   * @since 1.0.0
   */
  export class Disposable {
    /**
     * One disposable for many: disposing of it disposes of each, in order.
     *
     * @since 1.0.0
     */
    static from(...disposables: { dispose(): unknown }[]): Disposable;

    /**
     * @param callOnDispose Runs once, on the first call to {@link Disposable.dispose}.
     * @since 1.0.0
     */
    constructor(callOnDispose: () => unknown);

    /**
     * Releases the resource. Calling it again does nothing.
     *
     * @since 1.0.0
     */
    dispose(): void;
  }

  /**
   * A function to subscribe to an event: call it with a listener; dispose of the result to stop
   * listening.
   *
   * ```js
   * const subscription = lathe.workspace.onDidSaveTextDocument((document) => console.log(document.path));
   * context.subscriptions.push(subscription);
   * ```
   *
   * @since 1.0.0
   */
  export interface Event<T> {
    /**
     * @param listener Called with each event's data.
     * @param thisArgs The `this` of the listener.
     * @param disposables The subscription is also pushed here.
     * @since 1.0.0
     */
    (listener: (event: T) => unknown, thisArgs?: unknown, disposables?: { dispose(): unknown }[]): Disposable;
  }

  /**
   * Makes events of your own, for your plugin's objects (a tree data provider's
   * `onDidChangeTreeData`, for instance).
   *
   * @since 1.0.0
   */
  export class EventEmitter<T> {
    /**
     * The event listeners subscribe to.
     *
     * @since 1.0.0
     */
    readonly event: Event<T>;

    /**
     * Calls every listener with `data`. A listener that throws is reported in the plugin's log and
     * does not stop the others.
     *
     * @since 1.0.0
     */
    fire(data: T): void;

    /**
     * Removes every listener; later `fire`s do nothing.
     *
     * @since 1.0.0
     */
    dispose(): void;
  }

  /**
   * What `activate` receives.
   *
   * @since 1.0.0
   */
  export interface ExtensionContext {
    /**
     * The plugin's id, `publisher.name`.
     *
     * @since 1.0.0
     */
    readonly pluginId: string;

    /**
     * Everything pushed here is disposed of, last first, when the plugin is deactivated (disabled,
     * reloaded, uninstalled, or the window closes).
     *
     * @since 1.0.0
     */
    readonly subscriptions: { dispose(): unknown }[];
  }

  /**
   * The shape of a plugin's module: what `exports` must provide.
   *
   * @since 1.0.0
   */
  export interface PluginModule {
    /**
     * Called once, on the first of the plugin's activation events. Register commands, views and
     * listeners here. May return a promise; the plugin counts as active when it settles.
     *
     * @since 1.0.0
     */
    activate(context: ExtensionContext): unknown;

    /**
     * Called before the plugin stops, after which its subscriptions are disposed of. Has a few
     * seconds to finish.
     *
     * @since 1.0.0
     */
    deactivate?(): unknown;
  }

  /**
   * A position in a document: 0-based line and character.
   *
   * @since 1.0.0
   */
  export interface Position {
    /** @since 1.0.0 */
    readonly line: number;
    /** UTF-16 code units from the start of the line. @since 1.0.0 */
    readonly character: number;
  }

  /**
   * A span of a document; `end` is exclusive.
   *
   * @since 1.0.0
   */
  export interface Range {
    /** @since 1.0.0 */
    readonly start: Position;
    /** @since 1.0.0 */
    readonly end: Position;
  }

  /**
   * A selection in an editor: where it started (`anchor`) and where the cursor is (`active`).
   *
   * @since 1.0.0
   */
  export interface Selection {
    /** @since 1.0.0 */
    readonly anchor: Position;
    /** @since 1.0.0 */
    readonly active: Position;
  }

  // ---------------------------------------------------------------------------------------------
  // commands
  // ---------------------------------------------------------------------------------------------

  /**
   * Commands are what menus, keybindings, the status bar and the command palette run. A command
   * the manifest contributes (`contributes.commands`) shows in the palette before the plugin is
   * active; running it activates the plugin, which must then register it.
   *
   * @since 1.0.0
   */
  export namespace commands {
    /**
     * Registers the function a command runs. The id must be one the manifest contributes, or start
     * with the plugin's name and a dot (`todo-tree.refresh`).
     *
     * @param command The command's id.
     * @param callback Receives the arguments the command is run with (`A`, as the callback declares
     *   them: Lathe does not check them); may return a value or a promise.
     * @returns Unregisters the command.
     * @since 1.0.0
     */
    function registerCommand<A extends unknown[]>(command: string, callback: (...args: A) => unknown): Disposable;

    /**
     * Runs a command: one of this plugin's, or another plugin's (which activates that plugin). Of
     * the workbench's own commands, a plugin may run those that show a view (`workbench.view.*`,
     * such as `workbench.view.explorer`); the others act with the user's full rights and are
     * refused. Arguments and result must be structured-cloneable.
     *
     * @returns What the command returned.
     * @since 1.0.0
     */
    function executeCommand<T = unknown>(command: string, ...rest: unknown[]): Promise<T | undefined>;
  }

  // ---------------------------------------------------------------------------------------------
  // window
  // ---------------------------------------------------------------------------------------------

  /**
   * An item of {@link window.showQuickPick}.
   *
   * @since 1.0.0
   */
  export interface QuickPickItem {
    /** The text matched against what the user types. @since 1.0.0 */
    label: string;
    /** Shown dimmed after the label. @since 1.0.0 */
    description?: string;
    /** Shown below the label. @since 1.0.0 */
    detail?: string;
  }

  /** @since 1.0.0 */
  export interface QuickPickOptions {
    /** Shown in the empty input. @since 1.0.0 */
    placeHolder?: string;
    /** @since 1.0.0 */
    title?: string;
  }

  /** @since 1.0.0 */
  export interface InputBoxOptions {
    /** @since 1.0.0 */
    title?: string;
    /** Explains what to type. @since 1.0.0 */
    prompt?: string;
    /** Shown in the empty input. @since 1.0.0 */
    placeHolder?: string;
    /** The initial text. @since 1.0.0 */
    value?: string;
    /** Hides what is typed. @since 1.0.0 */
    password?: boolean;
  }

  /**
   * Which side of the status bar an item sits on.
   *
   * @since 1.0.0
   */
  export type StatusBarAlignment = 'left' | 'right';

  /**
   * An entry of the status bar. Set its properties, then {@link StatusBarItem.show}; changes show
   * at once. An item the manifest contributes (`contributes.statusBar`) is shown before activation;
   * `createStatusBarItem` with its id takes it over.
   *
   * @since 1.0.0
   */
  export interface StatusBarItem extends Disposable {
    /** @since 1.0.0 */
    readonly id: string;
    /** @since 1.0.0 */
    readonly alignment: StatusBarAlignment;
    /** Higher is further left within its side. @since 1.0.0 */
    readonly priority: number;
    /** The label; `$(name)` shows the codicon `name` (`$(checklist) 3`). @since 1.0.0 */
    text: string;
    /** @since 1.0.0 */
    tooltip: string | undefined;
    /** The command a click runs. @since 1.0.0 */
    command: string | undefined;
    /** @since 1.0.0 */
    show(): void;
    /** @since 1.0.0 */
    hide(): void;
  }

  /**
   * The data of a tree view: the workbench asks for an element's children when it shows them,
   * and for the tree item of each.
   *
   * @since 1.0.0
   */
  export interface TreeDataProvider<T> {
    /**
     * Fire it (with anything) to have the workbench ask for the tree again.
     *
     * @since 1.0.0
     */
    onDidChangeTreeData?: Event<unknown>;

    /**
     * How an element looks.
     *
     * @since 1.0.0
     */
    getTreeItem(element: T): TreeItem | Promise<TreeItem>;

    /**
     * The children of `element`, or the top-level elements when it is undefined.
     *
     * @since 1.0.0
     */
    getChildren(element?: T): T[] | undefined | null | Promise<T[] | undefined | null>;
  }

  /**
   * How a tree element is shown.
   *
   * @since 1.0.0
   */
  export interface TreeItem {
    /** @since 1.0.0 */
    label: string;
    /** Shown dimmed after the label. @since 1.0.0 */
    description?: string;
    /** @since 1.0.0 */
    tooltip?: string;
    /** A codicon name (`file`, `warning`). @since 1.0.0 */
    iconName?: string;
    /** Whether the element has children, and whether they show at first. Default `none`. @since 1.0.0 */
    collapsibleState?: 'none' | 'collapsed' | 'expanded';
    /** Run when the element is clicked. @since 1.0.0 */
    command?: { command: string; arguments?: unknown[] };
  }

  /** @since 1.0.0 */
  export interface TreeViewOptions<T> {
    /** @since 1.0.0 */
    treeDataProvider: TreeDataProvider<T>;
  }

  /**
   * A view the manifest contributes (`contributes.views`), filled by a {@link TreeDataProvider}.
   *
   * @since 1.0.0
   */
  export interface TreeView<T> extends Disposable {
    /** @since 1.0.0 */
    readonly viewId: string;
    /** The provider the view was created with. @since 1.0.0 */
    readonly treeDataProvider: TreeDataProvider<T>;
    /** Asks the provider for the whole tree again. @since 1.0.0 */
    refresh(): void;
  }

  /** @since 1.0.0 */
  export interface WebviewPanelOptions {
    /** The HTML to show at first. @since 1.0.0 */
    html?: string;
  }

  /**
   * HTML shown in a panel beside the editor, in a sandboxed frame of its own: an opaque origin whose Content
   * Security Policy allows its inline scripts and styles and `data:` images, and nothing from the
   * network. The page talks to the plugin by messages: it calls `parent.postMessage(data, '*')` and
   * listens to `message` events (only those from its parent reach it).
   *
   * @since 1.0.0
   */
  export interface WebviewPanel extends Disposable {
    /** @since 1.0.0 */
    readonly viewType: string;
    /** The panel's title. @since 1.0.0 */
    title: string;
    /** Replaces the page (it reloads). @since 1.0.0 */
    html: string;
    /**
     * Sends a structured-cloneable message to the page.
     *
     * @returns Whether the panel was still open.
     * @since 1.0.0
     */
    postMessage(message: unknown): Promise<boolean>;
    /** Messages the page sent. @since 1.0.0 */
    readonly onDidReceiveMessage: Event<unknown>;
    /** The user closed the panel, or it was disposed of. @since 1.0.0 */
    readonly onDidDispose: Event<void>;
  }

  /**
   * Messages, pickers, the status bar, views and webviews.
   *
   * @since 1.0.0
   */
  export namespace window {
    /**
     * Shows a notification with optional buttons.
     *
     * @returns The label of the button the user clicked, or undefined when it was dismissed.
     * @since 1.0.0
     */
    function showInformationMessage<T extends string>(message: string, ...actions: T[]): Promise<T | undefined>;

    /**
     * Like {@link window.showInformationMessage}, as a warning.
     *
     * @since 1.0.0
     */
    function showWarningMessage<T extends string>(message: string, ...actions: T[]): Promise<T | undefined>;

    /**
     * Like {@link window.showInformationMessage}, as an error.
     *
     * @since 1.0.0
     */
    function showErrorMessage<T extends string>(message: string, ...actions: T[]): Promise<T | undefined>;

    /**
     * Lets the user pick one item, filtering as they type.
     *
     * @returns The picked item (the same string or object), or undefined when the picker was closed.
     * @since 1.0.0
     */
    function showQuickPick<T extends string | QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options?: QuickPickOptions): Promise<T | undefined>;

    /**
     * Asks the user for a line of text.
     *
     * @returns What they typed, or undefined when they pressed Escape.
     * @since 1.0.0
     */
    function showInputBox(options?: InputBoxOptions): Promise<string | undefined>;

    /**
     * Creates (or takes over the contributed) status bar item `id`, which must start with the
     * plugin's name and a dot. Hidden until {@link StatusBarItem.show}.
     *
     * @since 1.0.0
     */
    function createStatusBarItem(id: string, alignment?: StatusBarAlignment, priority?: number): StatusBarItem;

    /**
     * Fills a view the manifest contributes. The view is shown by the workbench; the provider only
     * answers with data.
     *
     * @since 1.0.0
     */
    function createTreeView<T>(viewId: string, options: TreeViewOptions<T>): TreeView<T>;

    /**
     * Opens a workspace file in the editor (or shows it where it is open), with the cursor at
     * `options.selection` when given. Needs `workspace.read`.
     *
     * @since 1.0.0
     */
    function showTextDocument(path: string, options?: { selection?: Range }): Promise<void>;

    /**
     * Opens HTML in a panel beside the editor. See {@link WebviewPanel} for what the page may do.
     *
     * @param viewType Names the kind of panel (`markdown-notes.preview`).
     * @since 1.0.0
     */
    function createWebviewPanel(viewType: string, title: string, options?: WebviewPanelOptions): WebviewPanel;
  }

  // ---------------------------------------------------------------------------------------------
  // workspace
  // ---------------------------------------------------------------------------------------------

  /**
   * An open file's text, as the editor holds it (unsaved changes included). Read-only: change it
   * with {@link workspace.applyEdit}. Documents reach only plugins with `workspace.read`.
   *
   * @since 1.0.0
   */
  export interface TextDocument {
    /** Workspace-relative. @since 1.0.0 */
    readonly path: string;
    /** The language the editor uses (`rust`, `markdown`). @since 1.0.0 */
    readonly languageId: string;
    /** Grows with every change. @since 1.0.0 */
    readonly version: number;
    /** Whether it has changes not yet saved. @since 1.0.0 */
    readonly isDirty: boolean;
    /** Whether it was closed; a closed document no longer changes. @since 1.0.0 */
    readonly isClosed: boolean;
    /** @since 1.0.0 */
    readonly lineCount: number;
    /** The whole text, or that of `range`. @since 1.0.0 */
    getText(range?: Range): string;
    /** The text of a line, without its line break. @since 1.0.0 */
    lineAt(line: number): string;
    /** The position of a character offset. @since 1.0.0 */
    positionAt(offset: number): Position;
    /** The character offset of a position. @since 1.0.0 */
    offsetAt(position: Position): number;
  }

  /**
   * A change of a document's text.
   *
   * @since 1.0.0
   */
  export interface TextDocumentChangeEvent {
    /** @since 1.0.0 */
    readonly document: TextDocument;
    /** What changed, in the order to apply them, each to the text the one before left. @since 1.0.0 */
    readonly contentChanges: readonly { readonly rangeOffset: number; readonly rangeLength: number; readonly text: string }[];
  }

  /**
   * Edits to the text of files, applied as one undoable step per file through the editor (files
   * that are not open are opened, edited and saved). Needs the `workspace.write` permission.
   *
   * @since 1.0.0
   */
  export class WorkspaceEdit {
    /**
     * Replaces `range` of `path` with `newText`.
     *
     * @since 1.0.0
     */
    replace(path: string, range: Range, newText: string): void;

    /**
     * Inserts `newText` at `position`.
     *
     * @since 1.0.0
     */
    insert(path: string, position: Position, newText: string): void;

    /**
     * Deletes `range`.
     *
     * @since 1.0.0
     */
    delete(path: string, range: Range): void;

    /**
     * How many edits it holds.
     *
     * @since 1.0.0
     */
    readonly size: number;
  }

  /**
   * A workspace file's metadata.
   *
   * @since 1.0.0
   */
  export interface FileStat {
    /** Symbolic links are followed. @since 1.0.0 */
    readonly type: 'file' | 'directory' | 'other';
    /** Bytes. @since 1.0.0 */
    readonly size: number;
    /** Milliseconds since the epoch. @since 1.0.0 */
    readonly mtime: number;
    /** @since 1.0.0 */
    readonly readonly: boolean;
  }

  /**
   * A folder's entry.
   *
   * @since 1.0.0
   */
  export interface DirectoryEntry {
    /** @since 1.0.0 */
    readonly name: string;
    /** Workspace-relative. @since 1.0.0 */
    readonly path: string;
    /** @since 1.0.0 */
    readonly type: 'file' | 'directory' | 'symlink' | 'other';
  }

  /**
   * The workspace's files, through Lathe's path guard. Reading needs `workspace.read`, writing
   * `workspace.write`.
   *
   * @since 1.0.0
   */
  export interface FileSystem {
    /** The file's text (UTF-8 or UTF-16, as detected). @since 1.0.0 */
    readFile(path: string): Promise<string>;
    /** Writes atomically, creating the file. @since 1.0.0 */
    writeFile(path: string, content: string): Promise<void>;
    /** @since 1.0.0 */
    stat(path: string): Promise<FileStat>;
    /** The entries of a folder (`''` is the workspace root). @since 1.0.0 */
    readDirectory(path: string): Promise<DirectoryEntry[]>;
    /** Creates a folder and its parents. @since 1.0.0 */
    createDirectory(path: string): Promise<void>;
    /** @since 1.0.0 */
    rename(from: string, to: string, options?: { overwrite?: boolean }): Promise<void>;
    /** Moves to the OS trash where there is one. @since 1.0.0 */
    delete(path: string): Promise<void>;
  }

  /**
   * A change of a file on disk, from any source.
   *
   * @since 1.0.0
   */
  export interface FileChange {
    /** @since 1.0.0 */
    readonly kind: 'created' | 'changed' | 'deleted';
    /** @since 1.0.0 */
    readonly path: string;
  }

  /** @since 1.0.0 */
  export interface TextSearchQuery {
    /** @since 1.0.0 */
    pattern: string;
    /** A regular expression (Rust syntax, as ripgrep's). @since 1.0.0 */
    isRegExp?: boolean;
    /** @since 1.0.0 */
    isCaseSensitive?: boolean;
    /** @since 1.0.0 */
    isWordMatch?: boolean;
  }

  /** @since 1.0.0 */
  export interface TextSearchOptions {
    /** Globs of files to search (`src/**`); only files matching one are searched. @since 1.0.0 */
    include?: readonly string[];
    /** Globs of files to leave out, on top of `.gitignore` and `files.exclude`. @since 1.0.0 */
    exclude?: readonly string[];
    /** Stop after this many matches (2000 by default). @since 1.0.0 */
    maxResults?: number;
  }

  /**
   * One match.
   *
   * @since 1.0.0
   */
  export interface TextSearchMatch {
    /** @since 1.0.0 */
    readonly path: string;
    /** Where the match is (on one line). @since 1.0.0 */
    readonly range: Range;
    /** The line's text, cut to about 250 characters around the match. @since 1.0.0 */
    readonly preview: string;
    /** Where the match starts in `preview`. @since 1.0.0 */
    readonly previewStart: number;
  }

  /** @since 1.0.0 */
  export interface TextSearchResult {
    /** @since 1.0.0 */
    readonly matches: readonly TextSearchMatch[];
    /** Whether `maxResults` cut the search short. @since 1.0.0 */
    readonly truncated: boolean;
  }

  /**
   * The plugin's settings: those its manifest contributes (`contributes.configuration`), with the
   * values the user set in user or workspace settings (the workspace's win). A value that does not
   * fit the manifest's `type`, `enum`, `minimum` or `maximum` is reported in Problems and the
   * default is used instead. A plugin sees its own settings only.
   *
   * @since 1.0.0
   */
  export interface Configuration {
    /**
     * A setting's value. `key` is relative to the section given to
     * {@link workspace.getConfiguration} (`get('enabled')` in section `word-count`), or a full key.
     *
     * @since 1.0.0
     */
    get<T>(key: string): T | undefined;
    /** @since 1.0.0 */
    get<T>(key: string, defaultValue: T): T;
  }

  /**
   * The open folder: its files, the documents open in the editor, edits, settings.
   *
   * @since 1.0.0
   */
  export namespace workspace {
    /**
     * The open folder's name, or undefined when Lathe runs without one.
     *
     * @since 1.0.0
     */
    const name: string | undefined;

    /**
     * The workspace's files.
     *
     * @since 1.0.0
     */
    const fs: FileSystem;

    /**
     * Workspace files whose path matches the glob `include` (`src/**`; every file when undefined)
     * and not the glob `exclude`, honouring `.gitignore` and `files.exclude`. Needs `workspace.read`.
     *
     * @since 1.0.0
     */
    function findFiles(include?: string, exclude?: string, maxResults?: number): Promise<string[]>;

    /**
     * Searches the workspace's files with ripgrep. Needs `workspace.read`.
     *
     * @since 1.0.0
     */
    function textSearch(query: TextSearchQuery, options?: TextSearchOptions): Promise<TextSearchResult>;

    /**
     * Files created, changed or deleted on disk, in batches. Needs `workspace.read`; the first
     * subscription starts the watch.
     *
     * @since 1.0.0
     */
    const onDidChangeFiles: Event<readonly FileChange[]>;

    /**
     * The documents open in the editor.
     *
     * @since 1.0.0
     */
    const textDocuments: readonly TextDocument[];

    /** @since 1.0.0 */
    const onDidOpenTextDocument: Event<TextDocument>;
    /** @since 1.0.0 */
    const onDidCloseTextDocument: Event<TextDocument>;
    /** @since 1.0.0 */
    const onDidChangeTextDocument: Event<TextDocumentChangeEvent>;
    /** @since 1.0.0 */
    const onDidSaveTextDocument: Event<TextDocument>;

    /**
     * Applies a {@link WorkspaceEdit}: one undo step per file. Needs `workspace.write`.
     *
     * @returns Whether every edit was applied.
     * @since 1.0.0
     */
    function applyEdit(edit: WorkspaceEdit): Promise<boolean>;

    /**
     * The plugin's settings, optionally under a section (`word-count`).
     *
     * @since 1.0.0
     */
    function getConfiguration(section?: string): Configuration;

    /**
     * The value of one of the plugin's settings changed (the user edited a settings.json or used the
     * Settings view); `getConfiguration` already returns the new value.
     *
     * @since 1.0.0
     */
    const onDidChangeConfiguration: Event<{ affectsConfiguration(key: string): boolean }>;
  }

  // ---------------------------------------------------------------------------------------------
  // editor
  // ---------------------------------------------------------------------------------------------

  /**
   * How decorated ranges look. Colors are CSS colors (`#ffcc00`, `rgba(255, 200, 0, 0.3)`) or the
   * theme's variables (`var(--color-warning)`).
   *
   * @since 1.0.0
   */
  export interface DecorationRenderOptions {
    /** @since 1.0.0 */
    backgroundColor?: string;
    /** The text's color. @since 1.0.0 */
    color?: string;
    /** A CSS border (`1px solid #888`). @since 1.0.0 */
    border?: string;
    /** @since 1.0.0 */
    fontStyle?: 'normal' | 'italic';
    /** @since 1.0.0 */
    fontWeight?: 'normal' | 'bold';
    /** Decorate whole lines, not only the ranges. @since 1.0.0 */
    isWholeLine?: boolean;
    /** Text shown after each range, not part of the document. @since 1.0.0 */
    after?: { contentText: string; color?: string };
  }

  /**
   * A look for decorations, made once and used with {@link TextEditor.setDecorations}.
   *
   * @since 1.0.0
   */
  export interface TextEditorDecorationType extends Disposable {
    /** @since 1.0.0 */
    readonly key: string;
  }

  /**
   * The editor showing a document.
   *
   * @since 1.0.0
   */
  export interface TextEditor {
    /** @since 1.0.0 */
    readonly document: TextDocument;
    /** The primary selection. @since 1.0.0 */
    readonly selection: Selection;
    /** Every selection (multiple cursors); the first is the primary. @since 1.0.0 */
    readonly selections: readonly Selection[];
    /**
     * Moves the cursors.
     *
     * @since 1.0.0
     */
    setSelections(selections: readonly Selection[]): Promise<void>;
    /**
     * Decorates `ranges` with a decoration type, replacing what this type decorated in this
     * document before (an empty list removes them).
     *
     * @since 1.0.0
     */
    setDecorations(decorationType: TextEditorDecorationType, ranges: readonly Range[]): void;
  }

  /**
   * The active editor, its selections and decorations.
   *
   * @since 1.0.0
   */
  export namespace editor {
    /**
     * The editor with focus (or last focused), or undefined when none shows a text file.
     *
     * @since 1.0.0
     */
    const activeTextEditor: TextEditor | undefined;

    /**
     * The active editor changed (another file, or none).
     *
     * @since 1.0.0
     */
    const onDidChangeActiveTextEditor: Event<TextEditor | undefined>;

    /**
     * The selections of the active editor changed.
     *
     * @since 1.0.0
     */
    const onDidChangeTextEditorSelection: Event<{ readonly textEditor: TextEditor; readonly selections: readonly Selection[] }>;

    /**
     * Makes a decoration type.
     *
     * @since 1.0.0
     */
    function createTextEditorDecorationType(options: DecorationRenderOptions): TextEditorDecorationType;
  }

  // ---------------------------------------------------------------------------------------------
  // terminals
  // ---------------------------------------------------------------------------------------------

  /**
   * A terminal the plugin created (a plugin sees only its own). Needs the `terminal` permission.
   *
   * @since 1.0.0
   */
  export interface Terminal extends Disposable {
    /** @since 1.0.0 */
    readonly id: string;
    /** @since 1.0.0 */
    readonly name: string;
    /**
     * Types text into the terminal, followed by Enter unless `addNewLine` is false.
     *
     * @since 1.0.0
     */
    sendText(text: string, addNewLine?: boolean): Promise<void>;
    /**
     * The terminal's recent output.
     *
     * @since 1.0.0
     */
    readOutput(): Promise<string>;
    /**
     * Output as it arrives (with the shell's control sequences).
     *
     * @since 1.0.0
     */
    readonly onDidWriteData: Event<string>;
    /**
     * The terminal closed (its process ended and the user closed it, or it was disposed of).
     *
     * @since 1.0.0
     */
    readonly onDidClose: Event<void>;
  }

  /** @since 1.0.0 */
  export interface TerminalOptions {
    /** The tab's name. @since 1.0.0 */
    name?: string;
    /** A workspace folder to start in (the root by default). @since 1.0.0 */
    cwd?: string;
  }

  /**
   * Terminals in the workbench's panel.
   *
   * @since 1.0.0
   */
  export namespace terminals {
    /**
     * Starts the default shell in a new terminal.
     *
     * @since 1.0.0
     */
    function create(options?: TerminalOptions): Promise<Terminal>;
  }

  // ---------------------------------------------------------------------------------------------
  // languages
  // ---------------------------------------------------------------------------------------------

  /** @since 1.0.0 */
  export type DiagnosticSeverity = 'error' | 'warning' | 'info' | 'hint';

  /**
   * A problem in a file.
   *
   * @since 1.0.0
   */
  export interface Diagnostic {
    /** @since 1.0.0 */
    range: Range;
    /** @since 1.0.0 */
    message: string;
    /** @since 1.0.0 */
    severity: DiagnosticSeverity;
    /** @since 1.0.0 */
    code?: string;
  }

  /**
   * The plugin's diagnostics, shown in the Problems view under the collection's name and in the
   * editor.
   *
   * @since 1.0.0
   */
  export interface DiagnosticCollection extends Disposable {
    /** @since 1.0.0 */
    readonly name: string;
    /**
     * Replaces a file's diagnostics (an empty list removes them).
     *
     * @since 1.0.0
     */
    set(path: string, diagnostics: readonly Diagnostic[]): void;
    /** @since 1.0.0 */
    delete(path: string): void;
    /** Removes every file's diagnostics. @since 1.0.0 */
    clear(): void;
  }

  /**
   * Language features.
   *
   * @since 1.0.0
   */
  export namespace languages {
    /**
     * Makes a collection of diagnostics; its name shows as their source in the Problems view
     * (the plugin's id when omitted).
     *
     * @since 1.0.0
     */
    function createDiagnosticCollection(name?: string): DiagnosticCollection;
  }

  // ---------------------------------------------------------------------------------------------
  // ai
  // ---------------------------------------------------------------------------------------------

  /** @since 1.0.0 */
  export interface ChatMessage {
    /** @since 1.0.0 */
    role: 'user' | 'assistant';
    /** @since 1.0.0 */
    content: string;
  }

  /** @since 1.0.0 */
  export interface AiRequestOptions {
    /** At most this many tokens in the answer. @since 1.0.0 */
    maxOutputTokens?: number;
    /** 0 to 2; the user's setting by default. @since 1.0.0 */
    temperature?: number;
  }

  /** @since 1.0.0 */
  export interface AiCompleteOptions extends AiRequestOptions {
    /** The text after the gap to fill. @since 1.0.0 */
    suffix?: string;
    /** The file the text belongs to, for the model's context. @since 1.0.0 */
    path?: string;
    /** The language of the text (`rust`). @since 1.0.0 */
    language?: string;
  }

  /**
   * An answer of the AI.
   *
   * @since 1.0.0
   */
  export interface AiAnswer {
    /** @since 1.0.0 */
    readonly text: string;
    /** The provider and model that answered. @since 1.0.0 */
    readonly answeredBy: { readonly provider: string; readonly model: string };
    /** @since 1.0.0 */
    readonly finishReason: 'stop' | 'length' | 'tool-calls' | 'content-filter';
  }

  /**
   * A tool the chat's model may call (see {@link ai.registerTool}).
   *
   * @since 1.0.0
   */
  export interface AiTool {
    /** Unique in the plugin. @since 1.0.0 */
    name: string;
    /** What the tool does and when to use it, for the model. @since 1.0.0 */
    description: string;
    /** A JSON Schema object describing the arguments. @since 1.0.0 */
    parameters: Record<string, unknown>;
  }

  /**
   * Tells a long task that its result is no longer wanted.
   *
   * @since 1.0.0
   */
  export interface CancellationToken {
    /** @since 1.0.0 */
    readonly isCancellationRequested: boolean;
    /** Fires once, when cancellation is requested. @since 1.0.0 */
    readonly onCancellationRequested: Event<void>;
  }

  /**
   * The AI through Lathe's orchestrator: the user's providers, routing, fallbacks and usage
   * accounting. Needs the `ai` permission.
   *
   * @since 1.0.0
   */
  export namespace ai {
    /**
     * Answers a conversation that ends with the user's message.
     *
     * @since 1.0.0
     */
    function chat(messages: readonly ChatMessage[], options?: AiRequestOptions): Promise<AiAnswer>;

    /**
     * Fills in code: what comes after `prefix` (and before `options.suffix`), as inline completion does.
     *
     * @since 1.0.0
     */
    function complete(prefix: string, options?: AiCompleteOptions): Promise<AiAnswer>;

    /**
     * Offers a tool to the model of Lathe's chat. While the plugin runs, the chat sends the tool with
     * each request under the name `<publisher>_<name>__<tool.name>` (the plugin's id, its dot made
     * an underscore, then two underscores), so no plugin can shadow another's tool. When the model
     * calls it, the chat shows the call (plugin, tool, arguments) and asks the user to allow it,
     * once or always for this tool; only then does `handler` run. Its result goes back to the model:
     * a string as it is, anything else as JSON, cut at 100,000 characters. A call that throws, is
     * denied or takes longer than 60 seconds answers the model with an error text instead; after
     * that `token` is cancelled. Needs the `ai` permission: without it, registering fails (the
     * reason is logged) and the tool is not offered.
     *
     * ```ts
     * context.subscriptions.push(
     *   lathe.ai.registerTool(
     *     {
     *       name: 'count_words',
     *       description: 'Counts the words of a text.',
     *       parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
     *     },
     *     async (args) => ({ words: String((args as { text: string }).text).split(/\s+/).filter(Boolean).length }),
     *   ),
     * );
     * ```
     *
     * @param tool `name`: letters, digits, `_` and `-`, short enough that the full name has at most
     *   64 characters; `parameters`: a JSON Schema object describing the arguments.
     * @param handler Runs with the arguments the model wrote (parsed JSON, not checked against
     *   `parameters`) and a token cancelled when the call is no longer wanted.
     * @since 1.0.0
     */
    function registerTool(tool: AiTool, handler: (args: unknown, token: CancellationToken) => Promise<string | object>): Disposable;
  }

  // ---------------------------------------------------------------------------------------------
  // pipelines
  // ---------------------------------------------------------------------------------------------

  /**
   * A step of a Lathe pipeline that runs in a plugin (see {@link pipelines.registerStepKind}).
   *
   * @since 1.0.0
   */
  export interface PipelineStep {
    /** The step's `with:` inputs, expressions already evaluated, names as written. @since 1.0.0 */
    readonly with: Record<string, string>;
    /** The environment the step would give a process: the pipeline's, the job's and the step's `env`. @since 1.0.0 */
    readonly env: Record<string, string>;
    /** The step's folder, relative to the run's working tree (`''` for its root). @since 1.0.0 */
    readonly workingDirectory: string;
  }

  /**
   * Where a plugin step writes its log.
   *
   * @since 1.0.0
   */
  export interface PipelineStepLog {
    /** Adds a line to the step's log, as a program's output would be (workflow commands such as `::error::` work). @since 1.0.0 */
    write(line: string): void;
  }

  /**
   * Lathe's local pipelines (`.lathe/pipelines/*.yml`).
   *
   * @since 1.0.0
   */
  export namespace pipelines {
    /**
     * Contributes a kind of pipeline step. A step written `uses: plugin:<publisher>.<name>/<kind>`
     * (this plugin's id, a slash, then `kind`) runs `handler` in this plugin, with the step's
     * `with:` inputs; what `log.write` writes shows in the step's log. The step succeeds when the
     * returned promise resolves, and later steps read its `outputs` as `steps.<id>.outputs.<name>`;
     * it fails with what the handler throws (`Error: <message>` in the log). Running the step
     * activates the plugin when it is not running yet; it fails at once when the plugin is
     * disabled or has not registered `kind`. After the step's `timeout-minutes` (10 by default),
     * or when the run is cancelled, the step ends and `token` is cancelled: stop the work then.
     *
     * ```ts
     * // .lathe/pipelines/ci.yml:
     * //   - id: version
     * //     uses: plugin:your-name.my-plugin/read-version
     * //     with: { file: Cargo.toml }
     * //   - run: echo "version ${{ steps.version.outputs.version }}"
     * context.subscriptions.push(
     *   lathe.pipelines.registerStepKind('read-version', async (step, log) => {
     *     const text = await lathe.workspace.fs.readFile(step.with.file ?? 'Cargo.toml');
     *     const version = /^version\s*=\s*"([^"]+)"/m.exec(text)?.[1];
     *     if (!version) throw new Error(`No version in ${step.with.file}`);
     *     log.write(`Found version ${version}`);
     *     return { outputs: { version } };
     *   }),
     * );
     * ```
     *
     * @param kind Letters, digits, `_` and `-`, at most 64, starting with a letter or digit;
     *   unique in the plugin.
     * @param handler Runs once per step; what it resolves to gives the step's outputs (strings).
     * @since 1.0.0
     */
    function registerStepKind(
      kind: string,
      handler: (step: PipelineStep, log: PipelineStepLog, token: CancellationToken) => Promise<{ outputs?: Record<string, string> } | void>,
    ): Disposable;
  }

  // ---------------------------------------------------------------------------------------------
  // storage
  // ---------------------------------------------------------------------------------------------

  /**
   * JSON values by key, kept in Lathe's profile database, seen by this plugin alone.
   *
   * @since 1.0.0
   */
  export interface Memento {
    /** The value, or undefined when none is kept. @since 1.0.0 */
    get<T>(key: string): Promise<T | undefined>;
    /** Keeps a JSON value (at most 1 MB); undefined deletes the key. @since 1.0.0 */
    update(key: string, value: unknown): Promise<void>;
    /** @since 1.0.0 */
    keys(): Promise<readonly string[]>;
  }

  /**
   * Secrets kept like Lathe's own API keys (the OS keychain), seen by this plugin alone. Needs the
   * `secrets` permission.
   *
   * @since 1.0.0
   */
  export interface SecretStorage {
    /** @since 1.0.0 */
    get(key: string): Promise<string | undefined>;
    /** @since 1.0.0 */
    store(key: string, value: string): Promise<void>;
    /** @since 1.0.0 */
    delete(key: string): Promise<void>;
  }

  /**
   * The plugin's own storage.
   *
   * @since 1.0.0
   */
  export namespace storage {
    /**
     * Values kept across folders.
     *
     * @since 1.0.0
     */
    const global: Memento;

    /**
     * Values kept for the open folder.
     *
     * @since 1.0.0
     */
    const workspace: Memento;

    /** @since 1.0.0 */
    const secrets: SecretStorage;
  }

  // ---------------------------------------------------------------------------------------------
  // process, network, clipboard
  // ---------------------------------------------------------------------------------------------

  /** @since 1.0.0 */
  export interface ProcessOptions {
    /** A workspace folder (the root by default). @since 1.0.0 */
    cwd?: string;
    /** Written to the program's standard input. @since 1.0.0 */
    stdin?: string;
    /** Stop it after this long (30 s by default, 10 min at most). @since 1.0.0 */
    timeoutMs?: number;
  }

  /** @since 1.0.0 */
  export interface ProcessResult {
    /** Null when a signal stopped it. @since 1.0.0 */
    readonly exitCode: number | null;
    /** @since 1.0.0 */
    readonly stdout: string;
    /** @since 1.0.0 */
    readonly stderr: string;
    /** @since 1.0.0 */
    readonly timedOut: boolean;
  }

  /**
   * Programs the manifest declares (`{ "process": ["cargo"] }`), run without a shell.
   *
   * @since 1.0.0
   */
  export namespace process {
    /**
     * Runs `command` (a name looked up on the PATH) with `args` and waits for it.
     *
     * @since 1.0.0
     */
    function run(command: string, args?: readonly string[], options?: ProcessOptions): Promise<ProcessResult>;
  }

  /** @since 1.0.0 */
  export interface FetchOptions {
    /** @since 1.0.0 */
    method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    /** @since 1.0.0 */
    headers?: Record<string, string>;
    /** @since 1.0.0 */
    body?: string;
  }

  /** @since 1.0.0 */
  export interface FetchResponse {
    /** @since 1.0.0 */
    readonly status: number;
    /** @since 1.0.0 */
    readonly headers: Readonly<Record<string, string>>;
    /** @since 1.0.0 */
    readonly body: string;
  }

  /**
   * HTTP(S) to the hosts the manifest declares (`{ "network": ["crates.io"] }`); Lathe makes the
   * request. Nothing else in a plugin can reach the network.
   *
   * @since 1.0.0
   */
  export namespace network {
    /** @since 1.0.0 */
    function fetch(url: string, options?: FetchOptions): Promise<FetchResponse>;
  }

  /**
   * The system clipboard. Needs the `clipboard` permission.
   *
   * @since 1.0.0
   */
  export namespace clipboard {
    /** @since 1.0.0 */
    function readText(): Promise<string>;
    /** @since 1.0.0 */
    function writeText(text: string): Promise<void>;
  }
}
