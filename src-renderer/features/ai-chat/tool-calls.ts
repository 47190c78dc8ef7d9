import type { AiToolCall } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { pluginAiTools, runPluginAiTool, type PluginAiTool } from '../plugins';
import { useChatStore, type ToolRun } from './store';
import { afterConsent, needsConsent, toolErrorText, type ToolConsent } from './tool-consent';

/** The tools the user allowed once and for all ("Always"), by namespaced name, kept in the profile. */
const alwaysAllowedKey = 'ai.chat.alwaysAllowedTools';

/** Calls waiting for the user's answer, by call id. */
const pendingConsents = new Map<string, (consent: ToolConsent) => void>();

async function alwaysAllowedTools(): Promise<string[]> {
  const saved = await host()
    .state.get({ key: alwaysAllowedKey })
    .catch(() => null);
  return Array.isArray(saved) ? saved.filter((name): name is string => typeof name === 'string') : [];
}

async function remember(toolName: string, consent: ToolConsent): Promise<void> {
  const allowed = await alwaysAllowedTools();
  const updated = afterConsent(allowed, toolName, consent);
  if (updated.length !== allowed.length) await host().state.set({ key: alwaysAllowedKey, value: updated });
}

function setRun(callId: string, run: ToolRun): void {
  useChatStore.setState((state) => ({ toolRuns: { ...state.toolRuns, [callId]: run } }));
}

/** The user's answer to a call's prompt (the tool-call block's buttons). */
export function answerToolConsent(callId: string, consent: ToolConsent): void {
  pendingConsents.get(callId)?.(consent);
}

function askConsent(callId: string, signal: AbortSignal): Promise<ToolConsent> {
  return new Promise((resolve) => {
    const answer = (consent: ToolConsent) => {
      pendingConsents.delete(callId);
      signal.removeEventListener('abort', stopped);
      resolve(consent);
    };
    const stopped = () => answer('deny');
    pendingConsents.set(callId, answer);
    signal.addEventListener('abort', stopped, { once: true });
    if (signal.aborted) stopped();
  });
}

function parsedArguments(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: text.trim() === '' ? {} : (JSON.parse(text) as unknown) };
  } catch {
    return { ok: false };
  }
}

/** One call: asked (unless always allowed), run in its plugin, and answered with its result or an error text. */
async function answerToolCall(call: AiToolCall, offered: PluginAiTool | undefined, signal: AbortSignal): Promise<string> {
  if (!offered) return toolErrorText(call.name, 'no running plugin offers this tool.');
  const run = { pluginName: offered.pluginName, toolName: offered.toolName };
  const finish = (state: ToolRun['state'], result: string) => {
    setRun(call.id, { ...run, state, result });
    return result;
  };
  const args = parsedArguments(call.arguments);
  if (!args.ok) return finish('failed', toolErrorText(call.name, 'the arguments are not valid JSON.'));
  if (needsConsent(await alwaysAllowedTools(), call.name)) {
    setRun(call.id, { ...run, state: 'asking' });
    const consent = await askConsent(call.id, signal);
    if (consent === 'deny') return finish('denied', toolErrorText(call.name, 'the user denied this call.'));
    await remember(call.name, consent).catch(() => undefined);
  }
  setRun(call.id, { ...run, state: 'running' });
  try {
    return finish('done', await runPluginAiTool(call.name, args.value, signal));
  } catch (error) {
    return finish('failed', toolErrorText(call.name, errorMessage(error)));
  }
}

/**
 * Answers the tool calls of an answer that stopped for them, one after the other (each may ask the
 * user). Always resolves: a call that is unknown, denied, stopped or failed answers with an error text.
 */
export async function answerToolCalls(calls: readonly AiToolCall[], signal: AbortSignal): Promise<{ toolCallId: string; content: string }[]> {
  const offered = new Map(pluginAiTools().map((entry) => [entry.tool.name, entry]));
  const results: { toolCallId: string; content: string }[] = [];
  for (const call of calls) results.push({ toolCallId: call.id, content: await answerToolCall(call, offered.get(call.name), signal) });
  return results;
}

/** The tools the chat offers the model with each request: those of the running plugins. */
export function offeredTools() {
  return pluginAiTools().map((entry) => entry.tool);
}
