import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** GitHub's workflow parser ships source maps whose sources it leaves out: its files load without them (no warnings). */
const actionsWithoutSourceMaps: Plugin = {
  name: 'actions-without-source-maps',
  load: (id) => (/[\\/]node_modules[\\/]@actions[\\/].*\.js$/.test(id) ? readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '') : undefined),
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [actionsWithoutSourceMaps],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // GitHub's workflow parser imports its JSON schema without an import attribute: only a bundler accepts that.
          server: { deps: { inline: [/@actions\/(workflow-parser|expressions)/] } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // One Chromium and one Lathe server for the whole run: files share them, one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          // The page answers through a real host on 2 shared cores: give polled assertions room.
          expect: { poll: { timeout: 5_000 } },
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
