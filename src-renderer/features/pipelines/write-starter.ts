import type { PipelineStarter } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { openFile } from '../editor';
import { notify } from '../notifications';

/** Makes each missing folder on the way to `path` (the workspace makes one level at a time). */
async function makeParentFolders(path: string): Promise<void> {
  const parts = path.split('/').slice(0, -1);
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const folder = parts.slice(0, depth).join('/');
    const exists = await host()
      .workspace.stat({ path: folder })
      .then(() => true)
      .catch(() => false);
    if (!exists) await host().workspace.createFolder({ path: folder });
  }
}

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
