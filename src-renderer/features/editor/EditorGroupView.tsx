import { Breadcrumbs } from './Breadcrumbs';
import { diskCompareInput } from './compare-input';
import { ConflictBar } from './ConflictBar';
import { diffInputOf } from './diff-inputs';
import { DiffView } from './DiffView';
import { EditorTabs } from './EditorTabs';
import { EditorWatermark } from './EditorWatermark';
import { MarkdownPreview } from './MarkdownPreview';
import { MonacoView } from './MonacoView';
import { dropTabOnGroup, isTabDrag } from './tab-drag';
import { tabKey, useEditorStore, type EditorGroup } from './store';

interface EditorGroupViewProps {
  group: EditorGroup;
  active: boolean;
  /** The only group: it shows the watermark when empty. */
  single: boolean;
}

/** One editor group: its tab strip, the front tab's breadcrumbs and notices, and its editor. */
export function EditorGroupView({ group, active, single }: EditorGroupViewProps) {
  const front = group.tabs.find((tab) => tabKey(tab) === group.activeKey) ?? null;
  const file = useEditorStore((state) => (front ? state.files.find((candidate) => candidate.path === front.path) : undefined));
  const comparing = useEditorStore((state) => front !== null && front.view === 'text' && state.comparePath === front.path);
  const textPath = front?.view === 'text' ? front.path : null;
  const compareInput = comparing && textPath ? diskCompareInput(textPath) : null;
  const diffInput = front?.view === 'diff' ? diffInputOf(front.diff) : undefined;
  return (
    <div
      className={`editor-group${active ? ' active' : ''}`}
      data-testid="editor-group"
      data-group-id={group.id}
      data-active={String(active)}
      onMouseDownCapture={() => useEditorStore.getState().focusGroup(group.id)}
      onDragOver={(event) => {
        if (!isTabDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(event) => {
        if (!isTabDrag(event)) return;
        event.preventDefault();
        dropTabOnGroup(event, group.id, group.tabs.length);
      }}
    >
      {group.tabs.length > 0 ? <EditorTabs group={group} /> : null}
      {front ? <Breadcrumbs path={front.path} largeFile={file?.largeFile === true} /> : null}
      {textPath && file?.conflict ? <ConflictBar path={textPath} /> : null}
      <div className="editor-body">
        <MonacoView groupId={group.id} path={textPath} active={active} hidden={!textPath || comparing} />
        {compareInput ? <DiffView key={compareInput.id} input={compareInput} onClose={() => useEditorStore.getState().setComparePath(null)} /> : null}
        {diffInput ? <DiffView key={diffInput.id} input={diffInput} groupId={group.id} /> : null}
        {front?.view === 'markdown' ? <MarkdownPreview key={front.path} path={front.path} /> : null}
        {!front && single ? <EditorWatermark /> : null}
      </div>
    </div>
  );
}
