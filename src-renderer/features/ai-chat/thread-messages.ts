import type { AiChatChunk, AiMessage } from '../../../src-shared/contract';
import type { ChatAction } from './store';

/** The id of the question shown until the host has stored it. */
export const pendingMessageId = 'pending';

/**
 * The thread as it will look once the host has applied the action, shown at once: a sent or edited
 * question appears (and what an edit replaces goes away), a regenerated answer goes away.
 */
export function optimisticMessages(messages: readonly AiMessage[], action: ChatAction, now: number): AiMessage[] {
  const question = (text: string): AiMessage => ({
    id: pendingMessageId,
    threadId: messages[0]?.threadId ?? '',
    role: 'user',
    content: text,
    createdAt: now,
    status: 'complete',
  });
  switch (action.kind) {
    case 'send':
      return [...messages, question(action.text)];
    case 'edit': {
      const index = messages.findIndex((message) => message.id === action.messageId);
      return index < 0 ? [...messages] : [...messages.slice(0, index), question(action.text)];
    }
    case 'regenerate': {
      const lastQuestion = messages.map((message) => message.role).lastIndexOf('user');
      return messages.slice(0, lastQuestion + 1);
    }
    case 'toolResults':
      return [...messages];
  }
}

/** The thread after the request's `start` chunk: removed messages gone, the stored question in place of the pending one. */
export function applyStart(messages: readonly AiMessage[], start: Extract<AiChatChunk, { kind: 'start' }>): AiMessage[] {
  const removed = new Set([...start.removedMessageIds, pendingMessageId]);
  const kept = messages.filter((message) => !removed.has(message.id));
  return start.userMessage ? [...kept, start.userMessage] : kept;
}
