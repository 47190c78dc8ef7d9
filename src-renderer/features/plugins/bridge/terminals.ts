import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { host } from '../../../platform/host';
import type { PluginSession } from '../host/plugin-session';
import { parseArguments } from './schemas';
import { z } from 'zod';

/**
 * `Terminal.onDidWriteData`: the workbench attaches to a terminal the plugin created (main told it
 * the id) and relays its output. It does not acknowledge data: the terminal's view does that.
 */
export function terminalFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'watchTerminal'> & { created(terminalId: string): void } {
  const created = new Set<string>();
  const watched = new Set<string>();
  return {
    created: (terminalId) => created.add(terminalId),
    async watchTerminal(id) {
      const terminalId = parseArguments('Terminal.onDidWriteData', z.string().max(100), id);
      if (!created.has(terminalId)) throw new Error(`${session.pluginId} did not create the terminal ${terminalId}`);
      if (watched.has(terminalId)) return;
      watched.add(terminalId);
      const attached = host().terminal.attach(
        { id: terminalId },
        {
          next: (chunk) => {
            if (chunk.kind === 'data') void session.runtime.terminalData(terminalId, chunk.data);
          },
        },
      );
      session.track(attached);
    },
  };
}
