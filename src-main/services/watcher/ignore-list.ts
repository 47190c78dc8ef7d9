import { enabledGlobs, withFolderContents } from '../../../src-shared/globs';

/** Folders that never reach the workbench, whatever `files.exclude` says. */
const alwaysIgnored = ['.git/objects', '**/node_modules', '**/target'];

/**
 * Every glob the watcher leaves out: the fixed folders plus every enabled `files.exclude` glob,
 * each with and without a trailing `/**`, so a folder's contents are left out too.
 */
export function ignoreGlobs(excludes: Record<string, boolean>): string[] {
  return withFolderContents([...alwaysIgnored, ...enabledGlobs(excludes)]);
}

const globCharacters = /[*?{}[\]!]/;

/**
 * The same list in the form @parcel/watcher checks fastest. It tests every path of the initial crawl
 * against each glob with std::regex (the default excludes cost it 5× the crawl itself), so:
 * `**∕name` globs become one simple regular expression on the relative path, plain paths become
 * ignored paths, and only the remaining globs are passed as globs.
 */
export function parcelIgnore(globs: readonly string[]): (string | RegExp)[] {
  const names = new Set<string>();
  const rest = new Set<string>();
  for (const glob of globs) {
    const folder = glob.endsWith('/**') ? glob.slice(0, -3) : glob;
    const anywhere = /^\*\*\/([^/]+)$/.exec(folder);
    if (anywhere?.[1] && !globCharacters.test(anywhere[1])) names.add(anywhere[1]);
    else if (!globCharacters.test(folder)) rest.add(folder);
    else rest.add(glob);
  }
  const ignore: (string | RegExp)[] = [...rest].sort();
  if (names.size > 0) {
    const alternatives = [...names].sort().map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // parcel looks for the expression anywhere in the workspace-relative path.
    ignore.push(new RegExp(`(?:^|/)(?:${alternatives.join('|')})(?:/|$)`));
  }
  return ignore;
}
