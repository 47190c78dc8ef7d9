import type { PipelineStarter } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { makeParentFolders } from '../../platform/workspace-folders';
import { openFile } from '../editor';
import { notify } from '../notifications';

/** Saves the proposed pipeline where it was proposed and opens it; the list picks it up from the watcher. */
export async function writeStarter(starter: PipelineStarter): Promise<void> {
  try {
    await makeParentFolders(starter.path);
    await host().workspace.writeFile({ path: starter.path, content: starter.content });
    await openFile(starter.path);
  } catch (error) {
    notify({ severity: 'error', message: `Could not save ${starter.path}: ${errorMessage(error)}` });
  }
}
