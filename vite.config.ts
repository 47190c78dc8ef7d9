import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one static bundle loaded from the app's own origin in both shells (no CDN, no inline scripts). */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
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
