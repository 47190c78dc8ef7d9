import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { LspFileSystemWatcher } from './lsp-schemas';

type Matcher = (absolute: string) => boolean;

/** One glob of a server's file watcher, tested against absolute paths. */
function matcherFor(watcher: LspFileSystemWatcher, root: string): Matcher {
  const glob = watcher.globPattern;
  if (typeof glob === 'string') {
    const test = picomatch(glob, { dot: true });
    // A bare glob is matched against the workspace-relative path and against the absolute one.
    return (absolute) => test(absolute) || test(relative(root, absolute).split(sep).join('/'));
  }
  const baseUri = typeof glob.baseUri === 'string' ? glob.baseUri : glob.baseUri.uri;
  let base: string;
  try {
    base = fileURLToPath(baseUri);
  } catch {
    return () => false;
  }
  const test = picomatch(glob.pattern, { dot: true });
  return (absolute) => {
    const inside = relative(base, absolute);
    return !inside.startsWith('..') && !isAbsolute(inside) && test(inside.split(sep).join('/'));
  };
}

/** The files a server asked to hear about (`workspace/didChangeWatchedFiles` registrations). */
export class WatchedFiles {
  private readonly registrations = new Map<string, Matcher[]>();

  constructor(private readonly root: string) {}

  register(id: string, watchers: readonly LspFileSystemWatcher[]): void {
    this.registrations.set(id, watchers.map((watcher) => matcherFor(watcher, this.root)));
  }

  unregister(id: string): void {
    this.registrations.delete(id);
  }

  wants(absolute: string): boolean {
    for (const matchers of this.registrations.values()) if (matchers.some((match) => match(absolute))) return true;
    return false;
  }
}
