import { errorMessage } from '../../platform/errors';
import { notify } from '../../features/notifications';
import { getCommand } from './registry';

/** Runs a command by id from a key, the palette or a native menu; failures become a toast, not a silent rejection. */
export async function runCommand(id: string): Promise<void> {
  const command = getCommand(id);
  if (!command) {
    notify({ severity: 'warning', message: `Command '${id}' not found` });
    return;
  }
  try {
    await command.run();
  } catch (error) {
    notify({ severity: 'error', message: `${command.title}: ${errorMessage(error)}` });
  }
}
