import type { AiAnswerer, AiFailure, AiMessage, AiToolCall, AiUsage } from '../../../src-shared/contract';
import type { ProviderFailure } from './failure-words';
import type { InlineEvent, LiveAnswer } from './live-answer';
import type { Annotation } from './store';

/** What an answer shows, whether it is streaming now or stored by the host. */
export interface AnswerView {
  /** The stored message's id; null while streaming. */
  id: string | null;
  status: 'waiting' | 'streaming' | 'stopped' | 'complete' | 'error';
  text: string;
  answeredBy: AiAnswerer | null;
  cached: boolean;
  events: InlineEvent[];
  failures: ProviderFailure[];
  error: AiFailure | undefined;
  usage: AiUsage | undefined;
  toolCalls: AiToolCall[];
}

export function storedAnswer(message: AiMessage, annotation: Annotation | undefined): AnswerView {
  return {
    id: message.id,
    status: message.status,
    text: message.content,
    answeredBy: message.answeredBy ?? null,
    cached: annotation?.cached ?? false,
    events: annotation?.events ?? [],
    failures: annotation?.failures ?? [],
    error: message.error,
    usage: message.usage,
    toolCalls: message.toolCalls ?? [],
  };
}

export function liveAnswer(live: LiveAnswer): AnswerView {
  return {
    id: null,
    status: live.status,
    text: live.text,
    answeredBy: live.answering ? { provider: live.answering.provider, model: live.answering.model } : null,
    cached: live.answering?.cached ?? false,
    events: live.events,
    failures: [],
    error: undefined,
    usage: undefined,
    toolCalls: live.toolCalls,
  };
}
