import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Workbench } from '../../../plugins/api/runtime/connection';
import { createApi, type Api } from '../../../plugins/api/runtime/create-api';
import { evaluatePluginModule, type PluginExports, type PluginFactory } from '../../../plugins/api/runtime/module-loader';
import type { PluginInit, StatusBarItemData, WorkbenchFunctions, WorkspaceEditData } from '../../../plugins/api/runtime/protocol';
import type { PluginRequest } from '../../../src-shared/contract';
import { LATHE_API_VERSION } from '../../../src-shared/plugins/api-version';
import { removeScratch, startPlugins, type PluginsHarness } from '../services/plugins/plugins-harness';
import { applyTextEdits } from './text-edits';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/**
 * Bundles a plugin of plugins/ as build/build.mjs does, into a copy of its folder (manifest and
 * script only), named so that discovery takes it as a plugin (it skips `template`).
 */
async function buildPlugin(name: string, into: string): Promise<string> {
  const folder = join(into, 'plugin-under-test');
  mkdirSync(folder, { recursive: true });
  cpSync(join(repoRoot, 'plugins', name, 'package.json'), join(folder, 'package.json'));
  await esbuild.build({
    entryPoints: [join(repoRoot, 'plugins', name, 'src', 'extension.ts')],
    outfile: join(folder, 'dist', 'extension.js'),
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2022',
    external: ['lathe'],
    logLevel: 'warning',
  });
  return readFileSync(join(folder, 'dist', 'extension.js'), 'utf8');
}

export interface WorkbenchCall {
  method: keyof WorkbenchFunctions;
  args: unknown[];
}

export interface RunningPlugin {
  /** The runtime's side: run commands, ask for tree items, deliver editor and file events. */
  runtime: Api;
  /** The plugin service (real files, search, permissions) its API calls reach, as main serves them. */
  plugins: PluginsHarness;
  /** Every call the plugin made to the workbench, in order. */
  calls: WorkbenchCall[];
  /** The status bar items as the plugin last set them (null: hidden). */
  statusItems: Map<string, StatusBarItemData | null>;
  /** What the plugin showed in notifications. */
  messages: string[];
  /** What the user answers next, in order: a quick pick's label, an input box's text, a notification's button. */
  answers: (string | undefined)[];
  callsTo(method: keyof WorkbenchFunctions): unknown[][];
  deactivate(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Runs a plugin of plugins/ as the workbench runs a built-in one, without a browser: its bundled
 * script is evaluated by the real runtime (plugins/api/runtime) with the `lathe` object it builds;
 * the workbench's functions are recorded and scripted, and every gateway call goes to a real plugin
 * service where the plugin is built in (granted what its manifest asks). Workspace edits are checked
 * by that service and written to disk, as the editor would save them.
 */
export async function runPluginAsBuiltIn(name: string, init: Partial<PluginInit> = {}): Promise<RunningPlugin> {
  const builtins = mkdtempSync(join(tmpdir(), 'lathe-builtin-'));
  const code = await buildPlugin(name, builtins);
  const plugins = await startPlugins({ builtinFolder: builtins });
  const [info] = plugins.service.list();
  if (!info || info.state !== 'ready') throw new Error(`${name} is not ready: ${JSON.stringify(info?.errors)}`);

  const calls: WorkbenchCall[] = [];
  const statusItems = new Map<string, StatusBarItemData | null>();
  const messages: string[] = [];
  const answers: (string | undefined)[] = [];
  const answer = (): string | undefined => {
    if (answers.length === 0) throw new Error('The plugin asked the user something the test did not answer');
    return answers.shift();
  };
  const scripted: Partial<WorkbenchFunctions> = {
    gateway: (method, params) => plugins.call(info.id, { method, params } as PluginRequest),
    setStatusBarItem: async (id, item) => void statusItems.set(id, item),
    showMessage: async (_severity, message, actions) => {
      messages.push(message);
      return actions.length > 0 ? answer() : undefined;
    },
    showQuickPick: async (items) => {
      const label = answer();
      const index = items.findIndex((item) => item.label === label);
      return index === -1 ? undefined : index;
    },
    showInputBox: async () => answer(),
    applyEdit: async (edit: WorkspaceEditData) => {
      await plugins.call(info.id, { method: 'workspace.checkEdit', params: { paths: edit.files.map((file) => file.path) } });
      for (const file of edit.files) {
        const path = join(plugins.workspaceRoot, file.path);
        writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), file.edits));
      }
      return true;
    },
  };
  const workbench = new Proxy(scripted, {
    get: (target, method: keyof WorkbenchFunctions) => {
      const implementation = target[method] as ((...args: unknown[]) => unknown) | undefined;
      return (...args: unknown[]) => {
        calls.push({ method, args });
        return implementation ? implementation(...args) : Promise.resolve(undefined);
      };
    },
  }) as unknown as Workbench;

  const runtime = createApi(
    { pluginId: info.id, workbench },
    { id: info.id, apiVersion: LATHE_API_VERSION, workspaceName: 'workspace', configuration: {}, documents: [], activeEditor: null, ...init },
  );
  const factory = new Function('exports', 'module', 'require', code) as PluginFactory;
  const exports: PluginExports = evaluatePluginModule(factory, runtime.api);
  const subscriptions: { dispose(): unknown }[] = [];
  await exports.activate?.(Object.freeze({ pluginId: info.id, subscriptions }));

  const deactivate = async (): Promise<void> => {
    await exports.deactivate?.();
    for (const subscription of subscriptions.splice(0).reverse()) subscription.dispose();
  };
  return {
    runtime,
    plugins,
    calls,
    statusItems,
    messages,
    answers,
    callsTo: (method) => calls.filter((call) => call.method === method).map((call) => call.args),
    deactivate,
    dispose: async () => {
      await deactivate();
      removeScratch(plugins);
      rmSync(builtins, { recursive: true, force: true });
    },
  };
}
