import { describe, expect, it } from 'vitest';
import type { AiChatChunk, AiMessage, AiThread } from '../../../../src-shared/contract';
import { applyChunk, hasAnswerToLastQuestion, waitingAnswer } from '../../../../src-renderer/features/ai-chat/live-answer';
import { applyStart, optimisticMessages, pendingMessageId } from '../../../../src-renderer/features/ai-chat/thread-messages';

const message = (id: string, role: AiMessage['role'], content = id): AiMessage => ({ id, threadId: 't1', role, content, createdAt: 1, status: 'complete' });
const thread: AiThread = { id: 't1', title: 'T', createdAt: 1, updatedAt: 2, messageCount: 3 };

describe('the streaming answer', () => {
  it('collects who answers, fallbacks and notices in order, and the text', () => {
    const chunks: AiChatChunk[] = [
      { kind: 'fallback', from: { provider: 'openai', model: 'gpt-4o' }, reason: { code: 'rate-limited', message: '429' }, to: { provider: 'local', model: 'default' } },
      { kind: 'notice', code: 'history-trimmed', message: '2 messages left out' },
      { kind: 'answering', provider: 'local', model: 'tiny.gguf', cached: false },
      { kind: 'text', text: 'Hel' },
      { kind: 'text', text: 'lo' },
    ];
    const answer = chunks.reduce(applyChunk, waitingAnswer);
    expect(answer.status).toBe('streaming');
    expect(answer.text).toBe('Hello');
    expect(answer.answering).toEqual({ provider: 'local', model: 'tiny.gguf', cached: false });
    expect(answer.events.map((event) => event.kind)).toEqual(['fallback', 'notice']);
    expect(waitingAnswer.text).toBe('');
  });

  it('gives way to the stored answer only once the host has one after the last question', () => {
    expect(hasAnswerToLastQuestion([message('q', 'user')])).toBe(false);
    expect(hasAnswerToLastQuestion([message('q', 'user'), message('a', 'assistant')])).toBe(true);
    expect(hasAnswerToLastQuestion([])).toBe(false);
  });
});

describe('the thread while a request starts', () => {
  const history = [message('q1', 'user'), message('a1', 'assistant'), message('q2', 'user'), message('a2', 'assistant')];

  it('shows a sent question at once, then the stored one in its place', () => {
    const shown = optimisticMessages(history, { kind: 'send', text: 'why?' }, 5);
    expect(shown.at(-1)).toMatchObject({ id: pendingMessageId, role: 'user', content: 'why?' });
    const stored = message('q3', 'user', 'why?');
    const started = applyStart(shown, { kind: 'start', thread, userMessage: stored, removedMessageIds: [], rules: [], promptTokens: 10, contextWindow: 100 });
    expect(started.map((entry) => entry.id)).toEqual(['q1', 'a1', 'q2', 'a2', 'q3']);
  });

  it('drops what an edit replaces and what a regenerate answers again', () => {
    expect(optimisticMessages(history, { kind: 'edit', messageId: 'q2', text: 'better' }, 5).map((entry) => entry.content)).toEqual(['q1', 'a1', 'better']);
    expect(optimisticMessages(history, { kind: 'regenerate' }, 5).map((entry) => entry.id)).toEqual(['q1', 'a1', 'q2']);
    const started = applyStart(history, { kind: 'start', thread, userMessage: null, removedMessageIds: ['a2'], rules: [], promptTokens: 1, contextWindow: 2 });
    expect(started.map((entry) => entry.id)).toEqual(['q1', 'a1', 'q2']);
  });
});
