// Builds every target: Electron main, preload, browser-mode server (esbuild), the renderer (vite) and the built-in plugins.
// Usage: node build/build.mjs [main] [renderer] [plugins]   (no argument: all)
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { externalPackagesExceptActions } from './external-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets = new Set(process.argv.slice(2));
const wants = (name) => targets.size === 0 || targets.has(name);

const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, target: 'node20' };

async function buildMain() {
  await Promise.all([
    // npm packages stay in node_modules (native addons, pino's worker threads), ours are bundled (see external-packages.mjs).
    esbuild.build({ ...common, entryPoints: ['src-main/electron/main.ts'], outfile: 'out/main/electron.cjs', platform: 'node', format: 'cjs', plugins: [externalPackagesExceptActions] }),
    esbuild.build({ ...common, entryPoints: ['src-main/server/main.ts'], outfile: 'out/server/server.mjs', platform: 'node', format: 'esm', plugins: [externalPackagesExceptActions] }),
    // A sandboxed preload can require nothing but `electron`: bundle everything else into it.
    esbuild.build({ ...common, entryPoints: ['src-preload/index.ts'], outfile: 'out/preload/preload.cjs', platform: 'node', format: 'cjs', external: ['electron'], minify: true }),
    // The pty host runs as its own process (fork or utilityProcess); node-pty stays in node_modules.
    esbuild.build({ ...common, entryPoints: ['src-main/services/terminal/pty-host.ts'], outfile: 'out/pty-host/pty-host.cjs', platform: 'node', format: 'cjs', packages: 'external' }),
    // The local model runs as its own process too; node-llama-cpp is an ES module, so this bundle is one.
    esbuild.build({ ...common, entryPoints: ['src-main/services/ai/llm-host.ts'], outfile: 'out/llm-host/llm-host.mjs', platform: 'node', format: 'esm', packages: 'external' }),
    // The apply engine plans large edits in a worker thread, off main's event loop.
    esbuild.build({ ...common, entryPoints: ['src-main/services/ai/plan-worker.ts'], outfile: 'out/plan-worker/plan-worker.mjs', platform: 'node', format: 'esm', packages: 'external' }),
  ]);
}

// Each built-in plugin (plugins/<name>/src/extension.ts) becomes the one CommonJS script its manifest's `main`
// names; `lathe` is not bundled: the plugin host provides it. The template is built by its own package.json.
async function buildPlugins() {
  const names = readdirSync(join(root, 'plugins')).filter((name) => name !== 'template' && existsSync(join(root, 'plugins', name, 'src', 'extension.ts')));
  await Promise.all(
    names.map((name) =>
      esbuild.build({
        entryPoints: [`plugins/${name}/src/extension.ts`],
        outfile: `plugins/${name}/dist/extension.js`,
        bundle: true,
        format: 'cjs',
        platform: 'neutral',
        target: 'es2022',
        external: ['lathe'],
        logLevel: 'warning',
        absWorkingDir: root,
      }),
    ),
  );
}

async function buildRenderer() {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const started = Date.now();
// out/native (addons built for Electron) survives; the bundles are made anew.
if (wants('main')) for (const folder of ['main', 'server', 'preload']) rmSync(join(root, 'out', folder), { recursive: true, force: true });
if (wants('main')) await buildMain();
if (wants('renderer')) await buildRenderer();
if (wants('plugins')) await buildPlugins();
console.log(`built ${targets.size === 0 ? 'all targets' : [...targets].join(', ')} in ${Date.now() - started} ms`);
