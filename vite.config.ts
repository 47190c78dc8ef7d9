import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pluginHostAssets } from './build/plugin-host-assets.mjs';

/** The renderer: one static bundle loaded from the app's own origin in both shells (no CDN, no inline scripts). */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  // The plugin sandbox's frame pages and worker runtime are bundled by esbuild (see the plugin).
  plugins: [react(), pluginHostAssets()],
  worker: { format: 'es' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco and its language workers are large by nature; they load lazily, after the shell paints.
    chunkSizeWarningLimit: 8192,
    // Inlined assets would become `data:` URLs; fonts must come from 'self' under the CSP.
    assetsInlineLimit: 0,
    // The build's own profiling report is noise in every `npm test` and `npm start`.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
