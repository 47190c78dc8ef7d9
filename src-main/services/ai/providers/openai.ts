import OpenAI from 'openai';
import { z } from 'zod';
import type { AiFeature, AiModelInfo, AiToolCall } from '../../../../src-shared/contract';
import { acceptsTemperature, cloudDefaultModels, knownModel, unknownContextWindow } from '../model-catalog';
import {
  ProviderError,
  type AiProvider,
  type ChatRequest,
  type FinishReason,
  type InfillRequest,
  type ProviderEvent,
  type ProviderMessage,
  type ProviderSetup,
  type TokenCount,
} from '../provider';
import { estimateTokens } from '../tokens';
import { sdkFailure, type SecretReader } from './shared';

export interface OpenAiProviderConfig {
  id: string;
  kind: 'openai' | 'openai-compatible';
  label: string;
  baseUrl: string;
  keySecret: string;
  /** OpenAI itself needs a key; local servers usually do not. */
  keyRequired: boolean;
  /** For servers that do not report their models' windows. */
  contextWindow?: number | undefined;
  /** The server fills in the middle through `/v1/completions` with `suffix` (Ollama does). */
  nativeInfill: boolean;
}

// Only the fields used are checked; servers add their own.
const chatChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  index: z.number().int().nonnegative().default(0),
                  id: z.string().nullish(),
                  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullish(),
});

const completionChunkSchema = z.object({
  choices: z.array(z.object({ text: z.string().nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: chatChunkSchema.shape.usage,
});

const embeddingsSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative() }).nullish(),
});

const modelSchema = z.object({ id: z.string().min(1) });

const modelListCacheMs = 60_000;

/** OpenAI, and every server that speaks its API (Ollama, LM Studio, llama.cpp server, vLLM) by base URL. */
export class OpenAiProvider implements AiProvider {
  readonly free: boolean;
  readonly infill?: (request: InfillRequest, signal: AbortSignal) => Promise<AsyncIterable<ProviderEvent>>;
  private client: { key: string; client: OpenAI } | undefined;
  private modelList: { at: number; models: Promise<AiModelInfo[]> } | undefined;

  constructor(
    private readonly config: OpenAiProviderConfig,
    private readonly secrets: SecretReader,
  ) {
    this.free = config.kind === 'openai-compatible' && isLoopback(config.baseUrl);
    if (config.nativeInfill) this.infill = (request, signal) => this.nativeInfill(request, signal);
  }

  get id(): string {
    return this.config.id;
  }
  get kind(): 'openai' | 'openai-compatible' {
    return this.config.kind;
  }
  get label(): string {
    return this.config.label;
  }
  get baseUrl(): string {
    return this.config.baseUrl;
  }
  get keySecret(): string {
    return this.config.keySecret;
  }

  async setup(): Promise<ProviderSetup> {
    if (!this.config.keyRequired) return { configured: true, keySet: null };
    const keySet = (await this.secrets.get(this.config.keySecret)) !== undefined;
    return { configured: keySet, keySet };
  }

  supports(_feature: AiFeature): boolean {
    return true;
  }

  async defaultModel(feature: AiFeature, signal: AbortSignal): Promise<string> {
    const builtIn = this.config.kind === 'openai' ? cloudDefaultModels.openai[feature] : undefined;
    if (builtIn) return builtIn;
    const models = await this.listModels(signal);
    const suitable = models.find((model) => model.features.includes(feature)) ?? models[0];
    if (!suitable) throw new ProviderError('model-unavailable', `${this.label} lists no models`);
    return suitable.model;
  }

  contextWindow(model: string): number {
    if (this.config.kind === 'openai') return knownModel('openai', model)?.contextWindow ?? 128_000;
    return this.config.contextWindow ?? unknownContextWindow;
  }

  async countTokens(_model: string, texts: string[]): Promise<TokenCount> {
    return { counts: texts.map(estimateTokens), exact: false };
  }

  async chat(request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    const client = await this.sdk();
    const maxTokens = this.config.kind === 'openai' ? { max_completion_tokens: request.maxOutputTokens } : { max_tokens: request.maxOutputTokens };
    const stream = await this.call(() =>
      client.chat.completions.create(
        {
          model: request.model,
          messages: request.messages.map(toOpenAiMessage),
          ...(request.tools.length > 0
            ? { tools: request.tools.map((tool) => ({ type: 'function' as const, function: { name: tool.name, description: tool.description, parameters: tool.parameters } })) }
            : {}),
          ...(this.config.kind === 'openai' && !acceptsTemperature(request.model) ? {} : { temperature: request.temperature }),
          ...maxTokens,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal, maxRetries: 0 },
      ),
    );
    return this.chatEvents(stream);
  }

  private async nativeInfill(request: InfillRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    const client = await this.sdk();
    const stream = await this.call(() =>
      client.completions.create(
        {
          model: request.model,
          prompt: request.prefix,
          suffix: request.suffix,
          temperature: request.temperature,
          max_tokens: request.maxOutputTokens,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal, maxRetries: 0 },
      ),
    );
    return this.completionEvents(stream);
  }

