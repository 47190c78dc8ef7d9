import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Logger } from 'pino';
import type { AiFeature, AiLocalModelState, AiModelInfo } from '../../../../src-shared/contract';
import { AsyncChannel } from '../async-channel';
import type { HelperProcessLauncher } from '../../../lib/helper-process';
import { connectLlmHost, defaultLlmHostPath, forkLlmHost, type LlmHostConnection } from '../llm-host-client';
import type { LoadedModel, LocalGenerateRequest, LocalModelOptions } from '../llm-host-protocol';
import { ProviderError, type AiProvider, type ChatRequest, type InfillRequest, type ProviderEvent, type ProviderSetup, type TokenCount } from '../provider';

export interface LocalModelSettings {
  modelPath: string;
  /** 0: the number of cores, at most 4. */
  threads: number;
  contextSize: number;
  gpu: 'auto' | 'cpu';
  gpuLayers: number;
  /** 0: never unload. */
  idleUnloadMinutes: number;
}

export interface LocalProviderOptions {
  settings: () => LocalModelSettings;
  logger: Logger;
  /** Tells the orchestrator the model's state changed (loading, loaded, unloaded, failed). */
  onStateChange: () => void;
  scriptPath?: string;
  launcher?: HelperProcessLauncher;
  /** How long loading a model may take before the request fails over. */
  loadTimeoutMs?: number;
}

interface Host {
  connection: LlmHostConnection;
  /** The options of the model loaded (or loading) in it. */
  optionsKey: string | undefined;
  loading: Promise<LoadedModel> | undefined;
  loaded: LoadedModel | undefined;
  exited: boolean;
}

const defaultLoadTimeoutMs = 5 * 60_000;

/**
 * The embedded model: node-llama-cpp in a process of its own (see llm-host.ts), started on the first
 * request, stopped after an idle timeout and restarted after a crash, so a bad file cannot take the IDE down.
 */
export class LocalProvider implements AiProvider {
  readonly id = 'local';
  readonly kind = 'local';
  readonly label = 'Local model';
  readonly baseUrl = null;
  readonly keySecret = null;
  readonly free = true;
  readonly connectTimeoutMs: number;
  private host: Host | undefined;
  private readonly textListeners = new Map<string, (text: string) => void>();
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private lastError: string | undefined;
  private disposed = false;

  constructor(private readonly options: LocalProviderOptions) {
    this.connectTimeoutMs = options.loadTimeoutMs ?? defaultLoadTimeoutMs;
  }

  async setup(): Promise<ProviderSetup> {
    return { configured: this.options.settings().modelPath !== '', keySet: null };
  }

  supports(_feature: AiFeature): boolean {
    return true;
  }

  async defaultModel(): Promise<string> {
    const { modelPath } = this.options.settings();
    if (!modelPath) throw new ProviderError('not-configured', 'No local model file is set (ai.local.modelPath)');
    return basename(modelPath);
  }

  contextWindow(): number {
    return this.host?.loaded?.contextSize ?? this.options.settings().contextSize;
  }

  async countTokens(_model: string, texts: string[], signal: AbortSignal): Promise<TokenCount> {
    const host = await this.ready(signal);
    this.begin();
    try {
      return { counts: await this.rpcCall(() => host.connection.rpc.countTokens(texts)), exact: true };
    } finally {
      this.finish();
    }
  }

