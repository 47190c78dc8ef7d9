import type { DirectoryEntry } from '../../../src-shared/contract';

export interface TreeRow {
  entry: DirectoryEntry;
  depth: number;
  isFolder: boolean;
  expanded: boolean;
  /** Expanded but its listing has not arrived yet. */
  loading: boolean;
  error: string | undefined;
}

interface TreeSource {
  children: Record<string, DirectoryEntry[]>;
  expanded: Record<string, boolean>;
  errors: Record<string, string>;
  isExcluded(path: string): boolean;
}

/** The rows a user sees, top to bottom: the tree flattened through the expanded folders. */
export function visibleRows({ children, expanded, errors, isExcluded }: TreeSource): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: string, depth: number): void => {
    for (const entry of children[folder] ?? []) {
      if (isExcluded(entry.path)) continue;
      const isFolder = entry.kind === 'directory';
      const isExpanded = isFolder && expanded[entry.path] === true;
      rows.push({
        entry,
        depth,
        isFolder,
        expanded: isExpanded,
        loading: isExpanded && !children[entry.path] && !errors[entry.path],
        error: errors[entry.path],
      });
      if (isExpanded) walk(entry.path, depth + 1);
    }
  };
  walk('', 0);
  return rows;
}
