import { ask, type RuntimeContext } from './context';
import { Disposable } from './events';

type CommandHandler = (...args: unknown[]) => unknown;

/** `lathe.commands`, and the commands the workbench runs in this plugin. */
export function createCommands(context: RuntimeContext) {
  const handlers = new Map<string, CommandHandler>();
  const api = {
    registerCommand(command: string, callback: CommandHandler): Disposable {
      if (handlers.has(command)) throw new Error(`The command ${command} is already registered`);
      handlers.set(command, callback);
      const registered = ask(context.workbench.registerCommand(command));
      registered.catch((error: unknown) => {
        handlers.delete(command);
        console.error(`Could not register the command ${command}:`, error);
      });
      return new Disposable(() => {
        if (handlers.get(command) !== callback) return;
        handlers.delete(command);
        void registered.then(() => context.workbench.unregisterCommand(command)).catch(() => undefined);
      });
    },
    async executeCommand(command: string, ...rest: unknown[]): Promise<unknown> {
      const handler = handlers.get(command);
      if (handler) return await handler(...rest);
      return ask(context.workbench.executeCommand(command, rest));
    },
  };
  return {
    api,
    async run(command: string, args: unknown[]): Promise<unknown> {
      const handler = handlers.get(command);
      if (!handler) throw new Error(`The plugin ${context.pluginId} has not registered the command ${command}`);
      return await handler(...args);
    },
  };
}
