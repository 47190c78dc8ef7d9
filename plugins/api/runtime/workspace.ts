import { ask, gateway, report, type RuntimeContext } from './context';
import type { Documents } from './documents';
import { EventEmitter } from './events';
import type { Position, Range, WorkspaceEditData } from './protocol';

interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mtimeMs: number;
  readonly: boolean;
}

interface SearchMatch {
  line: number;
  column: number;
  length: number;
  preview: string;
  previewStart: number;
}

const editsOf = new WeakMap<WorkspaceEdit, WorkspaceEditData['files']>();

/** `lathe.WorkspaceEdit`: edits collected by file, applied together by `workspace.applyEdit`. */
export class WorkspaceEdit {
  constructor() {
    editsOf.set(this, []);
  }

  replace(path: string, range: Range, newText: string): void {
    const files = editsOf.get(this) ?? [];
    const edit = { range: { start: { ...range.start }, end: { ...range.end } }, newText: String(newText) };
    const file = files.find((entry) => entry.path === path);
    if (file) file.edits.push(edit);
    else files.push({ path: String(path), edits: [edit] });
  }

  insert(path: string, position: Position, newText: string): void {
    this.replace(path, { start: position, end: position }, newText);
  }

  delete(path: string, range: Range): void {
    this.replace(path, range, '');
  }

  get size(): number {
    return (editsOf.get(this) ?? []).reduce((count, file) => count + file.edits.length, 0);
  }
}

/** Comma-separated, as the search service takes globs. */
const globList = (globs: readonly string[] | undefined): string | undefined => (globs && globs.length > 0 ? globs.map(String).join(',') : undefined);

/** `lathe.workspace`. */
export function createWorkspace(context: RuntimeContext, options: { name: string | null; documents: Documents; configuration: ReturnType<typeof createConfiguration> }) {
  const { documents, configuration } = options;
  const fileChanges = new EventEmitter<readonly { kind: string; path: string }[]>({
    onFirstListener: () => report(gateway(context, 'workspace.watchFiles', {})),
    onLastListener: () => report(gateway(context, 'workspace.unwatchFiles', {})),
  });

  const fs = {
    readFile: async (path: string): Promise<string> => (await gateway<{ content: string }>(context, 'workspace.readFile', { path })).content,
    writeFile: async (path: string, content: string): Promise<void> => {
      await gateway(context, 'workspace.writeFile', { path, content: String(content) });
    },
    stat: async (path: string) => {
      const stat = await gateway<FileStat>(context, 'workspace.stat', { path });
      return { type: stat.kind, size: stat.size, mtime: stat.mtimeMs, readonly: stat.readonly };
    },
    readDirectory: async (path: string) => {
      const entries = await gateway<{ name: string; path: string; kind: string }[]>(context, 'workspace.readDirectory', { path });
      return entries.map((entry) => ({ name: entry.name, path: entry.path, type: entry.kind }));
    },
    createDirectory: (path: string): Promise<void> => gateway(context, 'workspace.createDirectory', { path }),
    rename: (from: string, to: string, renameOptions: { overwrite?: boolean } = {}): Promise<void> =>
      gateway(context, 'workspace.rename', { from, to, overwrite: renameOptions.overwrite === true }),
    delete: (path: string): Promise<void> => gateway(context, 'workspace.delete', { path }),
  };

  const api = {
    name: options.name ?? undefined,
    fs,
    async findFiles(include?: string, exclude?: string, maxResults?: number): Promise<string[]> {
      const found = await gateway<{ paths: string[] }>(context, 'workspace.findFiles', {
        ...(include === undefined ? {} : { include }),
        ...(exclude === undefined ? {} : { exclude }),
        ...(maxResults === undefined ? {} : { limit: maxResults }),
      });
      return found.paths;
    },
    async textSearch(
      query: { pattern: string; isRegExp?: boolean; isCaseSensitive?: boolean; isWordMatch?: boolean },
      searchOptions: { include?: readonly string[]; exclude?: readonly string[]; maxResults?: number } = {},
    ) {
      const include = globList(searchOptions.include);
      const exclude = globList(searchOptions.exclude);
      const result = await gateway<{ files: { path: string; matches: SearchMatch[] }[]; truncated: boolean }>(context, 'workspace.textSearch', {
        query: String(query.pattern),
        isRegex: query.isRegExp === true,
        matchCase: query.isCaseSensitive === true,
        wholeWord: query.isWordMatch === true,
        ...(include === undefined ? {} : { include }),
        ...(exclude === undefined ? {} : { exclude }),
        ...(searchOptions.maxResults === undefined ? {} : { maxResults: searchOptions.maxResults }),
      });
      const matches = result.files.flatMap((file) =>
        file.matches.map((match) => ({
          path: file.path,
          range: {
            start: { line: match.line - 1, character: match.column - 1 },
            end: { line: match.line - 1, character: match.column - 1 + match.length },
          },
          preview: match.preview,
          previewStart: match.previewStart,
        })),
      );
      return { matches, truncated: result.truncated };
    },
    onDidChangeFiles: fileChanges.event,
    get textDocuments() {
      return documents.all();
    },
    onDidOpenTextDocument: documents.onDidOpen,
    onDidCloseTextDocument: documents.onDidClose,
    onDidChangeTextDocument: documents.onDidChange,
    onDidSaveTextDocument: documents.onDidSave,
    applyEdit: (edit: WorkspaceEdit): Promise<boolean> => ask(context.workbench.applyEdit({ files: editsOf.get(edit) ?? [] })),
    getConfiguration: configuration.get,
    onDidChangeConfiguration: configuration.onDidChange,
  };
  return {
    api,
    /** Main's `workspace.didChangeFiles`, for this plugin's watch. */
    filesChanged: (changes: readonly { kind: string; path: string }[]): void => fileChanges.fire(Object.freeze(changes.map((change) => Object.freeze({ ...change })))),
  };
}

/** The plugin's settings, as the workbench last sent them. */
export function createConfiguration(initial: Record<string, unknown>) {
  let values = initial;
  const changed = new EventEmitter<{ affectsConfiguration(key: string): boolean }>();
  return {
    get(section?: string) {
      const prefix = section ? `${section}.` : '';
      return Object.freeze({
        get<T>(key: string, defaultValue?: T): T | undefined {
          const value = Object.hasOwn(values, `${prefix}${key}`) ? values[`${prefix}${key}`] : Object.hasOwn(values, key) ? values[key] : undefined;
          return value === undefined ? defaultValue : (structuredClone(value) as T);
        },
      });
    },
    onDidChange: changed.event,
    update(next: Record<string, unknown>): void {
      const previous = values;
      values = next;
      const keys = new Set([...Object.keys(previous), ...Object.keys(next)].filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key])));
      if (keys.size === 0) return;
      changed.fire(Object.freeze({ affectsConfiguration: (key: string) => [...keys].some((changedKey) => changedKey === key || changedKey.startsWith(`${key}.`)) }));
    },
  };
}
