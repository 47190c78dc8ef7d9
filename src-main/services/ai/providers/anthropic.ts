import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { AiFeature, AiModelInfo } from '../../../../src-shared/contract';
import { cloudDefaultModels, knownModel } from '../model-catalog';
import { ProviderError, type AiProvider, type ChatRequest, type FinishReason, type ProviderEvent, type ProviderMessage, type ProviderSetup, type TokenCount } from '../provider';
import { estimateTokens } from '../tokens';
import { sdkFailure, type SecretReader } from './shared';

export interface AnthropicProviderConfig {
  baseUrl: string;
  keySecret: string;
}

// The stream's events, as far as they are used.
const streamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ usage: z.object({ input_tokens: z.number().int().nonnegative().default(0) }).loose() }).loose() }),
  z.object({
    type: z.literal('content_block_start'),
    index: z.number().int().nonnegative(),
    content_block: z.object({ type: z.string(), id: z.string().optional(), name: z.string().optional(), text: z.string().optional() }).loose(),
  }),
  z.object({
    type: z.literal('content_block_delta'),
    index: z.number().int().nonnegative(),
    delta: z.object({ type: z.string(), text: z.string().optional(), partial_json: z.string().optional() }).loose(),
  }),
  z.object({ type: z.literal('content_block_stop'), index: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('message_delta'),
    delta: z.object({ stop_reason: z.string().nullish() }).loose(),
    usage: z.object({ output_tokens: z.number().int().nonnegative().default(0) }).loose().optional(),
  }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('ping') }),
]);

const modelSchema = z.object({ id: z.string().min(1), display_name: z.string().optional() });

/** Anthropic's Messages API (no embeddings; fill-in-the-middle goes through chat). */
export class AnthropicProvider implements AiProvider {
  readonly id = 'anthropic';
  readonly kind = 'anthropic';
  readonly label = 'Anthropic';
  readonly free = false;
  private client: { key: string; client: Anthropic } | undefined;

  constructor(
    private readonly config: AnthropicProviderConfig,
    private readonly secrets: SecretReader,
  ) {}

  get baseUrl(): string {
    return this.config.baseUrl;
  }
  get keySecret(): string {
    return this.config.keySecret;
  }

  async setup(): Promise<ProviderSetup> {
    const keySet = (await this.secrets.get(this.config.keySecret)) !== undefined;
    return { configured: keySet, keySet };
  }

  supports(feature: AiFeature): boolean {
    return feature !== 'embeddings';
  }

  async defaultModel(feature: AiFeature): Promise<string> {
    const model = cloudDefaultModels.anthropic[feature];
    if (!model) throw new ProviderError('unsupported', `Anthropic has no ${feature} models`);
    return model;
  }

  contextWindow(model: string): number {
    return knownModel('anthropic', model)?.contextWindow ?? 200_000;
  }

  async countTokens(_model: string, texts: string[]): Promise<TokenCount> {
    return { counts: texts.map(estimateTokens), exact: false };
  }

