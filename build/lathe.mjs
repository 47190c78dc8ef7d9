#!/usr/bin/env node
// The `lathe` command (package.json "bin"), e.g. `lathe plugin pack <folder>`. It bundles src-main/cli
// with esbuild first (a fraction of a second), so it runs from a fresh checkout without `npm run build`.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'cli', 'lathe.mjs');
await esbuild.build({
  entryPoints: [join(root, 'src-main', 'cli', 'lathe.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { runCli } = await import(pathToFileURL(outfile).href);
process.exitCode = await runCli(process.argv.slice(2));
