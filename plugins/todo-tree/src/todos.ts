import { parseTaggedLine } from './tags';

/** One search match, as `workspace.textSearch` reports it (0-based line and character). */
export interface LineMatch {
  path: string;
  line: number;
  character: number;
  preview: string;
}

export interface Todo {
  path: string;
  /** Where the match starts, 0-based. */
  line: number;
  character: number;
  tag: string;
  text: string;
}

export interface TodoFile {
  path: string;
  todos: Todo[];
}

/** The matches as TODOs, grouped by file (sorted by path) and ordered by line; one per line. */
export function groupTodos(matches: readonly LineMatch[], tags: readonly string[]): TodoFile[] {
  const byPath = new Map<string, Map<number, Todo>>();
  for (const match of matches) {
    const tagged = parseTaggedLine(match.preview, tags);
    if (!tagged) continue;
    const lines = byPath.get(match.path) ?? new Map<number, Todo>();
    if (!lines.has(match.line)) lines.set(match.line, { path: match.path, line: match.line, character: match.character, ...tagged });
    byPath.set(match.path, lines);
  }
  return [...byPath.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, lines]) => ({ path, todos: [...lines.values()].sort((a, b) => a.line - b.line) }));
}

/** How many TODOs carry each tag, in the order of `tags`. */
export function countByTag(files: readonly TodoFile[], tags: readonly string[]): { tag: string; count: number }[] {
  const counts = new Map(tags.map((tag) => [tag, 0]));
  for (const todo of files.flatMap((file) => file.todos)) counts.set(todo.tag, (counts.get(todo.tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count }));
}

/** The status bar's text: `$(check) 3 TODO 1 FIXME`, leaving out tags with none. */
export function statusText(counts: readonly { tag: string; count: number }[]): string {
  const found = counts.filter(({ count }) => count > 0);
  if (found.length === 0) return '$(check) No TODOs';
  return `$(check) ${found.map(({ tag, count }) => `${count} ${tag}`).join(' ')}`;
}

/** What a scan found: every tag's count, the number of files, and whether the search was cut short. */
export function scanSummary(counts: readonly { tag: string; count: number }[], fileCount: number, truncated: boolean): string {
  const summary = counts.map(({ tag, count }) => `${count} ${tag}`).join(', ');
  const files = fileCount === 1 ? '1 file' : `${fileCount} files`;
  return `${summary} in ${files}${truncated ? ' (the search stopped early: some are not counted)' : ''}`;
}

/** `src/lib/parse.rs` → the file's name and the folder it is in (empty at the root). */
export function splitPath(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash) };
}
