import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // GitHub's workflow parser imports its JSON schema without an import attribute: only a bundler accepts that.
          server: { deps: { inline: [/@actions\/workflow-parser/] } },
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
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
