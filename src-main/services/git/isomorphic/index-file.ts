import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface IndexEntry {
  path: string;
  mode: number;
  oid: string;
  /** 0 for a merged entry; 1 (base), 2 (ours), 3 (theirs) while a conflict is unresolved. */
  stage: number;
}

const extendedFlag = 0x4000;

/**
 * Reads the entries of `.git/index` (versions 2 to 4) with their stages, which isomorphic-git does not
 * expose. An index that is missing reads as empty; one that cannot be parsed throws.
 */
export async function readIndexEntries(gitDir: string): Promise<IndexEntry[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(join(gitDir, 'index'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'DIRC') throw new Error('index file corrupt: bad signature');
  const version = buffer.readUInt32BE(4);
  const count = buffer.readUInt32BE(8);
  if (version < 2 || version > 4) throw new Error(`index file corrupt: unknown version ${version}`);
  const oidLength = 20;
  const entries: IndexEntry[] = [];
  let offset = 12;
  let previousPath: Buffer = Buffer.alloc(0);
  for (let index = 0; index < count; index += 1) {
    const start = offset;
    if (start + 62 > buffer.length) throw new Error('index file corrupt: truncated entry');
    const mode = buffer.readUInt32BE(start + 24);
    const oid = buffer.toString('hex', start + 40, start + 40 + oidLength);
    const flags = buffer.readUInt16BE(start + 40 + oidLength);
    let cursor = start + 42 + oidLength;
    if (version >= 3 && flags & extendedFlag) cursor += 2;
    let path: Buffer;
    if (version === 4) {
      // Path compression: drop N bytes from the previous path (an offset-encoded varint), then append.
      let byte = buffer[cursor++] ?? 0;
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = buffer[cursor++] ?? 0;
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const end = buffer.indexOf(0, cursor);
      path = Buffer.concat([previousPath.subarray(0, previousPath.length - strip), buffer.subarray(cursor, end)]);
      offset = end + 1;
    } else {
      const end = buffer.indexOf(0, cursor);
      if (end < 0) throw new Error('index file corrupt: unterminated path');
      path = buffer.subarray(cursor, end);
      // Entries are padded with NULs to a multiple of 8 bytes (at least one NUL).
      offset = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    previousPath = path;
    entries.push({ path: path.toString('utf8'), mode, oid, stage: (flags >> 12) & 0x3 });
  }
  return entries;
}
