import { useState } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { ContextMenu } from '../../platform/ui/ContextMenu';
import { hideChat } from './chat-visibility';
import { showAiDialog } from './dialogs';
import { reportError } from './report-error';
import { useChatStore } from './store';
import { deleteActiveThread, newChat, renameActiveThread } from './thread-actions';

/** The chat's title bar: the open thread's title, New Chat, History, and the rest in a menu. */
export function ChatHeader() {
  const view = useChatStore((state) => state.view);
  const title = useChatStore((state) => state.threads.find((thread) => thread.id === state.activeThreadId)?.title);
  const activeThreadId = useChatStore((state) => state.activeThreadId);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  return (
    <header className="side-bar-title chat-title">
      <h2>{view === 'history' ? 'Chat History' : 'Chat'}</h2>
      {view === 'conversation' && title ? (
        <span className="chat-title-thread" title={title} data-testid="chat-thread-title">
          {title}
        </span>
      ) : null}
      <div className="side-bar-title-actions">
        <button type="button" className="icon-button" title="New Chat" aria-label="New Chat" data-testid="chat-new" onClick={newChat}>
          <Codicon name="add" />
        </button>
        <button
          type="button"
          className={`icon-button${view === 'history' ? ' checked' : ''}`}
          title="Show Chat History"
          aria-label="Show Chat History"
          aria-pressed={view === 'history'}
          data-testid="chat-history-toggle"
          onClick={() => useChatStore.setState({ view: view === 'history' ? 'conversation' : 'history' })}
        >
          <Codicon name="history" />
        </button>
        <button
          type="button"
          className="icon-button"
          title="More Actions…"
          aria-label="More Actions"
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            setMenu({ x: box.left, y: box.bottom + 2 });
          }}
        >
          <Codicon name="ellipsis" />
        </button>
        <button type="button" className="icon-button" title="Hide Chat" aria-label="Hide Chat" onClick={hideChat}>
          <Codicon name="close" />
        </button>
      </div>
      {menu ? (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          testId="chat-menu"
          onClose={() => setMenu(null)}
          groups={[
            activeThreadId
              ? [
                  { label: 'Rename Chat…', run: () => renameActiveThread().catch(reportError('rename the chat')) },
                  { label: 'Delete Chat', run: () => deleteActiveThread().catch(reportError('delete the chat')) },
                ]
              : [],
            [
              { label: 'Manage Providers…', run: () => showAiDialog('providers') },
              { label: 'Show Usage…', run: () => showAiDialog('usage') },
            ],
          ]}
        />
      ) : null}
    </header>
  );
}
