import { ask, gateway, type RuntimeContext } from './context';

interface AiAnswer {
  text: string;
  answeredBy: { provider: string; model: string };
  finishReason: string;
}

type GenerationOptions = { maxOutputTokens?: number; temperature?: number };

const generation = (options: GenerationOptions) => ({
  ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
  ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
});

/** `lathe.ai`. */
export function createAi(context: RuntimeContext) {
  return {
    chat: (messages: readonly { role: 'user' | 'assistant'; content: string }[], options: GenerationOptions = {}): Promise<AiAnswer> =>
      gateway(context, 'ai.chat', { messages: messages.map((message) => ({ role: message.role, content: String(message.content) })), ...generation(options) }),
    complete: (prefix: string, options: GenerationOptions & { suffix?: string; path?: string; language?: string } = {}): Promise<AiAnswer> =>
      gateway(context, 'ai.complete', {
        prefix: String(prefix),
        ...generation(options),
        ...(options.suffix === undefined ? {} : { suffix: String(options.suffix) }),
        ...(options.path === undefined ? {} : { path: String(options.path) }),
        ...(options.language === undefined ? {} : { language: String(options.language) }),
      }),
  };
}

/** `lathe.storage`: keys and secrets main keeps under this plugin's id. */
export function createStorage(context: RuntimeContext) {
  const memento = (scope: 'global' | 'workspace') =>
    Object.freeze({
      get: async <T>(key: string): Promise<T | undefined> => ((await gateway<T | null>(context, 'storage.get', { key, scope })) ?? undefined),
      update: (key: string, value: unknown): Promise<void> =>
        value === undefined ? gateway(context, 'storage.delete', { key, scope }) : gateway(context, 'storage.set', { key, scope, value }),
      keys: (): Promise<readonly string[]> => gateway(context, 'storage.keys', { scope }),
    });
  return {
    global: memento('global'),
    workspace: memento('workspace'),
    secrets: Object.freeze({
      get: async (key: string): Promise<string | undefined> => (await gateway<string | null>(context, 'secrets.get', { key })) ?? undefined,
      store: (key: string, value: string): Promise<void> => gateway(context, 'secrets.set', { key, value: String(value) }),
      delete: (key: string): Promise<void> => gateway(context, 'secrets.delete', { key }),
    }),
  };
}

/** `lathe.process`. */
export function createProcess(context: RuntimeContext) {
  return {
    run: (command: string, args: readonly string[] = [], options: { cwd?: string; stdin?: string; timeoutMs?: number } = {}) =>
      gateway<{ exitCode: number | null; stdout: string; stderr: string; timedOut: boolean }>(context, 'process.run', {
        command: String(command),
        args: args.map(String),
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
        ...(options.stdin === undefined ? {} : { stdin: String(options.stdin) }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      }),
  };
}

/** `lathe.network`. */
export function createNetwork(context: RuntimeContext) {
  return {
    fetch: async (url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
      const response = await gateway<{ status: number; headers: Record<string, string>; body: string }>(context, 'network.fetch', {
        url: String(url),
        ...(options.method === undefined ? {} : { method: options.method }),
        ...(options.headers === undefined ? {} : { headers: options.headers }),
        ...(options.body === undefined ? {} : { body: String(options.body) }),
      });
      return { status: response.status, headers: response.headers, body: response.body };
    },
  };
}

/** `lathe.clipboard`: the workbench asks main whether this plugin may, then uses the page's clipboard. */
export function createClipboard(context: RuntimeContext) {
  return {
    readText: (): Promise<string> => ask(context.workbench.readClipboard()),
    writeText: (text: string): Promise<void> => ask(context.workbench.writeClipboard(String(text))),
  };
}