  async chat(request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    const client = await this.sdk();
    const system = request.messages
      .filter((message) => message.role === 'system')
      .map((message) => message.content)
      .join('\n\n');
    // This API version takes no sampling temperature: answers are as deterministic as the model makes them.
    const stream = await this.call(() =>
      client.messages.create(
        {
          model: request.model,
          max_tokens: request.maxOutputTokens,
          ...(system ? { system } : {}),
          messages: toAnthropicMessages(request.messages),
          ...(request.tools.length > 0
            ? { tools: request.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: { type: 'object' as const, ...tool.parameters } })) }
            : {}),
          stream: true as const,
        },
        { signal, maxRetries: 0 },
      ),
    );
    return this.events(stream);
  }

  async embed(): Promise<never> {
    throw new ProviderError('unsupported', 'Anthropic has no embeddings API');
  }

  async listModels(signal: AbortSignal): Promise<AiModelInfo[]> {
    const client = await this.sdk();
    const models: AiModelInfo[] = [];
    await this.call(async () => {
      for await (const raw of client.models.list({}, { signal, maxRetries: 0 })) {
        const parsed = modelSchema.safeParse(raw);
        if (!parsed.success) throw new ProviderError('malformed-response', 'Anthropic listed a model in an unexpected shape');
        models.push({
          provider: this.id,
          model: parsed.data.id,
          label: parsed.data.display_name ?? parsed.data.id,
          features: ['chat', 'edit', 'completion'],
          contextWindow: this.contextWindow(parsed.data.id),
        });
      }
    });
    return models;
  }

  async checkHealth(signal: AbortSignal): Promise<void> {
    await this.listModels(signal);
  }

  async dispose(): Promise<void> {
    this.client = undefined;
  }

  private async *events(stream: AsyncIterable<unknown>): AsyncIterable<ProviderEvent> {
    const toolBlocks = new Map<number, { id: string; name: string; json: string }>();
    let inputTokens = 0;
    let outputTokens = 0;
    let finish: FinishReason = 'stop';
    let stopped = false;
    try {
      for await (const raw of stream) {
        // Event types added after this was written are skipped rather than refused.
        const type = (raw as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && !knownEventTypes.has(type)) continue;
        const parsed = streamEventSchema.safeParse(raw);
        if (!parsed.success) throw new ProviderError('malformed-response', 'Anthropic sent an event in an unexpected shape', { retryable: true });
        const event = parsed.data;
        switch (event.type) {
          case 'message_start':
            inputTokens = event.message.usage.input_tokens;
            break;
          case 'content_block_start':
            if (event.content_block.type === 'tool_use') {
              toolBlocks.set(event.index, { id: event.content_block.id ?? `toolu_${event.index}`, name: event.content_block.name ?? 'unknown', json: '' });
            } else if (event.content_block.text) {
              yield { type: 'text', text: event.content_block.text };
            }
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text) yield { type: 'text', text: event.delta.text };
            else if (event.delta.type === 'input_json_delta') {
              const block = toolBlocks.get(event.index);
              if (block) block.json += event.delta.partial_json ?? '';
            }
            break;
          case 'content_block_stop': {
            const block = toolBlocks.get(event.index);
            if (block) yield { type: 'toolCall', call: { id: block.id, name: block.name, arguments: block.json || '{}' } };
            break;
          }
          case 'message_delta':
            if (event.delta.stop_reason) finish = finishReason(event.delta.stop_reason);
            if (event.usage) outputTokens = event.usage.output_tokens;
            break;
          case 'message_stop':
            stopped = true;
            break;
          case 'ping':
            break;
        }
      }
    } catch (error) {
      throw this.failure(error);
    }
    if (!stopped) throw new ProviderError('malformed-response', "Anthropic's stream ended before the answer was complete", { retryable: true });
    yield { type: 'finish', reason: finish, usage: { inputTokens, outputTokens } };
  }

  private async sdk(): Promise<Anthropic> {
    const key = await this.secrets.get(this.config.keySecret);
    if (!key) throw new ProviderError('not-configured', 'Anthropic has no API key');
    if (this.client?.key !== key) {
      this.client = {
        key,
        // Every credential is explicit: nothing is picked up from the environment or profile files.
        client: new Anthropic({ apiKey: key, authToken: null, baseURL: this.config.baseUrl, maxRetries: 0, timeout: 10 * 60_000, logLevel: 'off' }),
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
    return sdkFailure(Anthropic, this.label, this.config.baseUrl, error);
  }
}

const knownEventTypes: ReadonlySet<string> = new Set(streamEventSchema.options.map((option) => option.shape.type.value));

/** Tool results travel in user messages; consecutive results share one message. */
function toAnthropicMessages(messages: ProviderMessage[]): Anthropic.MessageParam[] {
  const result: Anthropic.MessageParam[] = [];
  for (const message of messages) {
    if (message.role === 'system') continue;
    if (message.role === 'tool') {
      const block: Anthropic.ToolResultBlockParam = { type: 'tool_result', tool_use_id: message.toolCallId ?? '', content: message.content };
      const previous = result.at(-1);
      if (previous?.role === 'user' && Array.isArray(previous.content) && previous.content.every((part) => part.type === 'tool_result')) {
        previous.content.push(block);
      } else {
        result.push({ role: 'user', content: [block] });
      }
      continue;
    }
    if (message.role === 'assistant' && message.toolCalls?.length) {
      const content: Anthropic.ContentBlockParam[] = message.content ? [{ type: 'text', text: message.content }] : [];
      for (const call of message.toolCalls) content.push({ type: 'tool_use', id: call.id, name: call.name, input: parseArguments(call.arguments) });
      result.push({ role: 'assistant', content });
      continue;
    }
    result.push({ role: message.role, content: message.content });
  }
  return result;
}

function parseArguments(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function finishReason(reason: string): FinishReason {
  if (reason === 'max_tokens') return 'length';
  if (reason === 'tool_use') return 'tool-calls';
  if (reason === 'refusal') return 'content-filter';
  return 'stop';
}
