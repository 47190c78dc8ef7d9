import { realpath } from 'node:fs/promises';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { LatheError } from '../../../src-shared/contract';

const maxPathLength = 4096;

/**
 * The one place that turns a path from a client (renderer, plugin) into a real path on disk.
 * Refuses anything that leaves the workspace: `..`, absolute or drive/UNC paths, NUL bytes,
 * over-long paths, and symlinks whose target lies outside.
 */
export class PathGuard {
  private constructor(
    /** The workspace root with every symlink resolved. */
    readonly root: string,
  ) {}

  static async create(root: string): Promise<PathGuard> {
    return new PathGuard(await realpath(resolve(root)));
  }

  /** Checks the text of a path without touching the disk; returns its normalized `/` form ('' = root). */
  normalize(input: string): string {
    if (input.length > maxPathLength) throw refuse(input, 'it is too long');
    if (input.includes('\0')) throw refuse(input, 'it contains a NUL byte');
    const slashed = input.replace(/\\/g, '/');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || isAbsolute(input)) {
      throw refuse(input, 'absolute paths are not accepted; use a path relative to the workspace');
    }
    const normalized = posix.normalize(slashed === '' ? '.' : slashed);
    if (normalized === '..' || normalized.startsWith('../')) throw refuse(input, 'it leaves the workspace');
    return normalized === '.' ? '' : normalized.replace(/\/$/, '');
  }

  /** Resolves a client path to an absolute path inside the workspace, following symlinks. */
  async resolve(input: string): Promise<string> {
    const normalized = this.normalize(input);
    const absolute = resolve(this.root, normalized);
    const real = await realpathOfExistingPart(absolute);
    if (!this.contains(real)) throw refuse(input, 'it points outside the workspace through a symbolic link');
    return absolute;
  }

  /** The `/`-separated path of an absolute path inside the workspace. */
  toRelative(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  contains(absolute: string): boolean {
    const rel = relative(this.root, absolute);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  }
}

/** realpath of the deepest part of the path that exists, with the rest appended (for files about to be created). */
async function realpathOfExistingPart(absolute: string): Promise<string> {
  let missing = '';
  let current = absolute;
  for (;;) {
    try {
      const real = await realpath(current);
      return missing ? resolve(real, missing) : real;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = resolve(current, '..');
      if (parent === current) throw error;
      missing = missing ? `${relative(parent, current)}${sep}${missing}` : relative(parent, current);
      current = parent;
    }
  }
}

function refuse(input: string, why: string): LatheError {
  return new LatheError('OUTSIDE_WORKSPACE', `The path "${input.slice(0, 200)}" was refused: ${why}`);
}
