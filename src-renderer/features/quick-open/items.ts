import { Fzf, type FzfResultItem } from 'fzf';

export interface QuickOpenQuery {
  /** What is matched against the paths. */
  text: string;
  line: number | undefined;
  column: number | undefined;
}

export interface QuickOpenItem {
  path: string;
  name: string;
  /** The containing folder ('' at the workspace root). */
  folder: string;
  namePositions: number[];
  folderPositions: number[];
  recent: boolean;
}

/** Splits a `:line` or `:line:col` suffix off the query, e.g. `main.rs:7:3`. */
export function parseQuickOpenQuery(query: string): QuickOpenQuery {
  const trimmed = query.trim();
  const match = /^(.*?):(\d*)(?::(\d*))?$/.exec(trimmed);
  if (!match) return { text: trimmed, line: undefined, column: undefined };
  const number = (digits: string | undefined) => (digits ? Math.max(1, Number.parseInt(digits, 10)) : undefined);
  return { text: (match[1] ?? '').trim(), line: number(match[2]), column: number(match[3]) };
}

function item(path: string, positions: Iterable<number>, recent: boolean): QuickOpenItem {
  const slash = path.lastIndexOf('/');
  const namePositions: number[] = [];
  const folderPositions: number[] = [];
  for (const position of positions) {
    if (position > slash) namePositions.push(position - slash - 1);
    else if (position < slash) folderPositions.push(position);
  }
  return {
    path,
    name: path.slice(slash + 1),
    folder: slash < 0 ? '' : path.slice(0, slash),
    namePositions: namePositions.sort((a, b) => a - b),
    folderPositions: folderPositions.sort((a, b) => a - b),
    recent,
  };
}

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A matcher over one list of paths; build it once per list (fzf prepares every entry). */
export class QuickOpenMatcher {
  private readonly pathFinder: Fzf<readonly string[]>;
  private readonly nameFinder: Fzf<readonly string[]>;
  private readonly known: ReadonlySet<string>;

  constructor(private readonly paths: readonly string[]) {
    this.known = new Set(paths);
    // fzf's v2 algorithm ranks better; v1 keeps very large workspaces responsive.
    const fuzzy = paths.length > 50_000 ? 'v1' : 'v2';
    this.pathFinder = new Fzf(paths, { casing: 'case-insensitive', fuzzy, limit: Number.POSITIVE_INFINITY });
    this.nameFinder = new Fzf(paths, { casing: 'case-insensitive', fuzzy, selector: basename, limit: Number.POSITIVE_INFINITY });
  }

  /**
   * Rows for a query, at most `cap`: for no query, the recent files then the rest in list order;
   * otherwise fuzzy matches, those matching within the file name first, then those matching across the path.
   */
  items(text: string, recent: readonly string[], cap: number): QuickOpenItem[] {
    const recentSet = new Set(recent);
    if (text === '') {
      const rows = recent.filter((path) => this.known.has(path)).map((path) => item(path, [], true));
      for (const path of this.paths) {
        if (rows.length >= cap) break;
        if (!recentSet.has(path)) rows.push(item(path, [], false));
      }
      return rows.slice(0, cap);
    }
    const rows: QuickOpenItem[] = [];
    const seen = new Set<string>();
    const add = (match: FzfResultItem<string>, offset: number) => {
      if (rows.length >= cap || seen.has(match.item)) return;
      seen.add(match.item);
      rows.push(item(match.item, [...match.positions].map((position) => position + offset), recentSet.has(match.item)));
    };
    if (!text.includes('/')) {
      for (const match of this.nameFinder.find(text)) add(match, match.item.lastIndexOf('/') + 1);
    }
    for (const match of this.pathFinder.find(text)) add(match, 0);
    return rows;
  }
}
