import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { LatheError, type DirectoryEntry, type FileContent, type WorkspaceInfo } from '../../../src-shared/contract';
import { writeFileAtomic } from '../../lib/atomic-write';
import { fromFsError } from './fs-errors';
import { PathGuard } from './path-guard';

export { PathGuard } from './path-guard';

/** Files larger than this are refused until the editor's large-file mode exists. */
export const maxOpenFileBytes = 50 * 1024 * 1024;
const binarySniffBytes = 8000;

/** The open folder: its identity, and file access that always goes through the path guard. */
export class WorkspaceService {
  private constructor(readonly guard: PathGuard) {}

  static async open(root: string): Promise<WorkspaceService> {
    const info = await stat(root).catch((error: unknown) => {
      throw fromFsError(error, root);
    });
    if (!info.isDirectory()) throw new LatheError('UNSUPPORTED', `${root} is not a folder`);
    return new WorkspaceService(await PathGuard.create(root));
  }

  /** A stable id for the folder's per-workspace state: its real path, hashed. */
  get id(): string {
    return createHash('sha256').update(this.guard.root).digest('hex').slice(0, 16);
  }

  info(): WorkspaceInfo {
    return { name: basename(this.guard.root), root: this.guard.root };
  }

  async list(path: string): Promise<DirectoryEntry[]> {
    const absolute = await this.guard.resolve(path);
    const prefix = this.guard.normalize(path);
    try {
      const entries = await readdir(absolute, { withFileTypes: true });
      const listed = await Promise.all(
        entries.map(async (entry): Promise<DirectoryEntry> => {
          const childPath = prefix ? `${prefix}/${entry.name}` : entry.name;
          return { name: entry.name, path: childPath, kind: await this.kindOf(entry, childPath) };
        }),
      );
      return listed.sort(
        (a, b) => Number(b.kind === 'directory') - Number(a.kind === 'directory') || a.name.localeCompare(b.name),
      );
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async readFile(path: string): Promise<FileContent> {
    const absolute = await this.guard.resolve(path);
    try {
      const info = await stat(absolute);
      if (!info.isFile()) throw new LatheError('UNSUPPORTED', `${path} is not a regular file`);
      if (info.size > maxOpenFileBytes) {
        throw new LatheError('TOO_LARGE', `${path} is ${Math.round(info.size / 1048576)} MB; files over 50 MB are not opened`);
      }
      const handle = await open(absolute, 'r');
      const bytes = await handle.readFile().finally(() => handle.close());
      if (bytes.subarray(0, binarySniffBytes).includes(0)) {
        throw new LatheError('UNSUPPORTED', `${path} is a binary file and was not opened`);
      }
      const content = new TextDecoder('utf-8').decode(bytes);
      return { path: this.guard.normalize(path), content, size: info.size, mtimeMs: info.mtimeMs };
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeFile(path: string, content: string): Promise<{ size: number; mtimeMs: number }> {
    const absolute = await this.guard.resolve(path);
    try {
      await writeFileAtomic(absolute, content);
      const info = await stat(absolute);
      return { size: info.size, mtimeMs: info.mtimeMs };
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  private async kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }, childPath: string): Promise<DirectoryEntry['kind']> {
    if (entry.isDirectory()) return 'directory';
    if (entry.isFile()) return 'file';
    if (!entry.isSymbolicLink()) return 'other';
    try {
      const target = await stat(await this.guard.resolve(childPath));
      return target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
    } catch {
      return 'symlink';
    }
  }
}
