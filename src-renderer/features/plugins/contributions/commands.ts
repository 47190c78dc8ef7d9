import type { Disposable } from '../../../../src-shared/contract';
import { formatKeybinding, registerCommand } from '../../../app/commands';
import { isMac } from '../../../platform/keyboard-platform';
import { executePluginCommand } from '../plugin-host';
import { logToPluginOutput } from '../plugin-output';
import type { readyPlugins } from '../store';

type ReadyPlugin = ReturnType<typeof readyPlugins>[number];

/** A manifest's key for this platform, or undefined when it is not one the workbench can read. */
function usableKey(plugin: ReadyPlugin, binding: ReadyPlugin['manifest']['contributes']['keybindings'][number]): string | undefined {
  const key = (isMac && binding.mac) || binding.key;
  try {
    formatKeybinding(key);
    return key.toLowerCase();
  } catch (error) {
    logToPluginOutput(plugin.id, 'warn', `Ignored the keybinding "${key}" of ${binding.command}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * Puts the commands ready plugins contribute in the palette, with their keybindings, before the
 * plugins run: running one activates its plugin (`onCommand:`). Keybindings that name commands of
 * other plugins or of the workbench are left out (only a command's own plugin binds it).
 */
export function registerContributedCommands(plugins: readonly ReadyPlugin[]): Disposable[] {
  return plugins.flatMap((plugin) => {
    const { contributes } = plugin.manifest;
    return contributes.commands.flatMap((command) => {
      const keys = contributes.keybindings.filter((binding) => binding.command === command.command).flatMap((binding) => usableKey(plugin, binding) ?? []);
      try {
        return [
          registerCommand({
            id: command.command,
            title: command.title,
            category: command.category ?? plugin.manifest.displayName ?? plugin.manifest.name,
            ...(keys.length > 0 ? { keybinding: keys } : {}),
            run: async () => {
              await executePluginCommand(command.command, []);
            },
          }),
        ];
      } catch (error) {
        logToPluginOutput(plugin.id, 'warn', `The command ${command.command} was not added: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    });
  });
}