  async embed(model: string, texts: string[], signal: AbortSignal): Promise<{ vectors: number[][]; inputTokens: number | null }> {
    const client = await this.sdk();
    const response = await this.call(() => client.embeddings.create({ model, input: texts, encoding_format: 'float' }, { signal, maxRetries: 0 }));
    const parsed = embeddingsSchema.safeParse(response);
    if (!parsed.success || parsed.data.data.length !== texts.length) {
      throw new ProviderError('malformed-response', `${this.label} sent embeddings in an unexpected shape`, { retryable: true });
    }
    const vectors = [...parsed.data.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    return { vectors, inputTokens: parsed.data.usage?.prompt_tokens ?? null };
  }

  listModels(signal: AbortSignal): Promise<AiModelInfo[]> {
    const cached = this.modelList;
    if (cached && Date.now() - cached.at < modelListCacheMs) return cached.models;
    const models = this.fetchModels(signal);
    this.modelList = { at: Date.now(), models };
    models.catch(() => {
      if (this.modelList?.models === models) this.modelList = undefined;
    });
    return models;
  }

  async checkHealth(signal: AbortSignal): Promise<void> {
    this.modelList = undefined;
    await this.listModels(signal);
  }

  async dispose(): Promise<void> {
    this.client = undefined;
  }

  private async fetchModels(signal: AbortSignal): Promise<AiModelInfo[]> {
    const client = await this.sdk();
    const models: AiModelInfo[] = [];
    await this.call(async () => {
      for await (const raw of client.models.list({ signal, maxRetries: 0 })) {
        const parsed = modelSchema.safeParse(raw);
        if (!parsed.success) throw new ProviderError('malformed-response', `${this.label} listed a model in an unexpected shape`);
        const id = parsed.data.id;
        models.push({
          provider: this.id,
          model: id,
          label: id,
          features: /embed/i.test(id) ? ['embeddings'] : ['chat', 'edit', 'completion'],
          contextWindow: this.config.kind === 'openai' ? (knownModel('openai', id)?.contextWindow ?? null) : (this.config.contextWindow ?? null),
        });
      }
    });
    return models;
  }

  private async *chatEvents(stream: AsyncIterable<unknown>): AsyncIterable<ProviderEvent> {
    const calls = new Map<number, { id: string; name: string; arguments: string }>();
    let finish: FinishReason | undefined;
    let usage: { inputTokens: number; outputTokens: number } | undefined;
    try {
      for await (const raw of stream) {
        const chunk = chatChunkSchema.safeParse(raw);
        if (!chunk.success) throw new ProviderError('malformed-response', `${this.label} sent a chunk in an unexpected shape`, { retryable: true });
        if (chunk.data.usage) usage = { inputTokens: chunk.data.usage.prompt_tokens, outputTokens: chunk.data.usage.completion_tokens };
        for (const choice of chunk.data.choices ?? []) {
          const text = choice.delta?.content;
          if (text) yield { type: 'text', text };
          for (const delta of choice.delta?.tool_calls ?? []) {
            const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
            call.id ||= delta.id ?? '';
            call.name += delta.function?.name ?? '';
            call.arguments += delta.function?.arguments ?? '';
            calls.set(delta.index, call);
          }
          if (choice.finish_reason) finish = finishReason(choice.finish_reason);
        }
      }
    } catch (error) {
      throw this.failure(error);
    }
    if (!finish) throw new ProviderError('malformed-response', `${this.label}'s stream ended before the answer was complete`, { retryable: true });
    for (const [index, call] of [...calls].sort(([a], [b]) => a - b)) yield { type: 'toolCall', call: toolCall(call, index) };
    yield usage ? { type: 'finish', reason: finish, usage } : { type: 'finish', reason: finish };
  }

  private async *completionEvents(stream: AsyncIterable<unknown>): AsyncIterable<ProviderEvent> {
    let finish: FinishReason | undefined;
    let usage: { inputTokens: number; outputTokens: number } | undefined;
    try {
      for await (const raw of stream) {
        const chunk = completionChunkSchema.safeParse(raw);
        if (!chunk.success) throw new ProviderError('malformed-response', `${this.label} sent a chunk in an unexpected shape`, { retryable: true });
        if (chunk.data.usage) usage = { inputTokens: chunk.data.usage.prompt_tokens, outputTokens: chunk.data.usage.completion_tokens };
        for (const choice of chunk.data.choices ?? []) {
          if (choice.text) yield { type: 'text', text: choice.text };
          if (choice.finish_reason) finish = finishReason(choice.finish_reason);
        }
      }
    } catch (error) {
      throw this.failure(error);
    }
    if (!finish) throw new ProviderError('malformed-response', `${this.label}'s stream ended before the answer was complete`, { retryable: true });
    yield usage ? { type: 'finish', reason: finish, usage } : { type: 'finish', reason: finish };
  }

  private async sdk(): Promise<OpenAI> {
    const key = (await this.secrets.get(this.config.keySecret)) ?? '';
    if (!key && this.config.keyRequired) throw new ProviderError('not-configured', `${this.label} has no API key`);
    if (this.client?.key !== key) {
      this.client = {
        key,
        client: new OpenAI({
          apiKey: key || 'none',
          baseURL: this.config.baseUrl,
          organization: null,
          project: null,
          webhookSecret: null,
          maxRetries: 0,
          // Retries, timeouts and logging are the orchestrator's: the SDK would log response bodies.
          timeout: 10 * 60_000,
          logLevel: 'off',
        }),
      };
    }
    return this.client.client;
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.failure(error);
    }
  }

  private failure(error: unknown): unknown {
    return sdkFailure(OpenAI, this.label, this.config.baseUrl, error);
  }
}

function toOpenAiMessage(message: ProviderMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return { role: 'user', content: message.content };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId ?? '', content: message.content };
    case 'assistant':
      return message.toolCalls?.length
        ? {
            role: 'assistant',
            content: message.content || null,
            tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
          }
        : { role: 'assistant', content: message.content };
  }
}

function finishReason(reason: string): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'tool_calls' || reason === 'function_call') return 'tool-calls';
  if (reason === 'content_filter') return 'content-filter';
  return 'stop';
}

function toolCall(call: { id: string; name: string; arguments: string }, index: number): AiToolCall {
  return { id: call.id || `call_${index}`, name: call.name || 'unknown', arguments: call.arguments || '{}' };
}

function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
