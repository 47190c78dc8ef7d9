import type { z } from 'zod';
import {
  LatheError,
  type aiChatInputSchema,
  type aiCompleteInputSchema,
  type AiChatChunk,
  type AiGenerationChunk,
  type PluginResult,
} from '../../../src-shared/contract';
import type { PluginAi } from './gateway';

/** The part of the AI orchestrator a plugin's requests go through. */
export interface AiOrchestrator {
  createThread(title: string | undefined): { id: string };
  appendMessage(threadId: string, role: 'user' | 'assistant', content: string): unknown;
  deleteThread(id: string): void;
  chat(input: z.output<typeof aiChatInputSchema>, signal: AbortSignal): AsyncIterable<AiChatChunk>;
  complete(input: z.output<typeof aiCompleteInputSchema>, signal: AbortSignal): AsyncIterable<AiGenerationChunk>;
}

type Answer = PluginResult<'ai.chat'>;

/**
 * Plugin AI requests answered whole by the orchestrator, with the user's routes, fallbacks and usage
 * accounting. The orchestrator keeps chats as threads; a plugin's conversation is not the user's, so it
 * gets a thread of its own that is removed once answered.
 */
export function pluginAiFrom(orchestrator: AiOrchestrator): PluginAi {
  return {
    async chat({ messages, model, temperature, maxOutputTokens }, signal) {
      const thread = orchestrator.createThread('Plugin request');
      try {
        const history = messages.slice(0, -1);
        const last = messages.at(-1);
        if (!last) throw new LatheError('INVALID_INPUT', 'A chat needs a message');
        for (const message of history) orchestrator.appendMessage(thread.id, message.role, message.content);
        const chunks = orchestrator.chat(
          { threadId: thread.id, action: { kind: 'send', text: last.content, attachments: [] }, tools: [], model, temperature, maxOutputTokens },
          signal,
        );
        return await collect(chunks);
      } finally {
        orchestrator.deleteThread(thread.id);
      }
    },
    complete: (input, signal) => collect(orchestrator.complete(input, signal)),
  };
}

async function collect(chunks: AsyncIterable<AiChatChunk | AiGenerationChunk>): Promise<Answer> {
  let text = '';
  let answeredBy: Answer['answeredBy'] | undefined;
  for await (const chunk of chunks) {
    if (chunk.kind === 'answering') answeredBy = { provider: chunk.provider, model: chunk.model };
    if (chunk.kind === 'text') text += chunk.text;
    if (chunk.kind === 'done' && answeredBy) return { text, answeredBy, finishReason: chunk.finishReason };
  }
  throw new LatheError('CANCELLED', 'The AI request stopped before it was answered');
}
