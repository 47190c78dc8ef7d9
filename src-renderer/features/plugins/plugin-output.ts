import type { LogLevel } from '../../../plugins/api/runtime/protocol';
import { appendOutput } from '../panel';

/** The Output channel of a plugin: its `console.*` and what the host did with it (started, crashed, restarted). */
export const pluginOutputChannel = (pluginId: string): string => `plugin:${pluginId}`;

export function logToPluginOutput(pluginId: string, level: LogLevel, text: string): void {
  const time = new Date().toLocaleTimeString(undefined, { hour12: false });
  appendOutput(pluginOutputChannel(pluginId), `Plugin: ${pluginId}`, `[${time}] [${level}] ${text}`);
}
