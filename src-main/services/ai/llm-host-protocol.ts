import type { AiToolCall } from '../../../src-shared/contract';
import type { FinishReason, ProviderMessage } from './provider';

/** What main asks of the local model process (birpc over its IPC channel or utility process port). */
export interface LlmHostFunctions {
  /** Loads a GGUF file (unloading any other); resolves once it can generate. */
  load(options: LocalModelOptions): Promise<LoadedModel>;
  /** Generates; text streams through the `text` event with this request id. Resolves when generation ends. */
  generate(requestId: string, request: LocalGenerateRequest): Promise<LocalGenerateResult>;
  /** Stops a generation (or a request still waiting for its turn) as soon as possible. */
  cancel(requestId: string): void;
  countTokens(texts: string[]): Promise<number[]>;
  embed(texts: string[]): Promise<number[][]>;
}

/** What the local model process tells main. */
export interface LlmHostEvents {
  /** Generated text, batched every few milliseconds. */
  text(requestId: string, text: string): void;
}

export const llmHostEventNames = ['text'] as const satisfies (keyof LlmHostEvents)[];
export const llmHostFunctionEventNames = ['cancel'] as const satisfies (keyof LlmHostFunctions)[];

export interface LocalModelOptions {
  modelPath: string;
  threads: number;
  contextSize: number;
  /** `auto` tries the GPU back-ends (CUDA, Vulkan, Metal) and falls back to the CPU. */
  gpu: 'auto' | 'cpu';
  /** -1: as many as fit. */
  gpuLayers: number;
}

export interface LoadedModel {
  /** `cuda`, `vulkan`, `metal` or `cpu`. */
  backend: string;
  contextSize: number;
}

export type LocalGenerateRequest =
  | {
      kind: 'chat';
      messages: ProviderMessage[];
      tools: { name: string; description: string; parameters: Record<string, unknown> }[];
      temperature: number;
      maxTokens: number;
    }
  | { kind: 'infill'; prefix: string; suffix: string; temperature: number; maxTokens: number };

export interface LocalGenerateResult {
  finishReason: FinishReason;
  inputTokens: number;
  outputTokens: number;
  toolCalls: AiToolCall[];
  /** Stopped by `cancel`. */
  cancelled: boolean;
}
