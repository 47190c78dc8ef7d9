import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { matchFiles } from '../files';

/**
 * GitHub's `hashFiles(patterns…)`: the SHA-256 of the SHA-256 of every matching file (sorted by path) under
 * `root`; `!pattern` excludes; '' when nothing matches.
 */
export async function hashFiles(root: string, patterns: readonly string[]): Promise<string> {
  const files = await matchFiles(root, patterns);
  if (files.length === 0) return '';
  const total = createHash('sha256');
  for (const file of files) total.update(await digest(join(root, file)));
  return total.digest('hex');
}

function digest(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest()));
  });
}
