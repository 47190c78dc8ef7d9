import type { Disposable } from '../../../src-shared/contract';
import type { PluginSession } from './host/plugin-session';

/** Which running plugin handles each plugin command (contributed or not): the session that registered it. */
const handlers = new Map<string, PluginSession>();

export function setCommandHandler(command: string, session: PluginSession): Disposable {
  handlers.set(command, session);
  return {
    dispose() {
      if (handlers.get(command) === session) handlers.delete(command);
    },
  };
}

export function commandHandler(command: string): PluginSession | undefined {
  const session = handlers.get(command);
  return session && !session.isClosed ? session : undefined;
}
