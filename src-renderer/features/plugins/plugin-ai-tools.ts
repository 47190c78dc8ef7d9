import { z } from 'zod';
import type { AiTool, Disposable } from '../../../src-shared/contract';
import { maxAiToolResultChars, type AiToolData } from '../../../plugins/api/runtime/protocol';
import { namespacedToolName } from './ai-tool-names';
import type { PluginSession } from './host/plugin-session';

/** A running plugin's tool as the chat offers it to the model. */
export interface PluginAiTool {
  /** `name` is the namespaced one the model calls. */
  tool: AiTool;
  pluginId: string;
  pluginName: string;
  /** The plugin's own name for it. */
  toolName: string;
}

/** How long a tool may run before the model is told it did not answer. */
const aiToolTimeoutMs = 60_000;

/** Which running plugin serves each tool, by namespaced name. */
const tools = new Map<string, { session: PluginSession; data: AiToolData }>();
let lastCallId = 0;

const resultSchema = z.string().max(maxAiToolResultChars);

export function setAiTool(session: PluginSession, data: AiToolData): Disposable {
  const name = namespacedToolName(session.pluginId, data.name);
  const entry = { session, data };
  tools.set(name, entry);
  return {
    dispose() {
      if (tools.get(name) === entry) tools.delete(name);
    },
  };
}

/** The tools of the running plugins, for the chat's next request. */
export function pluginAiTools(): PluginAiTool[] {
  return [...tools]
    .filter(([, { session }]) => !session.isClosed)
    .map(([name, { session, data }]) => ({
      tool: { name, description: data.description, parameters: data.parameters },
      pluginId: session.pluginId,
      pluginName: session.info.manifest.displayName ?? session.info.manifest.name,
      toolName: data.name,
    }));
}

/**
 * Runs a tool in its plugin. Rejects when the plugin stops or crashes meanwhile (with the reason),
 * when `signal` aborts, or after `aiToolTimeoutMs`; the plugin's token is then cancelled.
 */
export function runPluginAiTool(name: string, args: unknown, signal: AbortSignal): Promise<string> {
  const entry = tools.get(name);
  if (!entry || entry.session.isClosed) return Promise.reject(new Error(`No running plugin offers the tool ${name}`));
  const { session, data } = entry;
  const callId = String(++lastCallId);
  return new Promise<string>((resolve, reject) => {
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      finish();
    };
    const giveUp = (why: Error) =>
      settle(() => {
        if (!session.isClosed) void Promise.resolve(session.runtime.cancelAiTool(callId)).catch(() => undefined);
        reject(why);
      });
    const aborted = () => giveUp(new Error('The call was stopped'));
    const timer = setTimeout(() => giveUp(new Error(`The tool did not answer within ${aiToolTimeoutMs / 1000} s`)), aiToolTimeoutMs);
    signal.addEventListener('abort', aborted, { once: true });
    if (signal.aborted) {
      aborted();
      return;
    }
    session.runtime.runAiTool(data.name, args, callId).then(
      (result) => settle(() => resolve(resultSchema.parse(result))),
      (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
