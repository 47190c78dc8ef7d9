import type { AiFailure, AiFeature, AiModelInfo, AiProviderKind, AiTool, AiToolCall } from '../../../src-shared/contract';

/** A message as providers receive it: the system prompt first, then the conversation. */
export interface ProviderMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** Assistant messages: calls the model made. */
  toolCalls?: AiToolCall[];
  /** Tool messages: the call answered. */
  toolCallId?: string;
}

export interface ChatRequest {
  model: string;
  messages: ProviderMessage[];
  tools: AiTool[];
  temperature: number;
  maxOutputTokens: number;
}

/** Fill-in-the-middle: the text to insert between `prefix` and `suffix`. */
export interface InfillRequest {
  model: string;
  prefix: string;
  suffix: string;
  temperature: number;
  maxOutputTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What a provider streams; `finish` comes last, with the usage when the provider reports it. */
export type ProviderEvent =
  | { type: 'text'; text: string }
  | { type: 'toolCall'; call: AiToolCall }
  | { type: 'finish'; reason: FinishReason; usage?: TokenUsage };

export interface ProviderSetup {
  /** Has what it needs to be tried (a key, an address, a model file). */
  configured: boolean;
  /** Null when the provider needs no key. */
  keySet: boolean | null;
}

export interface TokenCount {
  counts: number[];
  /** False when estimated rather than counted with the model's tokenizer. */
  exact: boolean;
}

/**
 * One AI back-end. `chat` and `infill` resolve once the provider accepted the request (its response
 * started, or the local model is loaded); the events follow. All calls stop when `signal` aborts.
 */
export interface AiProvider {
  readonly id: string;
  readonly kind: AiProviderKind;
  readonly label: string;
  /** Where requests go; null for the embedded model. */
  readonly baseUrl: string | null;
  /** The secret holding its API key; null when it needs none. */
  readonly keySecret: string | null;
  /** Overrides the connect timeout (the embedded model may need longer to load than a server to answer). */
  readonly connectTimeoutMs?: number;
  /** The cost of a token is zero (the user's own hardware). */
  readonly free: boolean;
  setup(): Promise<ProviderSetup>;
  supports(feature: AiFeature): boolean;
  /** The model used when a route names none; may ask the server. */
  defaultModel(feature: AiFeature, signal: AbortSignal): Promise<string>;
  contextWindow(model: string): number;
  countTokens(model: string, texts: string[], signal: AbortSignal): Promise<TokenCount>;
  chat(request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>>;
  /** Native fill-in-the-middle, where the back-end has it; otherwise the orchestrator asks `chat`. */
  infill?(request: InfillRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>>;
  embed(model: string, texts: string[], signal: AbortSignal): Promise<{ vectors: number[][]; inputTokens: number | null }>;
  listModels(signal: AbortSignal): Promise<AiModelInfo[]>;
  /** Throws a ProviderError when the provider cannot serve requests. */
  checkHealth(signal: AbortSignal): Promise<void>;
  dispose(): Promise<void>;
}

/** A provider's failure, classified so the orchestrator knows whether to retry, open the circuit or fall back. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: AiFailure['code'],
    message: string,
    readonly retry: { retryable: boolean; afterMs?: number } = { retryable: false },
  ) {
    super(message);
  }

  toFailure(): AiFailure {
    return { code: this.code, message: this.message };
  }
}

/** Failures that say the provider itself is unwell (they count towards opening its circuit). */
export const providerFaults: ReadonlySet<AiFailure['code']> = new Set(['rate-limited', 'server-error', 'timeout', 'connection', 'malformed-response']);
