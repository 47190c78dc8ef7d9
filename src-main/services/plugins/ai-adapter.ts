import type { z } from 'zod';
import { LatheError, type aiCompleteInputSchema, type AiGenerationChunk, type PluginResult } from '../../../src-shared/contract';
import type { CallParams, PluginAi } from './gateway';

/** The part of the AI orchestrator a plugin's requests go through. */
export interface AiOrchestrator {
  converse(input: CallParams<'ai.chat'>, signal: AbortSignal): AsyncIterable<AiGenerationChunk>;
  complete(input: z.output<typeof aiCompleteInputSchema>, signal: AbortSignal): AsyncIterable<AiGenerationChunk>;
}

type Answer = PluginResult<'ai.chat'>;

/**
 * Plugin AI requests answered whole by the orchestrator, with the user's routes, fallbacks and usage
 * accounting; a plugin's conversation is not the user's, so it is kept in no chat thread.
 */
export function pluginAiFrom(orchestrator: AiOrchestrator): PluginAi {
  return {
    chat: (input, signal) => collect(orchestrator.converse(input, signal)),
    complete: (input, signal) => collect(orchestrator.complete(input, signal)),
  };
}

async function collect(chunks: AsyncIterable<AiGenerationChunk>): Promise<Answer> {
  let text = '';
  let answeredBy: Answer['answeredBy'] | undefined;
  for await (const chunk of chunks) {
    if (chunk.kind === 'answering') answeredBy = { provider: chunk.provider, model: chunk.model };
    if (chunk.kind === 'text') text += chunk.text;
    if (chunk.kind === 'done' && answeredBy) return { text, answeredBy, finishReason: chunk.finishReason };
  }
  throw new LatheError('CANCELLED', 'The AI request stopped before it was answered');
}
