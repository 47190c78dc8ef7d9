import { execFile } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Folders a copy leaves out when git cannot say what it ignores. */
const generatedFolders = new Set(['.git', 'node_modules', 'target']);
const parallelCopies = 16;

/**
 * A clean copy of the workspace for a run, as a CI checkout would be: the files git tracks plus new ones
 * it does not ignore (outside a repository: everything but .git, node_modules and target).
 */
export async function createCleanCopy(workspace: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const files = await gitFiles(workspace);
  if (!files) {
    await cp(workspace, target, { recursive: true, filter: (source) => !generatedFolders.has(basename(source)) || source === workspace });
    return;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      await mkdir(dirname(join(target, file)), { recursive: true });
      // A tracked file deleted from disk is listed by git but has nothing to copy.
      await cp(join(workspace, file), join(target, file), { force: true, verbatimSymlinks: true }).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: parallelCopies }, worker));
}

function gitFiles(workspace: string): Promise<string[] | undefined> {
  return new Promise((resolve) =>
    execFile('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: workspace, maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
      resolve(error ? undefined : stdout.split('\0').filter(Boolean)),
    ),
  );
}
