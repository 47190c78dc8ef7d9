import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { liveAnswer, storedAnswer } from './answer-view';
import { AssistantMessage } from './AssistantMessage';
import { retryFailure } from './chat-request';
import { providerLabelFrom } from './model-catalog';
import { ProviderFailures } from './ProviderFailures';
import { SensitiveFilesPrompt } from './SensitiveFilesPrompt';
import { useChatStore } from './store';
import { UserMessage } from './UserMessage';
import { Welcome } from './Welcome';

/** How close to the bottom counts as "following" the answer as it streams. */
const followSlackPx = 40;

/** The open thread: questions and answers, the answer streaming now, and what needs the user (a failure, a held-back file). */
export function Conversation() {
  const messages = useChatStore((state) => state.messages);
  const annotations = useChatStore((state) => state.annotations);
  const live = useChatStore((state) => state.live);
  const failure = useChatStore((state) => state.failure);
  const sensitivePrompt = useChatStore((state) => state.sensitivePrompt);
  const revealMessageId = useChatStore((state) => state.revealMessageId);
  const label = providerLabelFrom(useChatStore((state) => state.providers));
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // Stored answers keep their identity while another streams, so they do not render again.
  const answers = useMemo(() => new Map(messages.map((message) => [message.id, storedAnswer(message, annotations[message.id])])), [messages, annotations]);
  const lastAnswerId = live ? null : messages.filter((message) => message.role === 'assistant').at(-1)?.id;

  useLayoutEffect(() => {
    const element = scroller.current;
    // A new question always brings the view down to its answer.
    if (element && (following.current || live?.status === 'waiting')) element.scrollTop = element.scrollHeight;
  }, [messages, live, failure, sensitivePrompt]);

  // Highlighting arrives after the text and changes its height: the view stays at the bottom if it was there.
  useEffect(() => {
    const element = scroller.current;
    const content = element?.firstElementChild;
    if (!element || !content) return;
    const observer = new ResizeObserver(() => {
      if (following.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!revealMessageId) return;
    const target = scroller.current?.querySelector(`[data-message-id="${CSS.escape(revealMessageId)}"]`);
    if (!target) return;
    following.current = false;
    target.scrollIntoView({ block: 'center' });
    target.classList.add('revealed');
    useChatStore.setState({ revealMessageId: null });
  }, [revealMessageId, messages]);

  // While the user decides about held-back files, an answer given without them is not shown: it will be replaced.
  const promptAt = sensitivePrompt ? messages.findIndex((message) => message.id === sensitivePrompt.messageId) : -1;
  const shown = promptAt < 0 ? messages : messages.slice(0, promptAt + 1);
  const empty = messages.length === 0 && !live && !failure;
  return (
    <div
      ref={scroller}
      className="chat-conversation"
      data-testid="chat-conversation"
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < followSlackPx;
      }}
    >
      <div className="chat-conversation-content">
        {empty ? <Welcome /> : null}
        {shown.map((message) => {
          if (message.role === 'user') return <UserMessage key={message.id} message={message} />;
          const answer = answers.get(message.id);
          // A tool result shows in the block of the call it answers.
          if (message.role !== 'assistant' || !answer) return null;
          return <AssistantMessage key={message.id} answer={answer} isLast={message.id === lastAnswerId} />;
        })}
        {live ? <AssistantMessage answer={liveAnswer(live)} isLast /> : null}
        {sensitivePrompt ? <SensitiveFilesPrompt prompt={sensitivePrompt} /> : null}
        {failure ? (
          <ProviderFailures
            message={failure.message}
            failures={failure.failures}
            label={label}
            actions={
              <button type="button" className="button" data-testid="chat-retry" onClick={() => retryFailure(failure)}>
                <Codicon name="refresh" /> Retry
              </button>
            }
          />
        ) : null}
      </div>
    </div>
  );
}
