import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupService } from '../../../../src-main/services/backups';
import { silentLogger } from '../../helpers/silent-logger';

describe('BackupService', () => {
  it('keeps the latest unsaved text per file until it is discarded', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'lathe-backups-')), 'backups', 'ws1');
    const backups = new BackupService(directory, silentLogger);
    expect(await backups.list()).toEqual([]);
    await backups.save('src/main.rs', 'draft one');
    await backups.save('src/main.rs', 'draft two');
    await backups.save('README.md', 'readme draft');
    expect((await backups.list()).map(({ path, content }) => ({ path, content }))).toEqual([
      { path: 'README.md', content: 'readme draft' },
      { path: 'src/main.rs', content: 'draft two' },
    ]);
    await backups.discard('src/main.rs');
    await backups.discard('never-backed-up.txt');
    expect((await backups.list()).map(({ path }) => path)).toEqual(['README.md']);
  });

  it('skips a damaged backup file and leaves it on disk', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'lathe-backups-'));
    const backups = new BackupService(directory, silentLogger);
    await backups.save('a.txt', 'kept');
    writeFileSync(join(directory, 'broken.json'), '{"path": 1');
    expect((await backups.list()).map(({ path }) => path)).toEqual(['a.txt']);
    expect(readdirSync(directory)).toContain('broken.json');
  });
});
