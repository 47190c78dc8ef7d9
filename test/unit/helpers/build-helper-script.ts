import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/**
 * Bundles a helper process entry (the pty host, the local model) as build/build.mjs does, into a
 * scratch folder; returns the script path.
 */
export async function buildHelperScript(entry: string, format: 'cjs' | 'esm'): Promise<string> {
  const name = entry.split('/').pop()?.replace(/\.ts$/, '') ?? 'helper';
  // Inside the repository, so the bundle's imports of native packages find node_modules as the real build does.
  const outfile = join(repoRoot, 'node_modules', '.cache', 'lathe-test-helpers', `${name}-${process.pid}.${format === 'cjs' ? 'cjs' : 'mjs'}`);
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    packages: 'external',
    absWorkingDir: repoRoot,
    logLevel: 'warning',
  });
  return outfile;
}
