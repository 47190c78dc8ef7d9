// The plugin sandbox's scripts, bundled by esbuild for the renderer build:
// - plugin-host.html, the frame plugin workers start in, with its tiny bootstrap inlined (its CSP allows that script by hash);
// - plugin-webview.html, the page of a webview panel, with its bootstrap inlined;
// - `virtual:lathe-plugin-runtime`, the worker runtime as a string, which the workbench puts in front of each plugin's code.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(import.meta.dirname, '..');
const runtimeModule = 'virtual:lathe-plugin-runtime';

async function bundle(entry) {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    absWorkingDir: root,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text.trim();
}

/** A frame page: no markup, one inline script (esbuild writes `</script` inside strings as `<\/script`). */
async function framePage(title, entry) {
  const script = await bundle(entry);
  return `<!doctype html>\n<html lang="en"><head><meta charset="UTF-8"><title>${title}</title></head><body><script>${script}</script></body></html>\n`;
}

/** The vite plugin that provides them. */
export function pluginHostAssets() {
  return {
    name: 'lathe-plugin-host-assets',
    resolveId: (id) => (id === runtimeModule ? `\0${runtimeModule}` : undefined),
    async load(id) {
      if (id !== `\0${runtimeModule}`) return undefined;
      return `export default ${JSON.stringify(await bundle('plugins/api/runtime/index.ts'))};`;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'plugin-host.html', source: await framePage('Lathe plugin host', 'src-renderer/features/plugins/host/frame-bootstrap.ts') });
      this.emitFile({ type: 'asset', fileName: 'plugin-webview.html', source: await framePage('Lathe webview', 'src-renderer/features/plugins/webviews/webview-bootstrap.ts') });
    },
  };
}
