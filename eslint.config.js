import { builtinModules } from 'node:module';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Imports a runtime may not use, whatever the folder rules say. */
const forbidden = (names, why) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message: why })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'plugins/*/dist/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/include': ['src-shared/**', 'src-main/**', 'src-preload/**', 'src-renderer/**', 'plugins/**'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'src-shared' },
        { type: 'host', pattern: 'src-main/host' },
        { type: 'electron-shell', pattern: 'src-main/electron' },
        { type: 'server-shell', pattern: 'src-main/server' },
        { type: 'main-lib', pattern: 'src-main/lib' },
        { type: 'service', pattern: 'src-main/services/*', capture: ['name'] },
        { type: 'preload', pattern: 'src-preload' },
        { type: 'renderer-app', pattern: 'src-renderer/app' },
        { type: 'renderer-feature', pattern: 'src-renderer/features/*', capture: ['name'] },
        { type: 'renderer-platform', pattern: 'src-renderer/platform' },
        { type: 'renderer-entry', pattern: 'src-renderer/*' },
        // Matched from the repository root, so the folders of the renderer's own `features/plugins` are not taken for these.
        { type: 'plugin-api', pattern: 'plugins/api', partialMatch: false },
        { type: 'plugin', pattern: 'plugins/!(api)', partialMatch: false, capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
            { from: { element: { type: 'main-lib' } }, allow: { to: { element: { types: { anyOf: ['shared', 'main-lib'] } } } } },
            {
              from: { element: { type: 'service' } },
              allow: [
                { to: { element: { types: { anyOf: ['shared', 'main-lib'] } } } },
                { to: { element: { type: 'service', captured: { name: '{{ from.element.captured.name }}' } } } },
              ],
            },
            { from: { element: { type: 'host' } }, allow: { to: { element: { types: { anyOf: ['shared', 'main-lib', 'service', 'host'] } } } } },
            {
              from: { element: { types: { anyOf: ['electron-shell', 'server-shell'] } } },
              allow: [
                { to: { element: { types: { anyOf: ['shared', 'main-lib', 'service', 'host'] } } } },
                { to: { element: { type: '{{ from.element.type }}' } } },
              ],
            },
            { from: { element: { type: 'preload' } }, allow: { to: { element: { types: { anyOf: ['shared', 'preload'] } } } } },
            { from: { element: { type: 'renderer-platform' } }, allow: { to: { element: { types: { anyOf: ['shared', 'renderer-platform'] } } } } },
            {
              from: { element: { types: { anyOf: ['renderer-app', 'renderer-entry'] } } },
              allow: [
                { to: { element: { types: { anyOf: ['shared', 'renderer-platform', 'renderer-app'] } } } },
                { to: { element: { type: 'renderer-feature' }, file: { path: '**/index.{ts,tsx}' } } },
              ],
            },
            {
              from: { element: { type: 'renderer-feature' } },
              allow: [
                { to: { element: { types: { anyOf: ['shared', 'renderer-platform', 'renderer-app'] } } } },
                { to: { element: { type: 'renderer-feature', captured: { name: '{{ from.element.captured.name }}' } } } },
                { to: { element: { type: 'renderer-feature' }, file: { path: '**/index.{ts,tsx}' } } },
              ],
            },
            // The workbench's plugin host speaks the plugin runtime's protocol.
            { from: { element: { type: 'renderer-feature', captured: { name: 'plugins' } } }, allow: { to: { element: { type: 'plugin-api' } } } },
            { from: { element: { type: 'plugin-api' } }, allow: { to: { element: { type: 'plugin-api' } } } },
            // A plugin reaches Lathe only through `import … from 'lathe'`, which the host injects; never the API's runtime.
            { from: { element: { type: 'plugin' } }, allow: { to: { element: { type: 'plugin', captured: { name: '{{ from.element.captured.name }}' } } } } },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: forbidden([...nodeBuiltins, 'electron', 'react', 'react-dom'], 'src-shared runs in every process: no Node, DOM or Electron runtime.'),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'src-preload/**/*.ts', 'plugins/**/*.ts'],
    ignores: ['src-preload/**/*.ts'],
    rules: forbidden([...nodeBuiltins, 'electron'], 'The renderer and plugins run without Node; reach the host through the contract.'),
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: forbidden(nodeBuiltins, 'A sandboxed preload has no Node built-ins; use the contract.'),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: forbidden(['electron'], 'Only src-main/electron may import electron; the host must run under plain Node.'),
  },
  {
    files: ['src-renderer/**/*.tsx', 'src-renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['build/**/*.mjs', 'test/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
  {
    // A plugin's console is its log: the host sends it to the plugin's Output channel.
    files: ['plugins/*/src/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
