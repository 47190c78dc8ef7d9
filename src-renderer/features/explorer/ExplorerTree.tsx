import { Fragment, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useSetting } from '../../app/store';
import { openFile } from '../editor';
import { enabledGlobs, pathMatcher } from '../../../src-shared/globs';
import { ExplorerContextMenu } from './ExplorerContextMenu';
import { ExplorerRow, NewEntryRow, draggedPath, endDrag } from './ExplorerRow';
import { canDrop, deleteEntry, moveInto, startRename } from './operations';
import { useExplorerStore } from './store';
import { visibleRows, type TreeRow } from './visible-rows';

/** The folder tree of the workspace, flattened into rows, with arrow-key navigation like VS Code's lists. */
export function ExplorerTree() {
  const children = useExplorerStore((state) => state.children);
  const expanded = useExplorerStore((state) => state.expanded);
  const errors = useExplorerStore((state) => state.errors);
  const selected = useExplorerStore((state) => state.selected);
  const focusPending = useExplorerStore((state) => state.focusPending);
  const edit = useExplorerStore((state) => state.edit);
  const rootError = errors[''];
  const exclude = useSetting('files.exclude');
  const isExcluded = useMemo(() => pathMatcher(enabledGlobs(exclude)), [exclude]);
  const rows = useMemo(() => visibleRows({ children, expanded, errors, isExcluded }), [children, expanded, errors, isExcluded]);
  const tree = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!useExplorerStore.getState().children['']) void useExplorerStore.getState().load('');
  }, []);

  useEffect(() => {
    if (!focusPending) return;
    tree.current?.focus();
    useExplorerStore.getState().focusTaken();
  }, [focusPending]);

  useEffect(() => {
    tree.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const newEntry = edit && edit.kind !== 'rename' ? { parent: edit.parent, folder: edit.kind === 'newFolder' } : null;

  const activate = (row: TreeRow, keep: boolean): void => {
    const store = useExplorerStore.getState();
    store.select(row.entry.path);
    if (!row.isFolder) void openFile(row.entry.path, { preview: !keep });
    else if (!keep) store.toggle(row.entry.path);
  };

  const openMenu = (path: string | null, event: MouseEvent): void => {
    event.preventDefault();
    event.stopPropagation();
    const store = useExplorerStore.getState();
    if (path !== null) store.select(path);
    store.setMenu({ x: event.clientX, y: event.clientY, path });
  };
  const onRowContextMenu = (row: TreeRow, event: MouseEvent): void => openMenu(row.entry.path, event);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Keys typed into a name box stay there.
    if (event.target !== event.currentTarget) return;
    const store = useExplorerStore.getState();
    const index = rows.findIndex((row) => row.entry.path === selected);
    const row = rows[index];
    const selectAt = (at: number) => {
      const target = rows[Math.max(0, Math.min(at, rows.length - 1))];
      if (target) store.select(target.entry.path);
    };
    let handled = true;
    if (event.key === 'ArrowDown') selectAt(index + 1);
    else if (event.key === 'ArrowUp') selectAt(index < 0 ? 0 : index - 1);
    else if (event.key === 'Home') selectAt(0);
    else if (event.key === 'End') selectAt(rows.length - 1);
    else if (event.key === 'ArrowRight' && row?.isFolder) {
      if (!row.expanded) store.setExpanded(row.entry.path, true);
      else selectAt(index + 1);
    } else if (event.key === 'ArrowLeft' && row) {
      if (row.isFolder && row.expanded) store.setExpanded(row.entry.path, false);
      else selectAt(parentIndex(rows, index));
    } else if ((event.key === 'Enter' || event.key === ' ') && row) activate(row, event.key === 'Enter');
    else if (event.key === 'F2' && row) startRename(row.entry.path);
    else if ((event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) && row) void deleteEntry(row.entry.path);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <div
      ref={tree}
      className="explorer-tree"
      role="tree"
      aria-label="Files Explorer"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => openMenu(null, event)}
      onDragOver={(event) => {
        // Empty space below the rows is the workspace root.
        const from = draggedPath();
        if (from === null || !canDrop(from, '')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(event) => {
        const from = draggedPath();
        if (from === null || !canDrop(from, '')) return;
        event.preventDefault();
        endDrag();
        void moveInto(from, '');
      }}
    >
      {rootError ? <div className="explorer-error">{rootError}</div> : null}
      {newEntry && newEntry.parent === '' ? <NewEntryRow depth={0} folder={newEntry.folder} /> : null}
      {rows.map((row) => (
        <Fragment key={row.entry.path}>
          <ExplorerRow
            row={row}
            selected={row.entry.path === selected}
            renaming={edit?.kind === 'rename' && edit.path === row.entry.path}
            onActivate={activate}
            onContextMenu={onRowContextMenu}
          />
          {newEntry && row.isFolder && row.expanded && newEntry.parent === row.entry.path ? (
            <NewEntryRow depth={row.depth + 1} folder={newEntry.folder} />
          ) : null}
        </Fragment>
      ))}
      <ExplorerContextMenu />
    </div>
  );
}

/** The row of the folder that contains the row at `index` (or the row itself at the top level). */
function parentIndex(rows: readonly TreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let at = index - 1; at >= 0; at--) if ((rows[at]?.depth ?? 0) < depth) return at;
  return index;
}
