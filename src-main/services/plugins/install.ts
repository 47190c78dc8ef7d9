import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { LatheError } from '../../../src-shared/contract';
import type { PluginManifest } from '../../../src-shared/plugins/manifest';
import { extractPluginArchive, listPluginFiles } from './archive';
import { readPluginFolder, type PluginFolder } from './discovery';

type StagedPlugin = PluginFolder & { manifest: PluginManifest };

/**
 * Copies a plugin folder, or extracts a packed plugin, into `staging` (a new folder of the profile)
 * and validates its manifest there: what is installed is exactly what was checked.
 */
export async function stagePlugin(source: string, staging: string): Promise<StagedPlugin> {
  if (!isAbsolute(source)) throw new LatheError('INVALID_INPUT', 'Give the plugin folder or archive as an absolute path');
  const info = await stat(source).catch((error: NodeJS.ErrnoException) => {
    throw new LatheError(error.code === 'ENOENT' ? 'NOT_FOUND' : 'UNAVAILABLE', `${source} could not be read (${error.code ?? error.message})`);
  });
  if (!info.isDirectory() && !info.isFile()) throw new LatheError('INVALID_INPUT', `${source} is neither a folder nor a file`);
  await mkdir(staging, { recursive: true });
  try {
    if (info.isDirectory()) await copyPluginFolder(source, staging);
    else await extractPluginArchive(source, staging);
  } catch (error) {
    if (error instanceof LatheError) throw error;
    throw new LatheError('UNAVAILABLE', `${source} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const plugin = await readPluginFolder(staging, 'user');
  if (!plugin.manifest || plugin.errors.length > 0) {
    throw new LatheError('INVALID_INPUT', `The plugin's package.json is not valid: ${plugin.errors.join('; ')}`, { errors: plugin.errors });
  }
  return { ...plugin, manifest: plugin.manifest };
}

async function copyPluginFolder(source: string, into: string): Promise<void> {
  for (const file of await listPluginFiles(source)) {
    const target = join(into, file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(source, file), target, constants.COPYFILE_EXCL);
  }
}
