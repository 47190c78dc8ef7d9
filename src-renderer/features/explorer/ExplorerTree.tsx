import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useSetting } from '../../app/store';
import { openFile } from '../editor';
import { enabledGlobs, pathMatcher } from '../../../src-shared/globs';
import { ExplorerRow } from './ExplorerRow';
import { useExplorerStore } from './store';
import { visibleRows, type TreeRow } from './visible-rows';

/** The folder tree of the workspace, flattened into rows, with arrow-key navigation like VS Code's lists. */
export function ExplorerTree() {
  const children = useExplorerStore((state) => state.children);
  const expanded = useExplorerStore((state) => state.expanded);
  const errors = useExplorerStore((state) => state.errors);
  const selected = useExplorerStore((state) => state.selected);
  const focusPending = useExplorerStore((state) => state.focusPending);
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

  const activate = (row: TreeRow): void => {
    const store = useExplorerStore.getState();
    store.select(row.entry.path);
    if (row.isFolder) store.toggle(row.entry.path);
    else void openFile(row.entry.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
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
    } else if ((event.key === 'Enter' || event.key === ' ') && row) activate(row);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <div ref={tree} className="explorer-tree" role="tree" aria-label="Files Explorer" tabIndex={0} onKeyDown={onKeyDown}>
      {rootError ? <div className="explorer-error">{rootError}</div> : null}
      {rows.map((row) => (
        <ExplorerRow key={row.entry.path} row={row} selected={row.entry.path === selected} onActivate={activate} />
      ))}
    </div>
  );
}

/** The row of the folder that contains the row at `index` (or the row itself at the top level). */
function parentIndex(rows: readonly TreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let at = index - 1; at >= 0; at--) if ((rows[at]?.depth ?? 0) < depth) return at;
  return index;
}
