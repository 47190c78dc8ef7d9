import picomatch from 'picomatch/posix.js';

/** The globs of a `files.exclude`-style map that are switched on. */
export function enabledGlobs(patterns: Readonly<Record<string, boolean>>): string[] {
  return Object.entries(patterns)
    .filter(([, enabled]) => enabled)
    .map(([glob]) => glob);
}

/**
 * One test on workspace-relative `/` paths for a list of globs (`**∕node_modules`, `*.log`, `build/**`),
 * where a glob that matches a folder also covers everything inside it. Dot files match like others.
 */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const expanded = withFolderContents(globs);
  if (expanded.length === 0) return () => false;
  return picomatch(expanded, { dot: true });
}

/** Each glob as written and with `/**` after it (so a matched folder's contents match too), deduplicated and sorted. */
export function withFolderContents(globs: readonly string[]): string[] {
  const expanded = new Set<string>();
  for (const raw of globs) {
    const glob = raw.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const folder = glob.endsWith('/**') ? glob.slice(0, -3) : glob;
    if (!folder) continue;
    expanded.add(folder);
    expanded.add(`${folder}/**`);
  }
  return [...expanded].sort();
}
