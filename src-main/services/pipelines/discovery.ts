import { readdir, readFile, stat } from 'node:fs/promises';
import type { PipelineSummary } from '../../../src-shared/contract';
import type { PipelineSource } from './parser/parse-pipeline';

/** Where pipeline files live, and which kind each folder holds. */
export const pipelineFolders: readonly { folder: string; kind: PipelineSummary['kind'] }[] = [
  { folder: '.lathe/pipelines', kind: 'lathe' },
  { folder: '.github/workflows', kind: 'github' },
];

/** A file larger than this is reported, not parsed. */
export const maxPipelineBytes = 1024 * 1024;

/** The workspace's path guard, as far as pipelines need it (structurally the workspace service's PathGuard). */
export interface WorkspaceGuard {
  readonly root: string;
  resolve(path: string): Promise<string>;
  toRelative(absolute: string): string;
}

export interface DiscoveredFile {
  id: string;
  kind: PipelineSummary['kind'];
  path: string;
  mtimeMs: number;
  size: number;
}

/** The pipeline files of the workspace (`*.yml` and `*.yaml` in the two folders), each resolved through the guard. */
export async function discoverPipelines(guard: WorkspaceGuard): Promise<DiscoveredFile[]> {
  const found: DiscoveredFile[] = [];
  for (const { folder, kind } of pipelineFolders) {
    let names: string[];
    try {
      names = await readdir(await guard.resolve(folder));
    } catch {
      continue;
    }
    for (const name of names.filter((entry) => /\.ya?ml$/i.test(entry)).sort()) {
      const id = `${folder}/${name}`;
      try {
        const path = await guard.resolve(id);
        const info = await stat(path);
        if (info.isFile()) found.push({ id, kind, path, mtimeMs: info.mtimeMs, size: info.size });
      } catch {
        // Refused by the guard (a link out of the workspace) or gone meanwhile.
      }
    }
  }
  return found;
}

export async function readPipelineSource(file: DiscoveredFile): Promise<PipelineSource> {
  return { id: file.id, kind: file.kind, content: await readFile(file.path, 'utf8') };
}

/** Whether a workspace-relative path lies in one of the pipeline folders. */
export function isPipelinePath(path: string): boolean {
  return pipelineFolders.some(({ folder }) => path === folder || path.startsWith(`${folder}/`));
}
