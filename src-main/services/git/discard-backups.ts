import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { GitDiscardBackup } from '../../../src-shared/contract';
import { writeFileAtomic } from '../../lib/atomic-write';
import { gitError } from './git-error';

/** One discarded file: its content before (null: it did not exist) and a hash of what the discard left. */
const entrySchema = z.object({
  path: z.string(),
  mode: z.number().int(),
  before: z.string().nullable(),
  afterHash: z.string().nullable(),
});
const manifestSchema = z.object({ id: z.string(), createdAt: z.number(), entries: z.array(entrySchema) });
type Manifest = z.infer<typeof manifestSchema>;

export interface DiscardedFile {
  /** Workspace-relative path. */
  path: string;
  absolutePath: string;
  /** What the working tree will hold after the discard (null: nothing). */
  after: Buffer | null;
}

/** How many discards are kept for undo; older ones are deleted. */
const keptBackups = 20;

const hash = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

async function readIfExists(path: string): Promise<{ content: Buffer; mode: number } | null> {
  try {
    const [content, info] = await Promise.all([readFile(path), stat(path)]);
    return { content, mode: info.mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Copies of discarded working-tree content in the profile, so a discard can be undone. */
export class DiscardBackups {
  constructor(private readonly directory: string) {}

  /** Saves the current content of the files before they are discarded. */
  async save(files: readonly DiscardedFile[]): Promise<GitDiscardBackup> {
    const id = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    const entries = await Promise.all(
      files.map(async (file) => {
        const current = await readIfExists(file.absolutePath);
        return {
          path: file.path,
          mode: current?.mode ?? 0o644,
          before: current ? current.content.toString('base64') : null,
          afterHash: file.after ? hash(file.after) : null,
        };
      }),
    );
    const manifest: Manifest = { id, createdAt: Date.now(), entries };
    await mkdir(this.directory, { recursive: true });
    await writeFileAtomic(join(this.directory, `${id}.json`), JSON.stringify(manifest), { mode: 0o600 });
    await this.prune();
    return { id, createdAt: manifest.createdAt, paths: entries.map((entry) => entry.path) };
  }

  async list(): Promise<GitDiscardBackup[]> {
    const manifests = await this.manifests();
    return manifests.map((manifest) => ({ id: manifest.id, createdAt: manifest.createdAt, paths: manifest.entries.map((entry) => entry.path) }));
  }

  /**
   * Writes the saved content back, once every file still holds what the discard left (anything
   * else would lose newer work), then forgets the backup.
   */
  async restore(id: string, resolve: (path: string) => Promise<string>): Promise<string[]> {
    const manifest = await this.read(id);
    const targets = await Promise.all(manifest.entries.map(async (entry) => ({ entry, absolute: await resolve(entry.path) })));
    const changed: string[] = [];
    for (const { entry, absolute } of targets) {
      const current = await readIfExists(absolute);
      if ((current ? hash(current.content) : null) !== entry.afterHash) changed.push(entry.path);
    }
    if (changed.length > 0) {
      throw gitError('CONFLICT', `These files changed after the discard, so it was not undone: ${changed.join(', ')}`, undefined, { paths: changed });
    }
    for (const { entry, absolute } of targets) {
      if (entry.before === null) await rm(absolute, { force: true });
      else {
        await mkdir(dirname(absolute), { recursive: true });
        await writeFileAtomic(absolute, Buffer.from(entry.before, 'base64'), { mode: entry.mode });
      }
    }
    await rm(join(this.directory, `${id}.json`), { force: true });
    return manifest.entries.map((entry) => entry.path);
  }

  private async read(id: string): Promise<Manifest> {
    try {
      return manifestSchema.parse(JSON.parse(await readFile(join(this.directory, `${id}.json`), 'utf8')));
    } catch {
      throw gitError('NOT_FOUND', `No discard backup ${id} is kept`);
    }
  }

  /** Newest first; unreadable files are skipped. */
  private async manifests(): Promise<Manifest[]> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const manifests = await Promise.all(
      names.filter((name) => name.endsWith('.json')).map((name) => this.read(name.slice(0, -'.json'.length)).catch(() => undefined)),
    );
    return manifests.filter((manifest) => manifest !== undefined).sort((a, b) => b.createdAt - a.createdAt);
  }

  private async prune(): Promise<void> {
    const old = (await this.manifests()).slice(keptBackups);
    await Promise.all(old.map((manifest) => rm(join(this.directory, `${manifest.id}.json`), { force: true })));
  }
}
