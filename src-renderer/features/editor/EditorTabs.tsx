import { Codicon } from '../../platform/ui/Codicon';
import { closeEditor } from './actions';
import { useEditorStore, type EditorTab } from './store';

/** The tab strip: one tab per open file, ● while dirty (× on hover), middle-click closes. */
export function EditorTabs() {
  const tabs = useEditorStore((state) => state.tabs);
  const activePath = useEditorStore((state) => state.activePath);
  return (
    <div className="editor-tabs" role="tablist" aria-label="Open Editors">
      {tabs.map((tab) => (
        <Tab key={tab.path} tab={tab} active={tab.path === activePath} />
      ))}
    </div>
  );
}

function Tab({ tab, active }: { tab: EditorTab; active: boolean }) {
  return (
    <div
      className={`editor-tab${active ? ' active' : ''}${tab.dirty ? ' dirty' : ''}${tab.deleted ? ' deleted' : ''}`}
      role="tab"
      aria-selected={active}
      data-testid="tab"
      data-path={tab.path}
      data-dirty={String(tab.dirty)}
      data-conflict={String(tab.conflict === true)}
      data-deleted={String(tab.deleted === true)}
      title={tabTitle(tab)}
      onMouseDown={(event) => {
        if (event.button === 0) useEditorStore.getState().activate(tab.path);
        // Middle-click would start autoscroll in the browser.
        if (event.button === 1) event.preventDefault();
      }}
      onAuxClick={(event) => {
        if (event.button === 1) closeEditor(tab.path);
      }}
    >
      <span className="editor-tab-label">{tab.name}</span>
      {tab.conflict ? (
        <span className="editor-tab-conflict" data-testid="tab-conflict" title="Changed on disk; your unsaved changes are kept">
          <Codicon name="warning" />
        </span>
      ) : null}
      <button
        type="button"
        className="editor-tab-close icon-button"
        title="Close"
        aria-label={`Close ${tab.name}`}
        onMouseDown={(event) => event.stopPropagation()}
        onClick={() => closeEditor(tab.path)}
      >
        <Codicon name="close" className="editor-tab-close-icon" />
        <Codicon name="circle-filled" className="editor-tab-dirty-icon" />
      </button>
    </div>
  );
}

function tabTitle(tab: EditorTab): string {
  const notes = [tab.dirty ? 'Unsaved' : '', tab.conflict ? 'Changed on disk' : '', tab.deleted ? 'Deleted' : ''].filter(Boolean);
  return notes.length > 0 ? `${tab.path} • ${notes.join(' • ')}` : tab.path;
}
