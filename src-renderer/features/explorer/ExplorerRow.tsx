import { memo, useState, type DragEvent, type MouseEvent } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { fileIcon } from '../../platform/ui/file-icon';
import { useGitDecoration } from '../scm';
import { InlineNameInput } from './InlineNameInput';
import { canDrop, moveInto } from './operations';
import type { TreeRow } from './visible-rows';

interface ExplorerRowProps {
  row: TreeRow;
  selected: boolean;
  renaming: boolean;
  /** A single click previews a file; a double click (`keep`) opens it in a tab that stays. */
  onActivate(row: TreeRow, keep: boolean): void;
  onContextMenu(row: TreeRow, event: MouseEvent): void;
}

export const indentPx = 8;
export const basePaddingPx = 12;
/** The drag payload: the workspace path of the row being dragged. */
export const dragType = 'application/x-lathe-explorer-path';

let dragging: string | null = null;

/** The folder a drop on `row` moves into: the row itself when it is a folder, else its parent. */
function dropFolder(row: TreeRow): string {
  if (row.isFolder) return row.entry.path;
  const slash = row.entry.path.lastIndexOf('/');
  return slash < 0 ? '' : row.entry.path.slice(0, slash);
}

/** Starts a drag of `path` from the tree (rows and tests use the same payload). */
export function startDrag(event: DragEvent, path: string): void {
  dragging = path;
  event.dataTransfer.setData(dragType, path);
  event.dataTransfer.effectAllowed = 'move';
}

export function draggedPath(): string | null {
  return dragging;
}

export function endDrag(): void {
  dragging = null;
}

/** One line of the tree: indent guides, a chevron for folders, the name (or its rename box). */
export const ExplorerRow = memo(function ExplorerRow({ row, selected, renaming, onActivate, onContextMenu }: ExplorerRowProps) {
  const { entry, depth, isFolder, expanded, loading, error } = row;
  const [dropTarget, setDropTarget] = useState(false);
  const decoration = useGitDecoration(entry.path);
  const acceptsDrop = (): boolean => dragging !== null && canDrop(dragging, dropFolder(row));
  return (
    <div
      className={`explorer-row${dropTarget ? ' drop-target' : ''}${entry.gitIgnored ? ' git-ignored' : ''}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={isFolder ? expanded : undefined}
      aria-selected={selected}
      data-testid="explorer-row"
      data-path={entry.path}
      data-git-ignored={entry.gitIgnored === true}
      title={error ?? (decoration ? `${entry.path} • ${decoration.tooltip}` : entry.path)}
      style={{ paddingLeft: basePaddingPx + depth * indentPx }}
      draggable={!renaming}
      onClick={() => onActivate(row, false)}
      onDoubleClick={() => {
        if (!row.isFolder) onActivate(row, true);
      }}
      onContextMenu={(event) => onContextMenu(row, event)}
      onDragStart={(event) => startDrag(event, entry.path)}
      onDragEnd={endDrag}
      onDragOver={(event) => {
        if (!acceptsDrop()) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(event) => {
        setDropTarget(false);
        const from = dragging;
        if (from === null || !canDrop(from, dropFolder(row))) return;
        event.preventDefault();
        event.stopPropagation();
        endDrag();
        void moveInto(from, dropFolder(row));
      }}
    >
      {Array.from({ length: depth }, (_, level) => (
        <span key={level} className="indent-guide" style={{ left: basePaddingPx + level * indentPx + 4 }} />
      ))}
      <span className="explorer-row-twistie">
        {isFolder ? <Codicon name={loading ? 'loading' : expanded ? 'chevron-down' : 'chevron-right'} className={loading ? 'codicon-modifier-spin' : undefined} /> : null}
      </span>
      {isFolder ? null : <Codicon name={fileIcon(entry.name)} className="explorer-row-icon" />}
      {renaming ? (
        <InlineNameInput initial={entry.name} selectStem={!isFolder} />
      ) : (
        <span className={`explorer-row-label${error ? ' has-error' : decoration ? ` ${decoration.className}` : ''}`}>{entry.name}</span>
      )}
      {decoration && !renaming ? (
        <span className={`explorer-row-decoration ${decoration.className}`} data-testid="explorer-git-decoration">
          {decoration.letter ?? '•'}
        </span>
      ) : null}
    </div>
  );
});

/** The row where the name of a new file or folder is typed. */
export function NewEntryRow({ depth, folder }: { depth: number; folder: boolean }) {
  return (
    <div className="explorer-row editing" style={{ paddingLeft: basePaddingPx + depth * indentPx }}>
      <span className="explorer-row-twistie">{folder ? <Codicon name="chevron-right" /> : null}</span>
      {folder ? null : <Codicon name="file-code" className="explorer-row-icon" />}
      <InlineNameInput initial="" selectStem={false} />
    </div>
  );
}
