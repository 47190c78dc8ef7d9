import { runCommand } from '../../../app/commands';
import { errorMessage } from '../../../platform/errors';
import { notify } from '../../notifications';
import { commandHandler } from '../plugin-commands';
import { executePluginCommand } from '../plugin-host';
import { readyPlugins, usePluginsStore } from '../store';

/**
 * Runs the command of a plugin's status bar item, tree item or menu entry, which the user clicked:
 * a plugin command with its arguments, or a workbench command (without arguments).
 */
export function runContributedCommand(command: string, args: readonly unknown[] = []): void {
  const isPluginCommand =
    commandHandler(command) !== undefined ||
    readyPlugins(usePluginsStore.getState().plugins).some((plugin) => plugin.manifest.contributes.commands.some((entry) => entry.command === command));
  if (!isPluginCommand) {
    void runCommand(command);
    return;
  }
  executePluginCommand(command, [...args]).catch((error: unknown) => notify({ severity: 'error', message: errorMessage(error) }));
}
