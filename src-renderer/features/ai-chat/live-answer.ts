import type { AiChatChunk, AiMessage, AiToolCall } from '../../../src-shared/contract';

/** A fallback or a notice: shown inline where it happened, never dropped. */
export type InlineEvent = Extract<AiChatChunk, { kind: 'fallback' | 'notice' }>;

/** Who is answering, from the `answering` chunk. */
export type Answering = Omit<Extract<AiChatChunk, { kind: 'answering' }>, 'kind'>;

/** The answer being streamed, before (or instead of, when stopped) the host's stored message. */
export interface LiveAnswer {
  /** `waiting`: nothing has streamed yet; `stopped`: the user stopped it and the text is what arrived. */
  status: 'waiting' | 'streaming' | 'stopped';
  text: string;
  answering: Answering | null;
  events: InlineEvent[];
  toolCalls: AiToolCall[];
}

export const waitingAnswer: LiveAnswer = { status: 'waiting', text: '', answering: null, events: [], toolCalls: [] };

/** The answer after one more chunk of the stream; `start` and `done` are the request's, not the answer's. */
export function applyChunk(answer: LiveAnswer, chunk: AiChatChunk): LiveAnswer {
  switch (chunk.kind) {
    case 'answering':
      return { ...answer, status: 'streaming', answering: { provider: chunk.provider, model: chunk.model, cached: chunk.cached } };
    case 'fallback':
    case 'notice':
      return { ...answer, events: [...answer.events, chunk] };
    case 'text':
      return { ...answer, status: 'streaming', text: answer.text + chunk.text };
    case 'toolCall':
      return { ...answer, status: 'streaming', toolCalls: [...answer.toolCalls, chunk.call] };
    case 'start':
    case 'done':
      return answer;
  }
}

/** Whether the host has kept an answer to the thread's last question (so a stopped live answer can give way to it). */
export function hasAnswerToLastQuestion(messages: readonly AiMessage[]): boolean {
  const last = messages.at(-1);
  return last !== undefined && last.role !== 'user';
}
