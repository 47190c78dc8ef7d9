import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PluginInfo } from '../../../src-shared/contract';
import { parseManifest, pluginId, type PluginManifest } from '../../../src-shared/plugins/manifest';

/** A plugin folder as found on disk: its manifest when it is valid, otherwise why not. */
export interface PluginFolder {
  id: string;
  folder: string;
  source: PluginInfo['source'];
  manifest: PluginManifest | null;
  errors: string[];
}

const maxManifestBytes = 1024 * 1024;

/** Folders of `plugins/` that hold the API and the starting point for new plugins, not plugins. */
const notBuiltInPlugins = new Set(['api', 'template']);

/** Reads and validates a plugin folder's package.json; problems are reported, never thrown. */
export async function readPluginFolder(folder: string, source: PluginInfo['source']): Promise<PluginFolder> {
  const invalid = (...errors: string[]): PluginFolder => ({ id: basename(folder), folder, source, manifest: null, errors });
  let text: string;
  try {
    const file = join(folder, 'package.json');
    if ((await stat(file)).size > maxManifestBytes) return invalid('package.json: larger than 1 MB');
    text = await readFile(file, 'utf8');
  } catch (error) {
    return invalid(`package.json: could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalid(`package.json: not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseManifest(json);
  if (!parsed.ok) return invalid(...parsed.errors);
  const { manifest } = parsed;
  const mainFile = await stat(join(folder, manifest.main)).catch(() => undefined);
  const errors = mainFile?.isFile() ? [] : [`main: "${manifest.main}" is not a file of the plugin`];
  return { id: pluginId(manifest), folder, source, manifest, errors };
}

/**
 * The plugins of a folder: one per subfolder with a package.json. User plugins live in a folder
 * named after their id; one that is not is listed with that error.
 */
export async function discoverPlugins(root: string, source: PluginInfo['source']): Promise<PluginFolder[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !(source === 'builtin' && notBuiltInPlugins.has(entry.name)))
    .map((entry) => entry.name)
    .sort();
  const found = await Promise.all(
    folders.map(async (name): Promise<PluginFolder | null> => {
      const folder = join(root, name);
      const hasManifest = await stat(join(folder, 'package.json')).then(
        () => true,
        () => false,
      );
      if (!hasManifest) return null;
      const plugin = await readPluginFolder(folder, source);
      if (source === 'user' && plugin.manifest && plugin.id !== name) {
        return { ...plugin, id: name, manifest: null, errors: [`the folder ${name} holds the plugin ${plugin.id}; reinstall it`] };
      }
      return plugin;
    }),
  );
  return found.filter((plugin): plugin is PluginFolder => plugin !== null);
}
