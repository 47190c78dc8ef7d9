import { useCallback, useState } from 'react';
import { ContextMenu, type ContextMenuItem } from '../../platform/ui/ContextMenu';
import { Codicon } from '../../platform/ui/Codicon';
import { useGitDecoration } from '../scm';
import { closeTabs } from './actions';
import { diffInputOf } from './diff-inputs';
import { openMarkdownPreview } from './markdown-actions';
import { closeAll, closeOthers, closeSaved, closeToTheRight, togglePinned } from './tab-actions';
import { dropTabOnGroup, isTabDrag, startTabDrag } from './tab-drag';
import { tabKey, useEditorStore, type EditorGroup, type GroupTab, type OpenFile } from './store';

interface TabMenu {
  x: number;
  y: number;
  tab: GroupTab;
}

/**
 * A group's tab strip: dirty files show ●, preview tabs are in italics, pinned tabs stay in front;
 * tabs can be dragged to reorder them or into another group, and middle-click closes.
 */
export function EditorTabs({ group }: { group: EditorGroup }) {
  const files = useEditorStore((state) => state.files);
  const [menu, setMenu] = useState<TabMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  return (
    <div className="editor-tabs" role="tablist" aria-label="Open Editors">
      {group.tabs.map((tab, index) => {
        const file = files.find((candidate) => candidate.path === tab.path);
        // A diff tab may compare versions of a file that is not open (or no longer exists).
        return file || tab.view === 'diff' ? (
          <Tab
            key={tabKey(tab)}
            groupId={group.id}
            index={index}
            tab={tab}
            file={file}
            active={tabKey(tab) === group.activeKey}
            onMenu={(x, y) => setMenu({ x, y, tab })}
          />
        ) : null;
      })}
      {menu ? <ContextMenu x={menu.x} y={menu.y} groups={tabMenuItems(group.id, menu.tab)} onClose={closeMenu} testId="tab-context-menu" /> : null}
    </div>
  );
}

interface TabProps {
  groupId: number;
  index: number;
  tab: GroupTab;
  file: OpenFile | undefined;
  active: boolean;
  onMenu(x: number, y: number): void;
}

