import { cancellationSource, type CancellationSource, type CancellationToken } from './cancellation';
import { ask, type RuntimeContext } from './context';
import { Disposable } from './events';
import { maxAiToolResultChars, type AiToolData } from './protocol';

type ToolHandler = (args: unknown, token: CancellationToken) => unknown;

/**
 * What the model reads of a tool's result: a string as it is, anything else as JSON, cut at
 * `maxAiToolResultChars` with a note (the model should know it did not see everything).
 */
export function toolResultText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  if (text.length <= maxAiToolResultChars) return text;
  const note = `\n[cut: the result had ${text.length} characters, only the first ones are shown]`;
  return text.slice(0, maxAiToolResultChars - note.length) + note;
}

/** `lathe.ai.registerTool`, and the tool calls the workbench runs in this plugin. */
export function createAiTools(context: RuntimeContext) {
  const handlers = new Map<string, ToolHandler>();
  const calls = new Map<string, CancellationSource>();
  return {
    registerTool(tool: { name: string; description?: string; parameters?: Record<string, unknown> }, handler: ToolHandler): Disposable {
      const name = String(tool.name);
      if (handlers.has(name)) throw new Error(`The AI tool ${name} is already registered`);
      handlers.set(name, handler);
      const data: AiToolData = { name, description: String(tool.description ?? ''), parameters: tool.parameters ?? { type: 'object', properties: {} } };
      const registered = ask(context.workbench.registerAiTool(data));
      registered.catch((error: unknown) => {
        handlers.delete(name);
        console.error(`Could not register the AI tool ${name}:`, error);
      });
      return new Disposable(() => {
        if (handlers.get(name) !== handler) return;
        handlers.delete(name);
        void registered.then(() => context.workbench.unregisterAiTool(name)).catch(() => undefined);
      });
    },
    async run(name: string, args: unknown, callId: string): Promise<string> {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`The plugin ${context.pluginId} has not registered the AI tool ${name}`);
      const source = cancellationSource();
      calls.set(callId, source);
      try {
        return toolResultText(await handler(args, source.token));
      } finally {
        calls.delete(callId);
      }
    },
    cancel(callId: string): void {
      calls.get(callId)?.cancel();
    },
  };
}
