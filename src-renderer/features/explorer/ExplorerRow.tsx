import { memo } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import type { TreeRow } from './visible-rows';

interface ExplorerRowProps {
  row: TreeRow;
  selected: boolean;
  onActivate(row: TreeRow): void;
}

const indentPx = 8;
const basePaddingPx = 12;

/** One line of the tree: indent guides, a chevron for folders, the name. */
export const ExplorerRow = memo(function ExplorerRow({ row, selected, onActivate }: ExplorerRowProps) {
  const { entry, depth, isFolder, expanded, loading, error } = row;
  return (
    <div
      className="explorer-row"
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={isFolder ? expanded : undefined}
      aria-selected={selected}
      data-path={entry.path}
      title={error ?? entry.path}
      style={{ paddingLeft: basePaddingPx + depth * indentPx }}
      onClick={() => onActivate(row)}
    >
      {Array.from({ length: depth }, (_, level) => (
        <span key={level} className="indent-guide" style={{ left: basePaddingPx + level * indentPx + 4 }} />
      ))}
      <span className="explorer-row-twistie">
        {isFolder ? <Codicon name={loading ? 'loading' : expanded ? 'chevron-down' : 'chevron-right'} className={loading ? 'codicon-modifier-spin' : undefined} /> : null}
      </span>
      {isFolder ? null : <Codicon name={fileIcon(entry.name)} className="explorer-row-icon" />}
      <span className={`explorer-row-label${error ? ' has-error' : ''}`}>{entry.name}</span>
    </div>
  );
});

/** Codicons are monochrome; a handful of shapes is enough to tell file kinds apart at a glance. */
function fileIcon(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.txt')) return 'markdown';
  if (lower.endsWith('.json') || lower.endsWith('.toml') || lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'json';
  if (lower.startsWith('.git') || lower.endsWith('.lock')) return 'gear';
  return 'file-code';
}
