import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

/** Bundles the pty host entry as build/build.mjs does, into a scratch folder; returns the script path. */
export async function buildPtyHost(): Promise<string> {
  // Inside the repository, so the bundle's require('@lydell/node-pty') finds node_modules as the real build does.
  const outfile = join(repoRoot, 'node_modules', '.cache', 'lathe-test-pty-host', `pty-host-${process.pid}.cjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(repoRoot, 'src-main', 'services', 'terminal', 'pty-host.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    absWorkingDir: repoRoot,
    logLevel: 'warning',
  });
  return outfile;
}
