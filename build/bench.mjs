// `npm run bench -- <id>`: runs one benchmark from test/bench (bundled with esbuild, run under Node).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { externalPackagesExceptActions } from './external-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchmarks = { P1: 'test/bench/startup.ts', P2: 'test/bench/typing.ts', P3: 'test/bench/quick-open.ts', P4: 'test/bench/search.ts', P5: 'test/bench/git-status.ts', P6: 'test/bench/watcher.ts', P7: 'test/bench/terminal.ts', P8: 'test/bench/ai-relay.ts', P9: 'test/bench/ai-local.ts', P10: 'test/bench/pipelines.ts' };

const [id, ...rest] = process.argv.slice(2);
const entry = benchmarks[id?.toUpperCase() ?? ''];
if (!entry) {
  console.error(`usage: npm run bench -- <id>; known ids: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const outfile = join(root, 'out', 'bench', `${id.toUpperCase()}.mjs`);
await esbuild.build({ entryPoints: [join(root, entry)], outfile, bundle: true, platform: 'node', format: 'esm', plugins: [externalPackagesExceptActions], target: 'node20', logLevel: 'warning' });
spawn(process.execPath, [outfile, ...rest], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 1));
