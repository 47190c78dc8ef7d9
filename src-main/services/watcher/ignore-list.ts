import { enabledGlobs, withFolderContents } from '../../../src-shared/globs';

/** Folders that never reach the workbench, whatever `files.exclude` says. */
const alwaysIgnored = ['.git/objects', '**/node_modules', '**/target'];

/**
 * The `ignore` option for @parcel/watcher: the fixed folders plus every enabled `files.exclude` glob.
 * Each glob is given with and without a trailing `/**`, so a folder's contents are ignored too.
 */
export function ignoreGlobs(excludes: Record<string, boolean>): string[] {
  return withFolderContents([...alwaysIgnored, ...enabledGlobs(excludes)]);
}
