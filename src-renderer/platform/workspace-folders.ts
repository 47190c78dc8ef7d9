import { host } from './host';

/** Makes each missing folder on the way to `path` (the workspace makes one level at a time). */
export async function makeParentFolders(path: string): Promise<void> {
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