  async chat(request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    const tools = request.tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters }));
    return this.generate(
      { kind: 'chat', messages: request.messages, tools, temperature: request.temperature, maxTokens: request.maxOutputTokens },
      signal,
    );
  }

  async infill(request: InfillRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    return this.generate(
      { kind: 'infill', prefix: request.prefix, suffix: request.suffix, temperature: request.temperature, maxTokens: request.maxOutputTokens },
      signal,
    );
  }

  async embed(_model: string, texts: string[], signal: AbortSignal): Promise<{ vectors: number[][]; inputTokens: number | null }> {
    const host = await this.ready(signal);
    this.begin();
    try {
      return { vectors: await this.rpcCall(() => host.connection.rpc.embed(texts)), inputTokens: null };
    } finally {
      this.finish();
    }
  }

  async listModels(): Promise<AiModelInfo[]> {
    const { modelPath } = this.options.settings();
    if (!modelPath) return [];
    return [{ provider: this.id, model: basename(modelPath), label: basename(modelPath), features: ['chat', 'edit', 'completion', 'embeddings'], contextWindow: this.contextWindow() }];
  }

  /** Checks the file without loading it: it exists and starts like a GGUF model. */
  async checkHealth(): Promise<void> {
    const { modelPath } = this.options.settings();
    if (!modelPath) throw new ProviderError('not-configured', 'No local model file is set (ai.local.modelPath)');
    let handle;
    try {
      handle = await open(modelPath, 'r');
    } catch {
      throw new ProviderError('model-unavailable', `The local model file ${modelPath} cannot be read`);
    }
    try {
      const magic = Buffer.alloc(4);
      await handle.read(magic, 0, 4, 0);
      if (magic.toString('latin1') !== 'GGUF') throw new ProviderError('model-unavailable', `${modelPath} is not a GGUF model file`);
    } finally {
      await handle.close();
    }
    if (this.lastError) throw new ProviderError('model-unavailable', this.lastError);
  }

  state(): AiLocalModelState {
    const settings = this.options.settings();
    const host = this.host;
    const state: AiLocalModelState['state'] = this.lastError ? 'error' : host?.loaded ? 'loaded' : host?.loading ? 'loading' : 'unloaded';
    return {
      state,
      modelPath: settings.modelPath,
      backend: host?.loaded?.backend ?? null,
      threads: threadCount(settings.threads),
      contextSize: host?.loaded?.contextSize ?? settings.contextSize,
      ...(this.lastError ? { error: this.lastError } : {}),
    };
  }

  /** Stops the model process now; the next request starts it again. */
  unload(): void {
    const host = this.host;
    if (!host) return;
    this.host = undefined;
    host.connection.rpc.$close(new ProviderError('model-unavailable', 'The local model was unloaded'));
    host.connection.process.kill();
    this.options.logger.info('local model unloaded');
    this.options.onStateChange();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const host = this.host;
    if (!host) return;
    const exited = new Promise<void>((resolve) => host.connection.process.onExit(() => resolve()));
    this.unload();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  private async generate(request: LocalGenerateRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    const host = await this.ready(signal);
    const requestId = randomUUID();
    const events = new AsyncChannel<ProviderEvent>(Number.POSITIVE_INFINITY);
    this.textListeners.set(requestId, (text) => events.push({ type: 'text', text }));
    const cancel = (): void => void host.connection.rpc.cancel(requestId);
    signal.addEventListener('abort', cancel, { once: true });
    this.begin();
    host.connection.rpc
      .generate(requestId, request)
      .then(
        (result) => {
          for (const call of result.toolCalls) events.push({ type: 'toolCall', call });
          events.push({ type: 'finish', reason: result.finishReason, usage: { inputTokens: result.inputTokens, outputTokens: result.outputTokens } });
          events.end();
        },
        (error: unknown) => events.fail(this.failure(error)),
      )
      .finally(() => {
        signal.removeEventListener('abort', cancel);
        this.textListeners.delete(requestId);
        this.finish();
      });
    return events;
  }

  /** The process, started if needed, with the model of the current settings loaded. */
  private async ready(signal: AbortSignal): Promise<Host> {
    if (this.disposed) throw new ProviderError('model-unavailable', 'The local model is shutting down');
    const settings = this.options.settings();
    if (!settings.modelPath) throw new ProviderError('not-configured', 'No local model file is set (ai.local.modelPath)');
    if (!existsSync(settings.modelPath)) throw new ProviderError('model-unavailable', `The local model file ${settings.modelPath} does not exist`);
    const modelOptions: LocalModelOptions = {
      modelPath: settings.modelPath,
      threads: threadCount(settings.threads),
      contextSize: settings.contextSize,
      gpu: settings.gpu,
      gpuLayers: settings.gpuLayers,
    };
    const key = JSON.stringify(modelOptions);
    const host = this.host ?? this.start();
    if (host.optionsKey !== key || !host.loading) {
      host.optionsKey = key;
      host.loaded = undefined;
      this.lastError = undefined;
      const loading = this.rpcCall(() => host.connection.rpc.load(modelOptions));
      host.loading = loading;
      this.options.onStateChange();
      loading.then(
        (loaded) => {
          if (host.loading !== loading) return;
          host.loaded = loaded;
          this.options.logger.info({ backend: loaded.backend, contextSize: loaded.contextSize }, 'local model loaded');
          this.options.onStateChange();
        },
        (error: unknown) => {
          if (host.loading !== loading) return;
          host.loading = undefined;
          if (!host.exited) this.lastError = error instanceof Error ? error.message : String(error);
          this.options.onStateChange();
        },
      );
    }
    await abortable(host.loading as Promise<LoadedModel>, signal);
    return host;
  }

  private start(): Host {
    const script = this.options.scriptPath ?? defaultLlmHostPath();
    if (!existsSync(script)) throw new ProviderError('model-unavailable', 'The local model runner is missing from this build');
    const connection = connectLlmHost(this.options.launcher ?? forkLlmHost, script, {
      text: (requestId, text) => this.textListeners.get(requestId)?.(text),
    });
    const host: Host = { connection, optionsKey: undefined, loading: undefined, loaded: undefined, exited: false };
    connection.process.onExit((code, signal) => {
      host.exited = true;
      if (this.host !== host) return;
      this.host = undefined;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const file = this.options.settings().modelPath;
      const during = host.loaded ? `while running ${file}` : `while loading ${file}`;
      this.lastError = `The local model process stopped (${how}) ${during}: the file may be corrupt or not supported`;
      this.options.logger.error({ code, signal }, 'local model process stopped');
      connection.rpc.$close(new ProviderError('model-unavailable', this.lastError));
      this.options.onStateChange();
    });
    this.host = host;
    return host;
  }

  private async rpcCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.failure(error);
    }
  }

  private failure(error: unknown): ProviderError {
    if (error instanceof ProviderError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new ProviderError('model-unavailable', `The local model failed: ${message.slice(0, 500)}`);
  }

  private begin(): void {
    this.active += 1;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private finish(): void {
    this.active -= 1;
    const minutes = this.options.settings().idleUnloadMinutes;
    if (this.active > 0 || minutes === 0 || this.disposed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.active === 0) this.unload();
    }, minutes * 60_000);
    this.idleTimer.unref();
  }
}

function threadCount(setting: number): number {
  return setting > 0 ? setting : Math.min(availableParallelism(), 4);
}

/** Waits for `promise` unless `signal` aborts first (the load goes on for the next request). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
