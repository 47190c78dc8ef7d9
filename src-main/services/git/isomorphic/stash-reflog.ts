import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitStash } from '../../../../src-shared/contract';

/** The stash list from `logs/refs/stash` (oldest line first; stash@{0} is the last). */
export async function readStashList(gitDir: string): Promise<GitStash[]> {
  const text = await readFile(join(gitDir, 'logs', 'refs', 'stash'), 'utf8').catch(() => '');
  const entries = text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const header = tab < 0 ? line : line.slice(0, tab);
      const time = /> (\d+) [+-]\d{4}$/.exec(header)?.[1] ?? '0';
      return { oid: header.split(' ')[1] ?? '', createdAt: Number(time) * 1000, message: tab < 0 ? '' : line.slice(tab + 1) };
    });
  return entries.reverse().map((entry, index) => ({ index, ...entry }));
}
