import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

/** Bundles the local model process entry as build/build.mjs does, into a scratch folder; returns the script path. */
export async function buildLlmHost(): Promise<string> {
  // Inside the repository, so the bundle's import of node-llama-cpp finds node_modules as the real build does.
  const outfile = join(repoRoot, 'node_modules', '.cache', 'lathe-test-llm-host', `llm-host-${process.pid}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(repoRoot, 'src-main', 'services', 'ai', 'llm-host.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: repoRoot,
    logLevel: 'warning',
  });
  return outfile;
}
