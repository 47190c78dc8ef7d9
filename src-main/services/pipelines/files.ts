import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** Every file under `root` (never inside `.git`), walked asynchronously so a large tree never blocks. */
export async function* listFiles(root: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') yield* listFiles(path);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

/**
 * The files under `root` that match glob patterns relative to it (`!pattern` excludes; a plain folder
 * name stands for everything in it), as `/`-separated relative paths, sorted.
 */
export async function matchFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  const toGlob = (pattern: string): string => {
    const trimmed = pattern.replace(/^\.\//, '').replace(/\/$/, '');
    return picomatch.scan(trimmed).isGlob ? trimmed : `{${trimmed},${trimmed}/**}`;
  };
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(toGlob);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => toGlob(pattern.slice(1)));
  if (include.length === 0) return [];
  const isIncluded = picomatch(include, { dot: true });
  const isExcluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  const matched: string[] = [];
  for await (const file of listFiles(root)) {
    const path = relative(root, file).split(sep).join('/');
    if (isIncluded(path) && !isExcluded(path)) matched.push(path);
  }
  return matched.sort();
}
