import { Breadcrumbs } from './Breadcrumbs';
import { EditorTabs } from './EditorTabs';
import { EditorWatermark } from './EditorWatermark';
import { MonacoView } from './MonacoView';
import { useEditorStore } from './store';
import './editor.css';

/** The editor group: tabs, breadcrumbs and Monaco, or the watermark when nothing is open. */
export function EditorArea() {
  const activePath = useEditorStore((state) => state.activePath);
  const hasTabs = useEditorStore((state) => state.tabs.length > 0);
  return (
    <div className="editor-group">
      {hasTabs ? <EditorTabs /> : null}
      {activePath ? <Breadcrumbs path={activePath} /> : null}
      <div className="editor-body">
        <MonacoView hidden={!activePath} />
        {activePath ? null : <EditorWatermark />}
      </div>
    </div>
  );
}
