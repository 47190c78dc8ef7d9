import { z } from 'zod';
import type { Disposable } from '../../../../src-shared/contract';
import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import type { PluginSession } from '../host/plugin-session';
import { commandHandler, setCommandHandler } from '../plugin-commands';
import { commandIdSchema, parseArguments } from './schemas';
import type { PluginHostServices } from './services';

/** `commands.*`: a plugin registers its own commands only, and runs plugin commands. */
export function commandFunctions(session: PluginSession, services: PluginHostServices): Pick<WorkbenchFunctions, 'registerCommand' | 'unregisterCommand' | 'executeCommand'> {
  const { manifest } = session.info;
  const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
  const registrations = new Map<string, Disposable>();
  return {
    async registerCommand(id) {
      const command = parseArguments('commands.registerCommand', commandIdSchema, id);
      if (!contributed.has(command) && !command.startsWith(`${manifest.name}.`)) {
        throw new Error(`${session.pluginId} may register only its own commands: those it contributes, or ids starting with "${manifest.name}."`);
      }
      if (commandHandler(command)) throw new Error(`The command ${command} is already registered`);
      const registration = setCommandHandler(command, session);
      registrations.set(command, registration);
      session.track(registration);
    },
    async unregisterCommand(id) {
      const command = parseArguments('commands.unregisterCommand', commandIdSchema, id);
      registrations.get(command)?.dispose();
      registrations.delete(command);
    },
    executeCommand(id, args) {
      const command = parseArguments('commands.executeCommand', commandIdSchema, id);
      return services.executeCommand(command, parseArguments('commands.executeCommand', z.array(z.unknown()).max(100), args));
    },
  };
}
