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

/** How many pre-ranked candidates fzf ranks properly; the pre-ranking keeps a keystroke cheap on 100k files. */
const rankedCandidates = 600;

/**
 * The length of the shortest greedy run of `needle`'s characters, in order, within `text` from `from`,
 * or -1 when they do not all occur. Cheap (native indexOf per character) and a fair proxy for fzf's score.
 */
function greedySpan(text: string, from: number, needle: string): number {
  let position = from;
  let first = -1;
  for (let index = 0; index < needle.length; index += 1) {
    const found = text.indexOf(needle.charAt(index), position);
    if (found < 0) return -1;
    if (first < 0) first = found;
    position = found + 1;
  }
  return position - first;
}

/** A matcher over one list of paths; build it once per list. */
export class QuickOpenMatcher {
  private readonly lowerPaths: string[];
  private readonly nameStarts: Int32Array;
  private readonly known: ReadonlySet<string>;

  constructor(private readonly paths: readonly string[]) {
    this.known = new Set(paths);
    this.lowerPaths = paths.map((path) => path.toLowerCase());
    this.nameStarts = Int32Array.from(paths, (path) => path.lastIndexOf('/') + 1);
  }

  /**
   * Rows for a query, at most `cap`: for no query, the recent files then the rest in list order;
   * otherwise fuzzy matches (fzf), those matching within the file name first, then those matching across the path.
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
    const candidates = this.candidates(text.toLowerCase().replace(/\s+/g, ''));
    const rows: QuickOpenItem[] = [];
    const seen = new Set<string>();
    const add = (match: FzfResultItem<string>, offset: number) => {
      if (rows.length >= cap || seen.has(match.item)) return;
      seen.add(match.item);
      rows.push(item(match.item, [...match.positions].map((position) => position + offset), recentSet.has(match.item)));
    };
    const options = { casing: 'case-insensitive', fuzzy: 'v1', limit: Number.POSITIVE_INFINITY } as const;
    if (!text.includes('/')) {
      for (const match of new Fzf(candidates, { ...options, selector: basename }).find(text)) add(match, match.item.lastIndexOf('/') + 1);
    }
    for (const match of new Fzf(candidates, options).find(text)) add(match, 0);
    return rows;
  }

  /** The paths most likely to rank well: all characters within the file name first, tightest runs first. */
  private candidates(needle: string): string[] {
    const scores = new Int32Array(this.lowerPaths.length).fill(-1);
    const counts = new Map<number, number>();
    for (let index = 0; index < this.lowerPaths.length; index += 1) {
      const lower = this.lowerPaths[index] ?? '';
      const inName = needle.includes('/') ? -1 : greedySpan(lower, this.nameStarts[index] ?? 0, needle);
      const span = inName >= 0 ? inName : greedySpan(lower, 0, needle);
      if (span < 0) continue;
      const score = inName >= 0 ? span : 100_000 + span;
      scores[index] = score;
      counts.set(score, (counts.get(score) ?? 0) + 1);
    }
    // The best `rankedCandidates` by score, in list order within a score; counting avoids sorting 100k entries.
    let threshold = Number.POSITIVE_INFINITY;
    let taken = 0;
    for (const score of [...counts.keys()].sort((a, b) => a - b)) {
      taken += counts.get(score) ?? 0;
      if (taken >= rankedCandidates) {
        threshold = score;
        break;
      }
    }
    const picked: string[] = [];
    for (let index = 0; index < scores.length && picked.length < rankedCandidates; index += 1) {
      const score = scores[index] ?? -1;
      if (score >= 0 && score < threshold) picked.push(this.paths[index] ?? '');
    }
    for (let index = 0; index < scores.length && picked.length < rankedCandidates; index += 1) {
      if (scores[index] === threshold) picked.push(this.paths[index] ?? '');
    }
    return picked;
  }
}
