import type { LogLevel } from '../../../../plugins/api/runtime/protocol';

/** What the API functions need from the plugin host around them. */
export interface PluginHostServices {
  /** Runs a plugin command for a plugin (activating the plugin that contributes it). */
  executeCommand(command: string, args: unknown[]): Promise<unknown>;
  log(pluginId: string, level: LogLevel, text: string): void;
}
