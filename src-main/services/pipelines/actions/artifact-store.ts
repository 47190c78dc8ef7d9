import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { matchFiles } from '../files';

/**
 * A run's artifacts (`artifacts:` in a pipeline, `actions/upload-artifact` in a workflow): files copied to
 * `<folder>/<name>/` in the profile, keeping their paths relative to the workspace. A rerun reads the
 * artifacts of the runs it reruns when it has none of that name itself.
 */
export class ArtifactStore {
  constructor(
    private readonly folder: string,
    private readonly earlierFolders: readonly string[] = [],
  ) {}

  /** Files keep their paths below the folder all of them share, as upload-artifact does (`dist/` uploads dist's contents). */
  async upload(name: string, workspace: string, patterns: readonly string[]): Promise<{ files: number; bytes: number }> {
    const files = await matchFiles(workspace, patterns);
    const root = commonFolder(files);
    let bytes = 0;
    for (const file of files) {
      const target = join(this.folder, safeName(name), file.slice(root.length));
      await cp(join(workspace, file), target, { force: true });
      bytes += (await stat(target)).size;
    }
    return { files: files.length, bytes };
  }

  /** Copies an artifact (or all, without a name) into `destination`; the number of artifacts found. */
  async download(name: string | undefined, destination: string): Promise<number> {
    const names = name === undefined ? await this.names() : [safeName(name)];
    let found = 0;
    for (const artifact of names) {
      const source = await this.locate(artifact);
      if (!source) continue;
      await mkdir(destination, { recursive: true });
      // GitHub puts each artifact in a folder of its name when all are downloaded at once.
      await cp(source, name === undefined ? join(destination, artifact) : destination, { recursive: true, force: true });
      found += 1;
    }
    return found;
  }

  private async names(): Promise<string[]> {
    const all = await Promise.all([this.folder, ...this.earlierFolders].map((folder) => readdir(folder).catch(() => [] as string[])));
    return [...new Set(all.flat())];
  }

  private async locate(name: string): Promise<string | undefined> {
    for (const folder of [this.folder, ...this.earlierFolders]) {
      const path = join(folder, name);
      if (await stat(path).then(() => true, () => false)) return path;
    }
    return undefined;
  }
}

/** The longest folder prefix (ending in `/`, or '') that every path shares. */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = (paths[0] as string).slice(0, (paths[0] as string).lastIndexOf('/') + 1);
  for (const path of paths) {
    while (prefix && !path.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix;
}

/** An artifact name as a single safe folder name. */
function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || 'artifact';
}
