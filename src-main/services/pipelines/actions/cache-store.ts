import { createHash, randomUUID } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({ key: z.string(), createdAt: z.number(), paths: z.array(z.string()) });

export type CacheRestore = { hit: 'exact' | 'partial'; key: string } | { hit: 'none' };

/**
 * Lathe's cache (`cache:` in a pipeline, `actions/cache` in a workflow): folders and files saved under a
 * key in the profile and copied back when a later run asks for the same key (or, partly, for a key that
 * starts with one of its restore keys). Entries are never changed once written.
 */
export class CacheStore {
  constructor(private readonly folder: string) {}

  async restore(workspace: string, key: string, restoreKeys: readonly string[], paths: readonly string[]): Promise<CacheRestore> {
    const exact = await this.read(this.entryFolder(key));
    const entry = exact ?? (await this.newestStartingWith(restoreKeys));
    if (!entry) return { hit: 'none' };
    for (const path of paths) {
      // Paths are stored as written: the workspace may be another copy in another run.
      const index = entry.manifest.paths.indexOf(path);
      const saved = join(entry.folder, 'files', String(index));
      if (index >= 0 && (await exists(saved))) await cp(saved, resolvePath(workspace, path), { recursive: true, force: true });
    }
    return { hit: exact ? 'exact' : 'partial', key: entry.manifest.key };
  }

  /** Saves the paths that exist under `key`; false when the key is already saved (entries are immutable). */
  async save(workspace: string, key: string, paths: readonly string[]): Promise<boolean> {
    const target = this.entryFolder(key);
    if (await exists(target)) return false;
    const staging = join(this.folder, `.staging-${randomUUID()}`);
    try {
      for (const [index, path] of paths.entries()) {
        const source = resolvePath(workspace, path);
        if (await exists(source)) await cp(source, join(staging, 'files', String(index)), { recursive: true });
      }
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'manifest.json'), JSON.stringify({ key, createdAt: Date.now(), paths }));
      await rename(staging, target);
      return true;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if (await exists(target)) return false;
      throw error;
    }
  }

  private entryFolder(key: string): string {
    return join(this.folder, createHash('sha256').update(key).digest('hex').slice(0, 40));
  }

  private async read(folder: string): Promise<{ folder: string; manifest: z.infer<typeof manifestSchema> } | undefined> {
    try {
      return { folder, manifest: manifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'))) };
    } catch {
      return undefined;
    }
  }

  private async newestStartingWith(prefixes: readonly string[]): Promise<{ folder: string; manifest: z.infer<typeof manifestSchema> } | undefined> {
    if (prefixes.length === 0) return undefined;
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const entries = (await Promise.all(names.filter((name) => !name.startsWith('.')).map((name) => this.read(join(this.folder, name))))).filter(
      (entry) => entry !== undefined,
    );
    for (const prefix of prefixes) {
      const matching = entries.filter((entry) => entry.manifest.key.startsWith(prefix)).sort((a, b) => b.manifest.createdAt - a.manifest.createdAt);
      if (matching[0]) return matching[0];
    }
    return undefined;
  }
}

/** A cache path: relative to the workspace, absolute, or under `~`. */
function resolvePath(workspace: string, path: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(workspace, path);
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
