import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { backupSchema, type Backup } from '../../../src-shared/contract';
import { writeFileAtomic } from '../../lib/atomic-write';

/** Unsaved buffers of one workspace, one JSON file each, written atomically into the profile. */
export class BackupService {
  constructor(
    private readonly directory: string,
    private readonly logger: Logger,
  ) {}

  async save(path: string, content: string): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const backup: Backup = { path, content, savedAt: Date.now() };
    await writeFileAtomic(this.fileFor(path), JSON.stringify(backup), { mode: 0o600 });
  }

  async discard(path: string): Promise<void> {
    await rm(this.fileFor(path), { force: true });
  }

  /** Every readable backup; a damaged one is logged and left on disk for the user, never deleted. */
  async list(): Promise<Backup[]> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const backups = await Promise.all(
      names
        .filter((name) => name.endsWith('.json'))
        .map(async (name) => {
          try {
            return backupSchema.parse(JSON.parse(await readFile(join(this.directory, name), 'utf8')));
          } catch (error) {
            this.logger.warn({ err: error, file: name }, 'unreadable backup left in place');
            return undefined;
          }
        }),
    );
    return backups.filter((backup) => backup !== undefined).sort((a, b) => a.path.localeCompare(b.path));
  }

  private fileFor(path: string): string {
    return join(this.directory, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`);
  }
}
