import type { AiTool } from '../../../src-shared/contract';
import { cacheKey } from './cache';
import type { NoticeChunk, PreparedRequest } from './generation';
import { infillAsChat } from './prompts';
import { ProviderError, type AiProvider, type ChatRequest, type InfillRequest, type ProviderMessage } from './provider';
import { estimateTokens, fitMessages, messageText } from './tokens';

export interface CachePolicy {
  enabled: boolean;
  /** Also cache answers sampled with a temperature above 0. */
  includeNonDeterministic: boolean;
}

export interface ChatRequestParts {
  messages: ProviderMessage[];
  /** The last message's attached context and typed text, so the context can be cut when nothing else fits. */
  lastContext: { context: string; text: string } | undefined;
  tools: AiTool[];
  temperature: number;
  maxOutputTokens: number;
}

/** Fits a conversation into the model's window (history trimmed with a notice, never silently). */
export async function prepareChatRequest(provider: AiProvider, model: string, parts: ChatRequestParts, cache: CachePolicy, signal: AbortSignal): Promise<PreparedRequest> {
  const window = provider.contextWindow(model);
  const budget = window - Math.min(parts.maxOutputTokens, Math.floor(window / 4));
  const { counts } = await provider.countTokens(model, parts.messages.map(messageText), signal);
  const fitted = fitMessages(parts.messages, counts, budget, parts.lastContext);
  if (!fitted) throw new ProviderError('bad-request', `The message is longer than ${model}'s context window of ${window} tokens`);
  const notices: NoticeChunk[] = [];
  if (fitted.droppedMessages > 0) {
    const count = fitted.droppedMessages === 1 ? '1 earlier message was' : `${fitted.droppedMessages} earlier messages were`;
    notices.push({ kind: 'notice', code: 'history-trimmed', message: `${count} left out to fit ${model}'s context window (${window} tokens)` });
  }
  if (fitted.truncatedChars > 0) {
    notices.push({ kind: 'notice', code: 'context-truncated', message: `${fitted.truncatedChars} characters of the attached context were left out to fit ${model}'s context window` });
  }
  const request: ChatRequest = {
    model,
    messages: fitted.messages,
    tools: parts.tools,
    temperature: parts.temperature,
    maxOutputTokens: Math.max(1, Math.min(parts.maxOutputTokens, window - fitted.promptTokens)),
  };
  const { model: _model, ...parameters } = request;
  return {
    open: (openSignal) => provider.chat(request, openSignal),
    cacheKey: cacheable(cache, request.temperature) ? cacheKey({ provider: provider.id, model, parameters, messages: request.messages }) : undefined,
    notices,
    promptTokens: fitted.promptTokens,
  };
}

/** Fill-in-the-middle, natively where the provider can; keeps the text nearest the cursor when it is too long. */
export async function prepareInfillRequest(
  provider: AiProvider,
  model: string,
  parts: { prefix: string; suffix: string; language: string | undefined; temperature: number; maxOutputTokens: number },
  cache: CachePolicy,
  signal: AbortSignal,
): Promise<PreparedRequest> {
  const window = provider.contextWindow(model);
  // Room for the instructions when the provider is asked through chat.
  const budget = Math.max(0, window - parts.maxOutputTokens - 256);
  const { counts } = await provider.countTokens(model, [parts.prefix, parts.suffix], signal);
  const [prefixTokens = 0, suffixTokens = 0] = counts;
  let { prefix, suffix } = parts;
  const notices: NoticeChunk[] = [];
  if (prefixTokens + suffixTokens > budget) {
    // Three quarters of the room before the cursor, the rest after it.
    const prefixShare = Math.min(prefixTokens, Math.max(Math.floor(budget * 0.75), budget - suffixTokens));
    const suffixShare = Math.min(suffixTokens, budget - prefixShare);
    prefix = prefix.slice(prefix.length - Math.floor((prefix.length * prefixShare) / Math.max(1, prefixTokens)));
    suffix = suffix.slice(0, Math.floor((suffix.length * suffixShare) / Math.max(1, suffixTokens)));
    notices.push({ kind: 'notice', code: 'context-truncated', message: `The text around the cursor was cut to fit ${model}'s context window (${window} tokens)` });
  }
  const request: InfillRequest = { model, prefix, suffix, temperature: parts.temperature, maxOutputTokens: parts.maxOutputTokens };
  const asChat = infillAsChat(request, parts.language);
  const infill = provider.infill?.bind(provider);
  return {
    open: (openSignal) => (infill ? infill(request, openSignal) : provider.chat(asChat, openSignal)),
    cacheKey: cacheable(cache, request.temperature)
      ? cacheKey({ provider: provider.id, model, parameters: { kind: 'infill', temperature: request.temperature, maxOutputTokens: request.maxOutputTokens }, messages: [prefix, suffix] })
      : undefined,
    notices,
    promptTokens: estimateTokens(prefix) + estimateTokens(suffix),
  };
}

function cacheable(cache: CachePolicy, temperature: number): boolean {
  return cache.enabled && (temperature === 0 || cache.includeNonDeterministic);
}
