// The local model process: node-llama-cpp runs here, never in main, so a model file that makes the
// native code abort takes down only this process. Started by the local provider with
// child_process.fork (or an Electron utility process); speaks birpc over the channel it was started with.
import { createBirpc, type ChannelOptions } from 'birpc';
import {
  getLlama,
  LlamaChat,
  LlamaCompletion,
  LlamaLogLevel,
  type ChatHistoryItem,
  type ChatModelFunctionCall,
  type ChatModelFunctions,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaEmbeddingContext,
  type LlamaModel,
} from 'node-llama-cpp';
import {
  llmHostEventNames,
  type LlmHostEvents,
  type LlmHostFunctions,
  type LoadedModel,
  type LocalGenerateRequest,
  type LocalGenerateResult,
  type LocalModelOptions,
} from './llm-host-protocol';
import type { FinishReason, ProviderMessage } from './provider';

/** The shortest gap between two text messages of one request (about a frame). */
const textIntervalMs = 16;

interface Loaded {
  key: string;
  info: LoadedModel;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  embedding: Promise<LlamaEmbeddingContext> | undefined;
  threads: number;
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const llamas = new Map<string, Promise<Llama>>();
let loaded: Loaded | undefined;
/** Loads and generations run one at a time: the context has one sequence, and on a few cores parallel runs only slow each other. */
let turn: Promise<void> = Promise.resolve();
const running = new Map<string, AbortController>();

function channel(): ChannelOptions {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return { post: (message) => parentPort.postMessage(message), on: (deliver) => parentPort.on('message', (event) => deliver(event.data)) };
  }
  if (!process.send) throw new Error('The local model process must be started with an IPC channel');
  return { post: (message) => void process.send?.(message), on: (deliver) => void process.on('message', deliver) };
}

function llamaFor(gpu: LocalModelOptions['gpu']): Promise<Llama> {
  let llama = llamas.get(gpu);
  if (!llama) {
    const options = {
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      logLevel: LlamaLogLevel.error,
      logger: (level: LlamaLogLevel, message: string) => process.stderr.write(`[local model] ${level}: ${message}\n`),
    } as const;
    // The best GPU back-end found, else the CPU.
    llama = gpu === 'cpu' ? getLlama({ ...options, gpu: false }) : getLlama({ ...options, gpu: 'auto' }).catch(() => getLlama({ ...options, gpu: false }));
    llamas.set(gpu, llama);
  }
  return llama;
}

/** Loads on the GPU back-end found; when that fails (too little video memory, a broken driver), on the CPU. */
async function loadModel(options: LocalModelOptions): Promise<{ llama: Llama; model: LlamaModel }> {
  const llama = await llamaFor(options.gpu);
  const gpuLayers = options.gpuLayers < 0 ? 'auto' : options.gpuLayers;
  try {
    return { llama, model: await llama.loadModel({ modelPath: options.modelPath, gpuLayers }) };
  } catch (error) {
    if (llama.gpu === false) throw error;
    process.stderr.write(`[local model] loading on ${llama.gpu} failed, loading on the CPU: ${(error as Error).message}\n`);
    const cpu = await llamaFor('cpu');
    return { llama: cpu, model: await cpu.loadModel({ modelPath: options.modelPath, gpuLayers: 0 }) };
  }
}

async function unload(): Promise<void> {
  const previous = loaded;
  loaded = undefined;
  if (!previous) return;
  await (await previous.embedding?.catch(() => undefined))?.dispose();
  await previous.context.dispose();
  await previous.model.dispose();
}

function requireLoaded(): Loaded {
  if (!loaded) throw new Error('No model is loaded');
  return loaded;
}

/** Runs `task` after every load and generation asked for before it; a request cancelled while waiting never starts. */
function inTurn<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  const result = turn.then(() => {
    if (signal?.aborted) throw new Error('cancelled');
    return task();
  });
  turn = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/**
 * Sends a request's text at most once per `textIntervalMs`: a token after a pause goes out at once, a
 * fast model's tokens are gathered (so relaying them costs main little). `flush` before the result.
 */
function textSender(requestId: string): { push(text: string): void; flush(): void } {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  let sentAt = Number.NEGATIVE_INFINITY;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const text = pending;
    pending = '';
    sentAt = performance.now();
    main.text(requestId, text);
  };
  return {
    push(text) {
      pending += text;
      if (timer) return;
      const wait = sentAt + textIntervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
  };
}

/** Our messages as node-llama-cpp's history; tool results go into the call they answer. */
function toHistory(messages: ProviderMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  const calls = new Map<string, ChatModelFunctionCall>();
  for (const message of messages) {
    if (message.role === 'system') history.push({ type: 'system', text: message.content });
    else if (message.role === 'user') history.push({ type: 'user', text: message.content });
    else if (message.role === 'assistant') {
      const response: (string | ChatModelFunctionCall)[] = message.content ? [message.content] : [];
      for (const call of message.toolCalls ?? []) {
        const functionCall: ChatModelFunctionCall = { type: 'functionCall', name: call.name, params: parseJson(call.arguments), result: undefined };
        calls.set(call.id, functionCall);
        response.push(functionCall);
      }
      history.push({ type: 'model', response });
    } else {
      const call = message.toolCallId ? calls.get(message.toolCallId) : undefined;
      if (call) call.result = message.content;
    }
  }
  // Generation writes into the last model response: a new one after a user message, the same one after tool results.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function finishReason(stopReason: string): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'functionCalls') return 'tool-calls';
  return 'stop';
}

