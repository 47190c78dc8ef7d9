import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { engineMismatch } from '../../src-shared/plugins/manifest';
import { packPlugin, pluginArchiveExtension } from '../services/plugins/archive';
import { readPluginFolder } from '../services/plugins/discovery';

const usage = 'Usage: lathe plugin pack <folder> [--out <folder>]';

/**
 * The `lathe` command for plugin authors. `lathe plugin pack <folder>` validates the plugin's
 * package.json and writes `<publisher>.<name>-<version>.lathe-plugin` (into the current folder, or `--out`).
 * Answers the exit code; messages go to stdout and stderr.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  const [group, command, folderArg, ...rest] = args;
  if (group !== 'plugin' || command !== 'pack' || !folderArg) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const outIndex = rest.indexOf('--out');
  const outArg = outIndex === -1 ? undefined : rest[outIndex + 1];
  if ((outIndex !== -1 && !outArg) || rest.length !== (outIndex === -1 ? 0 : 2)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const folder = resolve(folderArg);
  if (!(await stat(folder).catch(() => undefined))?.isDirectory()) {
    process.stderr.write(`${folder} is not a folder\n`);
    return 1;
  }
  const plugin = await readPluginFolder(folder, 'user');
  if (!plugin.manifest || plugin.errors.length > 0) {
    process.stderr.write(`${join(folder, 'package.json')} is not a valid plugin manifest:\n${plugin.errors.map((error) => `  ${error}\n`).join('')}`);
    return 1;
  }
  const mismatch = engineMismatch(plugin.manifest);
  if (mismatch) process.stderr.write(`Warning: ${mismatch}; this Lathe will refuse to install it.\n`);
  const archive = join(resolve(outArg ?? '.'), `${plugin.id}-${plugin.manifest.version}${pluginArchiveExtension}`);
  try {
    await packPlugin(folder, archive);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(`${archive}\n`);
  return 0;
}