function Tab({ groupId, index, tab, file, active, onMenu }: TabProps) {
  const key = tabKey(tab);
  const markdown = tab.view === 'markdown';
  const decoration = useGitDecoration(tab.path);
  const dirty = file?.dirty === true && !markdown;
  const classes = ['editor-tab', active && 'active', dirty && 'dirty', file?.deleted && 'deleted', tab.preview && 'preview', tab.pinned && 'pinned'];
  const name = tabName(tab);
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      role="tab"
      aria-selected={active}
      draggable
      data-testid="tab"
      data-path={tab.path}
      data-view={tab.view}
      data-dirty={String(file?.dirty === true)}
      data-conflict={String(file?.conflict === true)}
      data-deleted={String(file?.deleted === true)}
      data-preview={String(tab.preview)}
      data-pinned={String(tab.pinned)}
      title={tabTitle(file, tab, decoration?.tooltip)}
      onMouseDown={(event) => {
        if (event.button === 0) useEditorStore.getState().showTab(tab, groupId);
        // Middle-click would start autoscroll in the browser.
        if (event.button === 1) event.preventDefault();
      }}
      // Releasing the middle button would paste the primary selection into the focused editor on Linux.
      onMouseUp={(event) => {
        if (event.button === 1) event.preventDefault();
      }}
      onDoubleClick={() => useEditorStore.getState().keepOpen(groupId, key)}
      onAuxClick={(event) => {
        if (event.button === 1) closeTabs(groupId, [key]);
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(event.clientX, event.clientY);
      }}
      onDragStart={(event) => startTabDrag(event, groupId, key)}
      onDragOver={(event) => {
        if (!isTabDrag(event)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(event) => {
        if (!isTabDrag(event)) return;
        event.preventDefault();
        event.stopPropagation();
        // Dropped on the right half of a tab: after it, else before it.
        const bounds = event.currentTarget.getBoundingClientRect();
        dropTabOnGroup(event, groupId, event.clientX > bounds.left + bounds.width / 2 ? index + 1 : index);
      }}
    >
      {markdown ? <Codicon name="open-preview" className="editor-tab-icon" /> : null}
      {tab.view === 'diff' ? <Codicon name="git-compare" className="editor-tab-icon" /> : null}
      <span className={decoration ? `editor-tab-label ${decoration.className}` : 'editor-tab-label'}>{name}</span>
      {decoration?.letter ? (
        <span className={`editor-tab-decoration ${decoration.className}`} data-testid="tab-git-decoration">
          {decoration.letter}
        </span>
      ) : null}
      {file?.conflict && !markdown ? (
        <span className="editor-tab-conflict" data-testid="tab-conflict" title="Changed on disk; your unsaved changes are kept">
          <Codicon name="warning" />
        </span>
      ) : null}
      {tab.pinned ? (
        <button
          type="button"
          className="editor-tab-close icon-button"
          title="Unpin"
          aria-label={`Unpin ${name}`}
          onMouseDown={(event) => event.stopPropagation()}
          onClick={() => togglePinned(groupId, key)}
        >
          <Codicon name="pinned" className="editor-tab-close-icon" />
          <Codicon name="circle-filled" className="editor-tab-dirty-icon" />
        </button>
      ) : (
        <button
          type="button"
          className="editor-tab-close icon-button"
          title="Close"
          aria-label={`Close ${name}`}
          onMouseDown={(event) => event.stopPropagation()}
          onClick={() => closeTabs(groupId, [key])}
        >
          <Codicon name="close" className="editor-tab-close-icon" />
          <Codicon name="circle-filled" className="editor-tab-dirty-icon" />
        </button>
      )}
    </div>
  );
}

function tabMenuItems(groupId: number, tab: GroupTab): ContextMenuItem[][] {
  const key = tabKey(tab);
  const viewItems: ContextMenuItem[] = [{ label: 'Split Right', run: () => useEditorStore.getState().splitRight(groupId, key) }];
  if (tab.view === 'text' && /\.(md|markdown)$/i.test(tab.path)) viewItems.push({ label: 'Open Preview to the Side', run: () => openMarkdownPreview(tab.path, 'side') });
  return [
    [
      { label: 'Close', run: () => void closeTabs(groupId, [key]) },
      { label: 'Close Others', run: () => closeOthers(groupId, key) },
      { label: 'Close to the Right', run: () => closeToTheRight(groupId, key) },
      { label: 'Close Saved', run: () => closeSaved(groupId) },
      { label: 'Close All', run: () => closeAll(groupId) },
    ],
    [
      { label: tab.pinned ? 'Unpin' : 'Pin', run: () => togglePinned(groupId, key) },
      ...(tab.preview ? [{ label: 'Keep Open', run: () => useEditorStore.getState().keepOpen(groupId, key) }] : []),
    ],
    viewItems,
  ];
}

function tabName(tab: GroupTab): string {
  const name = tab.path.split('/').pop() ?? tab.path;
  if (tab.view === 'markdown') return `Preview ${name}`;
  if (tab.view === 'diff') return `${name} (${diffInputOf(tab.diff)?.label ?? 'Diff'})`;
  return name;
}

function tabTitle(file: OpenFile | undefined, tab: GroupTab, gitNote: string | undefined): string {
  const notes = [file?.dirty ? 'Unsaved' : '', file?.conflict ? 'Changed on disk' : '', file?.deleted ? 'Deleted' : '', tab.preview ? 'Preview' : '', gitNote ?? ''].filter(Boolean);
  return notes.length > 0 ? `${tab.path} • ${notes.join(' • ')}` : tab.path;
}
