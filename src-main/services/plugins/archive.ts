import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { create, extract, type ReadEntry } from 'tar';
import { LatheError } from '../../../src-shared/contract';

/** A packed plugin: a gzipped tar of the plugin folder's files, `package.json` at its root. */
export const pluginArchiveExtension = '.lathe-plugin';

/** Bounds of one plugin's files, installed or packed: larger plugins are refused with TOO_LARGE. */
const pluginSizeLimits = { files: 5_000, bytes: 200 * 1024 * 1024, archiveBytes: 100 * 1024 * 1024 } as const;

/** Development leftovers that never belong in an installed plugin. */
const skippedNames = new Set(['node_modules', '.git']);

const acceptedEntryTypes = new Set<ReadEntry['type']>(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/**
 * The files a plugin folder is made of (`/`-separated, sorted), leaving out node_modules, .git and
 * packed archives. A symbolic link or special file is refused: an installed plugin holds only its own files.
 */
export async function listPluginFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  let bytes = 0;
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(folder, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (skippedNames.has(entry.name) || entry.name.endsWith(pluginArchiveExtension)) continue;
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (!entry.isFile()) throw new LatheError('INVALID_INPUT', `${path}: only files and folders can be part of a plugin (this is a link or special file)`);
      files.push(path);
      bytes += (await lstat(join(folder, path))).size;
      if (files.length > pluginSizeLimits.files || bytes > pluginSizeLimits.bytes) throw tooLarge();
    }
  };
  await walk('');
  return files;
}

/** Writes the plugin folder's files into a gzipped tar, without owners or times (the same files pack the same). */
export async function packPlugin(folder: string, archive: string): Promise<void> {
  const files = await listPluginFiles(folder);
  await create({ gzip: true, portable: true, cwd: folder, file: archive, noDirRecurse: true, mtime: new Date(0) }, files);
}

/**
 * Extracts a plugin archive into an empty folder. Every entry is checked before anything is written:
 * only files and folders, relative paths that stay inside, within the size limits; one bad entry
 * refuses the whole archive, and the caller discards the folder.
 */
export async function extractPluginArchive(archive: string, into: string): Promise<void> {
  if ((await stat(archive)).size > pluginSizeLimits.archiveBytes) throw tooLarge();
  const refusals: string[] = [];
  let count = 0;
  let bytes = 0;
  const accept = (path: string, entry: ReadEntry): boolean => {
    const refusal = entryRefusal(path, entry.type);
    if (refusal) {
      refusals.push(refusal);
      return false;
    }
    count += 1;
    bytes += entry.size;
    if (count > pluginSizeLimits.files || bytes > pluginSizeLimits.bytes) {
      refusals.push(`the archive is larger than ${pluginSizeLimits.files} files or ${pluginSizeLimits.bytes / 1024 / 1024} MB`);
      return false;
    }
    return refusals.length === 0;
  };
  try {
    await extract({
      file: archive,
      cwd: into,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      noChmod: true,
      filter: (path, entry) => accept(path, entry as ReadEntry),
    });
  } catch (error) {
    throw new LatheError('INVALID_INPUT', `The archive could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (refusals.length > 0) throw new LatheError('INVALID_INPUT', `The archive was refused: ${refusals.slice(0, 5).join('; ')}`, { refusals: refusals.slice(0, 50) });
}

function entryRefusal(path: string, type: ReadEntry['type']): string | null {
  const shown = JSON.stringify(path.slice(0, 200));
  if (!acceptedEntryTypes.has(type)) return `${shown} is a ${type} entry (only files and folders are accepted)`;
  if (path.includes('\0') || path.includes('\\')) return `${shown} has a NUL byte or a backslash in its path`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `${shown} is an absolute path`;
  if (path.split('/').includes('..')) return `${shown} leaves the plugin folder`;
  return null;
}

function tooLarge(): LatheError {
  return new LatheError('TOO_LARGE', `A plugin may hold at most ${pluginSizeLimits.files} files and ${pluginSizeLimits.bytes / 1024 / 1024} MB`);
}
