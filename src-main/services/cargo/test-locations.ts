import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { moduleOfFile, scanRunnableFunctions, testPath } from '../../../src-shared/rust-source-scan';
import type { WorkspacePaths } from './metadata';

const maxFiles = 2000;
const skippedFolders = new Set(['target', 'node_modules', '.git']);

async function rustFiles(folder: string, found: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (found.length >= maxFiles) break;
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith('.')) await rustFiles(path, found);
    else if (entry.isFile() && entry.name.endsWith('.rs')) found.push(path);
  }
  return found;
}

/**
 * Where each test of a target is defined, from a scan of the sources under the target's root file:
 * its libtest path (`tests::adds`) → workspace path and line.
 */
export async function locateTests(crateRoot: string, paths: WorkspacePaths): Promise<Map<string, { path: string; line: number }>> {
  const folder = dirname(crateRoot);
  const locations = new Map<string, { path: string; line: number }>();
  for (const file of await rustFiles(folder)) {
    const path = paths.relative(file);
    if (path === null) continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    const fileModules = moduleOfFile('', relative(folder, file).split(sep).join('/'), relative(folder, crateRoot).split(sep).join('/'));
    for (const runnable of scanRunnableFunctions(text)) {
      if (runnable.kind === 'test') locations.set(testPath(fileModules, runnable), { path, line: runnable.line });
    }
  }
  return locations;
}
