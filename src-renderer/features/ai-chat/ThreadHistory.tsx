import { useState, type KeyboardEvent } from 'react';
import type { AiSearchHit, AiThread } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { timeAgo } from './format';
import { reportError } from './report-error';
import { useChatStore } from './store';
import { deleteThread, newChat, openThread, renameThread } from './thread-actions';
import { snippetPieces, useThreadSearch } from './thread-search';

function ThreadRow({ thread, active, now }: { thread: AiThread; active: boolean; now: number }) {
  const [renaming, setRenaming] = useState(false);
  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') setRenaming(false);
    if (event.key !== 'Enter') return;
    const title = event.currentTarget.value.trim();
    setRenaming(false);
    if (title && title !== thread.title) void renameThread(thread.id, title).catch(reportError('rename the chat'));
  };
  if (renaming) {
    return (
      <div className="chat-thread-row renaming">
        <input className="chat-thread-rename" aria-label="Chat name" data-testid="chat-thread-rename" defaultValue={thread.title} autoFocus onKeyDown={onRenameKey} onBlur={() => setRenaming(false)} />
      </div>
    );
  }
  return (
    <div
      role="option"
      aria-selected={active}
      tabIndex={0}
      className={`chat-thread-row${active ? ' active' : ''}`}
      data-testid="chat-thread"
      data-thread-id={thread.id}
      onClick={() => void openThread(thread.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void openThread(thread.id);
        if (event.key === 'F2') setRenaming(true);
        if (event.key === 'Delete') void deleteThread(thread.id).catch(reportError('delete the chat'));
      }}
    >
      <Codicon name="comment-discussion" />
      <span className="chat-thread-title">{thread.title}</span>
      <span className="chat-thread-meta">{timeAgo(thread.updatedAt, now)}</span>
      <span className="chat-thread-actions">
        <button
          type="button"
          className="icon-button"
          title="Rename (F2)"
          aria-label={`Rename ${thread.title}`}
          data-testid="chat-thread-rename-button"
          onClick={(event) => {
            event.stopPropagation();
            setRenaming(true);
          }}
        >
          <Codicon name="edit" />
        </button>
        <button
          type="button"
          className="icon-button"
          title="Delete (Delete)"
          aria-label={`Delete ${thread.title}`}
          data-testid="chat-thread-delete"
          onClick={(event) => {
            event.stopPropagation();
            void deleteThread(thread.id).catch(reportError('delete the chat'));
          }}
        >
          <Codicon name="trash" />
        </button>
      </span>
    </div>
  );
}

function SearchHitRow({ hit }: { hit: AiSearchHit }) {
  return (
    <div role="option" aria-selected={false} tabIndex={0} className="chat-search-hit" data-testid="chat-search-hit" onClick={() => void openThread(hit.threadId, hit.messageId)}>
      <div className="chat-search-hit-title">
        <Codicon name={hit.role === 'user' ? 'account' : 'sparkle'} />
        <span>{hit.threadTitle}</span>
      </div>
      <div className="chat-search-hit-snippet">
        {snippetPieces(hit.snippet, hit.highlights).map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}
      </div>
    </div>
  );
}

/** Every chat of the folder, newest first, with rename and delete; or, while searching, the matching messages. */
export function ThreadHistory() {
  const threads = useChatStore((state) => state.threads);
  const activeThreadId = useChatStore((state) => state.activeThreadId);
  const [query, setQuery] = useState('');
  const search = useThreadSearch(query);
  // Relative times are read once per render of the list, not per row.
  const [now] = useState(() => Date.now());
  return (
    <div className="chat-history">
      <div className="chat-history-search">
        <Codicon name="search" />
        <input
          className="chat-history-search-input"
          placeholder="Search chats"
          aria-label="Search chats"
          data-testid="chat-history-search"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="chat-history-list" role="listbox" aria-label={search.state === 'idle' ? 'Chats' : 'Matching messages'}>
        {search.state === 'idle' ? (
          threads.length === 0 ? (
            <div className="chat-history-empty">
              <p>No chats in this folder yet.</p>
              <button type="button" className="button" onClick={newChat}>
                New Chat
              </button>
            </div>
          ) : (
            threads.map((thread) => <ThreadRow key={thread.id} thread={thread} active={thread.id === activeThreadId} now={now} />)
          )
        ) : null}
        {search.state === 'searching' ? <div className="chat-history-empty">Searching…</div> : null}
        {search.state === 'failed' ? <div className="chat-history-empty error">{search.message}</div> : null}
        {search.state === 'done' && search.hits.length === 0 ? <div className="chat-history-empty">No messages match.</div> : null}
        {search.state === 'done' ? search.hits.map((hit) => <SearchHitRow key={`${hit.threadId}:${hit.messageId}`} hit={hit} />) : null}
      </div>
    </div>
  );
}
