import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/store';
import { Codicon } from '../../platform/ui/Codicon';
import { useEditorStore } from '../editor';
import { ExplorerTree } from './ExplorerTree';
import { useExplorerStore } from './store';
import './explorer.css';

/** The Explorer side bar view: the open folder as a lazy tree, or a hint when none is open. */
export function ExplorerView() {
  const info = useAppStore((state) => state.info);
  const workspace = info?.workspace ?? null;
  const [sectionOpen, setSectionOpen] = useState(true);
  const refresh = useExplorerStore((state) => state.refresh);
  const collapseAll = useExplorerStore((state) => state.collapseAll);
  const activeEditorPath = useEditorStore((state) => state.activePath);

  useEffect(() => {
    if (activeEditorPath) useExplorerStore.getState().reveal(activeEditorPath);
  }, [activeEditorPath]);

  return (
    <div className="explorer">
      <header className="side-bar-title">
        <h2>Explorer</h2>
      </header>
      {workspace === null ? (
        <div className="explorer-empty">
          <p>No folder open</p>
          <p className="explorer-empty-hint">Open a folder to see its files here.</p>
        </div>
      ) : (
        <section className="explorer-section">
          <div className="pane-header">
            <button
              type="button"
              className="pane-header-toggle"
              aria-expanded={sectionOpen}
              onClick={() => setSectionOpen((open) => !open)}
              title={workspace.root}
            >
              <Codicon name={sectionOpen ? 'chevron-down' : 'chevron-right'} />
              <span className="pane-header-title">{workspace.name}</span>
            </button>
            <div className="pane-header-actions">
              <button type="button" className="icon-button" title="Refresh Explorer" aria-label="Refresh Explorer" onClick={() => void refresh()}>
                <Codicon name="refresh" />
              </button>
              <button type="button" className="icon-button" title="Collapse Folders in Explorer" aria-label="Collapse Folders in Explorer" onClick={collapseAll}>
                <Codicon name="collapse-all" />
              </button>
            </div>
          </div>
          {sectionOpen ? <ExplorerTree /> : null}
        </section>
      )}
    </div>
  );
}