function countTokens(model: LlamaModel, texts: string[]): number {
  return texts.reduce((sum, text) => sum + model.tokenize(text).length, 0);
}

async function generateChat(
  requestId: string,
  request: Extract<LocalGenerateRequest, { kind: 'chat' }>,
  signal: AbortSignal,
): Promise<LocalGenerateResult> {
  const { model, sequence } = requireLoaded();
  const chat = new LlamaChat({ contextSequence: sequence });
  const sender = textSender(requestId);
  let outputTokens = 0;
  try {
    const functions: ChatModelFunctions | undefined =
      request.tools.length > 0
        ? Object.fromEntries(request.tools.map((tool) => [tool.name, { description: tool.description, params: tool.parameters as never }]))
        : undefined;
    const response = await chat.generateResponse(toHistory(request.messages), {
      signal,
      stopOnAbortSignal: true,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      onTextChunk: (text) => sender.push(text),
      onToken: (tokens) => (outputTokens += tokens.length),
      ...(functions ? { functions } : {}),
    });
    sender.flush();
    const toolCalls = (response.functionCalls ?? []).map((call, index) => ({
      id: `call_${requestId}_${index}`,
      name: call.functionName,
      arguments: JSON.stringify(call.params ?? {}),
    }));
    return {
      finishReason: toolCalls.length > 0 ? 'tool-calls' : finishReason(response.metadata.stopReason),
      inputTokens: countTokens(model, request.messages.map((message) => message.content)),
      outputTokens,
      toolCalls,
      cancelled: response.metadata.stopReason === 'abort',
    };
  } finally {
    sender.flush();
    chat.dispose({ disposeSequence: false });
  }
}

async function generateInfill(
  requestId: string,
  request: Extract<LocalGenerateRequest, { kind: 'infill' }>,
  signal: AbortSignal,
): Promise<LocalGenerateResult> {
  const { model, sequence } = requireLoaded();
  const completion = new LlamaCompletion({ contextSequence: sequence });
  const sender = textSender(requestId);
  let outputTokens = 0;
  try {
    const options = {
      signal,
      stopOnAbortSignal: true,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      onTextChunk: (text: string) => sender.push(text),
      onToken: (tokens: readonly unknown[]) => (outputTokens += tokens.length),
    };
    // Without fill-in-the-middle tokens the model can still continue the prefix.
    const response = completion.infillSupported
      ? await completion.generateInfillCompletionWithMeta(request.prefix, request.suffix, options)
      : await completion.generateCompletionWithMeta(request.prefix, options);
    sender.flush();
    return {
      finishReason: finishReason(response.metadata.stopReason),
      inputTokens: countTokens(model, [request.prefix, request.suffix]),
      outputTokens,
      toolCalls: [],
      cancelled: response.metadata.stopReason === 'abort',
    };
  } finally {
    sender.flush();
    completion.dispose({ disposeSequence: false });
  }
}

const functions: LlmHostFunctions = {
  load(options) {
    return inTurn(undefined, async () => {
      const key = JSON.stringify(options);
      if (loaded?.key === key) return loaded.info;
      await unload();
      const { llama, model } = await loadModel(options);
      try {
        const context = await model.createContext({ contextSize: options.contextSize, threads: options.threads, sequences: 1 });
        const info: LoadedModel = { backend: llama.gpu === false ? 'cpu' : llama.gpu, contextSize: context.contextSize };
        loaded = { key, info, model, context, sequence: context.getSequence(), embedding: undefined, threads: options.threads };
        return info;
      } catch (error) {
        await model.dispose();
        throw error;
      }
    });
  },
  generate(requestId, request) {
    const controller = new AbortController();
    running.set(requestId, controller);
    return inTurn(controller.signal, () =>
      request.kind === 'chat' ? generateChat(requestId, request, controller.signal) : generateInfill(requestId, request, controller.signal),
    ).finally(() => running.delete(requestId));
  },
  cancel(requestId) {
    running.get(requestId)?.abort();
  },
  async countTokens(texts) {
    const { model } = requireLoaded();
    return texts.map((text) => model.tokenize(text).length);
  },
  async embed(texts) {
    const current = requireLoaded();
    current.embedding ??= current.model.createEmbeddingContext({ threads: current.threads });
    const context = await current.embedding;
    const vectors: number[][] = [];
    for (const text of texts) vectors.push([...(await context.getEmbeddingFor(text)).vector]);
    return vectors;
  },
};

const main = createBirpc<LlmHostEvents, LlmHostFunctions>(functions, {
  ...channel(),
  eventNames: [...llmHostEventNames],
  timeout: -1,
  resolver: (name) => (Object.hasOwn(functions, name) ? functions[name as keyof LlmHostFunctions] : undefined),
});

// Main went away (quit, crash, test end): nothing here is worth keeping.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
