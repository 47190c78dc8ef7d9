import { useEffect } from 'react';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { Conversation } from './Conversation';
import { startAiChat } from './start-ai-chat';
import { useChatStore } from './store';
import { ThreadHistory } from './ThreadHistory';
import './ai-common.css';
import './ai-chat.css';

/** The chat in the secondary side bar: the open thread and its composer, or the history of threads. */
export function ChatView() {
  const view = useChatStore((state) => state.view);
  useEffect(() => startAiChat(), []);
  return (
    <section className="chat-view" aria-label="Chat" data-testid="chat-view">
      <ChatHeader />
      {view === 'history' ? (
        <ThreadHistory />
      ) : (
        <>
          <Conversation />
          <Composer />
        </>
      )}
    </section>
  );
}
