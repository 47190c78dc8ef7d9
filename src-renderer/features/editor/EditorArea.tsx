import { EditorGroupView } from './EditorGroupView';
import { EditorPicker } from './EditorPicker';
import { useEditorStore } from './store';
import './editor.css';

/** The editor groups, side by side, each with its own tabs and editor. */
export function EditorArea() {
  const groups = useEditorStore((state) => state.groups);
  const activeGroupId = useEditorStore((state) => state.activeGroupId);
  return (
    <div className="editor-area" data-testid="editor-area">
      {groups.map((group) => (
        <EditorGroupView key={group.id} group={group} active={group.id === activeGroupId} single={groups.length === 1} />
      ))}
      <EditorPicker />
    </div>
  );
}
