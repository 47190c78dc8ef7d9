import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, cp, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { LatheError, type DirectoryEntry, type FileContent, type FileEncoding, type WorkspaceInfo } from '../../../src-shared/contract';
import { writeFileAtomic } from '../../lib/atomic-write';
import { decodeText, encodeText } from './encoding';
import { fromFsError } from './fs-errors';
import { GitignoreRules } from './gitignore';
import { PathGuard } from './path-guard';

export { PathGuard } from './path-guard';
export { RecentWorkspaces } from './recent-workspaces';

/** Files larger than this are refused; the editor opens those over 20 MB in its reduced large-file mode. */
export const maxOpenFileBytes = 50 * 1024 * 1024;

/** Moves a file or folder to the OS trash; only the Electron shell has one. */
export type TrashFunction = (absolutePath: string) => Promise<void>;

/** The open folder: its identity, and file access that always goes through the path guard. */
export class WorkspaceService {
  private readonly gitignore: GitignoreRules;

  private constructor(
    readonly guard: PathGuard,
    private readonly trash: TrashFunction | undefined,
  ) {
    this.gitignore = new GitignoreRules(guard.root);
  }

  static async open(root: string, trash?: TrashFunction): Promise<WorkspaceService> {
    const info = await stat(root).catch((error: unknown) => {
      throw fromFsError(error, root);
    });
    if (!info.isDirectory()) throw new LatheError('UNSUPPORTED', `${root} is not a folder`);
    return new WorkspaceService(await PathGuard.create(root), trash);
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
      const ignored = await this.gitignore.ignoredEntries(
        prefix,
        listed.map((entry) => ({ name: entry.name, isDirectory: entry.kind === 'directory' })),
      );
      for (const entry of listed) if (ignored.has(entry.name)) entry.gitIgnored = true;
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
      const decoded = decodeText(bytes);
      if (!decoded) throw new LatheError('UNSUPPORTED', `${path} is a binary file and was not opened`);
      return { path: this.guard.normalize(path), content: decoded.text, encoding: decoded.encoding, size: info.size, mtimeMs: info.mtimeMs };
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async writeFile(path: string, content: string, encoding: FileEncoding = 'utf8'): Promise<{ size: number; mtimeMs: number }> {
    const absolute = await this.guard.resolve(path);
    try {
      await writeFileAtomic(absolute, encodeText(content, encoding));
      const info = await stat(absolute);
      return { size: info.size, mtimeMs: info.mtimeMs };
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async stat(path: string): Promise<{ kind: 'file' | 'directory' | 'other'; size: number; mtimeMs: number; readonly: boolean }> {
    const absolute = await this.guard.resolve(path);
    try {
      const info = await stat(absolute);
      const readonly = await access(absolute, constants.W_OK).then(
        () => false,
        () => true,
      );
      return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size, mtimeMs: info.mtimeMs, readonly };
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async createFile(path: string): Promise<void> {
    const absolute = await this.guard.resolve(this.notRoot(path));
    try {
      await (await open(absolute, 'wx')).close();
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  /** With `parents`, missing parent folders are made too and an existing folder is no error (`mkdir -p`). */
  async createFolder(path: string, options: { parents?: boolean } = {}): Promise<void> {
    const absolute = await this.guard.resolve(this.notRoot(path));
    try {
      await mkdir(absolute, { recursive: options.parents ?? false });
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  async rename(from: string, to: string, overwrite: boolean): Promise<void> {
    const [source, target] = await Promise.all([this.guard.resolve(this.notRoot(from)), this.guard.resolve(this.notRoot(to))]);
    this.refuseIntoItself(from, to);
    try {
      // A case-only rename on a case-insensitive disk names the same file twice: that is not a conflict.
      const sameEntry = source.toLowerCase() === target.toLowerCase();
      if (!overwrite && !sameEntry && (await exists(target))) throw new LatheError('CONFLICT', `${to} already exists`);
      await rename(source, target);
    } catch (error) {
      throw fromFsError(error, from);
    }
  }

  async copy(from: string, to: string): Promise<void> {
    const [source, target] = await Promise.all([this.guard.resolve(this.notRoot(from)), this.guard.resolve(this.notRoot(to))]);
    this.refuseIntoItself(from, to);
    try {
      if (await exists(target)) throw new LatheError('CONFLICT', `${to} already exists`);
      // Symbolic links are copied as links, never followed out of the workspace.
      await cp(source, target, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
    } catch (error) {
      throw fromFsError(error, from);
    }
  }

  async delete(path: string, useTrash: boolean): Promise<{ trashed: boolean }> {
    const absolute = await this.guard.resolve(this.notRoot(path));
    try {
      if (!(await exists(absolute))) throw new LatheError('NOT_FOUND', `${path} does not exist`);
      if (useTrash && this.trash) {
        await this.trash(absolute);
        return { trashed: true };
      }
      await rm(absolute, { recursive: true });
      return { trashed: false };
    } catch (error) {
      throw fromFsError(error, path);
    }
  }

  private notRoot(path: string): string {
    if (this.guard.normalize(path) === '') throw new LatheError('INVALID_INPUT', 'The workspace folder itself cannot be created, moved, copied or deleted');
    return path;
  }

  private refuseIntoItself(from: string, to: string): void {
    const source = this.guard.normalize(from);
    if (this.guard.normalize(to).startsWith(`${source}/`)) throw new LatheError('INVALID_INPUT', `${from} cannot be moved or copied into itself`);
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

async function exists(absolute: string): Promise<boolean> {
  return access(absolute).then(
    () => true,
    () => false,
  );
}
