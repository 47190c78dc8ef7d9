import type { Disposable } from '../../../src-shared/contract';
import { pathMatcher } from '../../../src-shared/globs';
import { useAppStore } from '../../app/store';
import { host } from '../../platform/host';
import { loadMonaco, onModelLifecycle } from '../editor';
import { activatePlugin } from './plugin-host';
import { logToPluginOutput } from './plugin-output';
import { readyPlugins, usePluginsStore } from './store';

type ReadyPlugin = ReturnType<typeof readyPlugins>[number];

const withPrefix = (plugin: ReadyPlugin, prefix: string): string[] =>
  plugin.activationEvents.filter((event) => event.startsWith(prefix)).map((event) => event.slice(prefix.length));

let workspaceFiles: Promise<string[]> | undefined;

/** The workspace's files, listed once by main (honouring .gitignore and files.exclude). */
function listWorkspaceFiles(): Promise<string[]> {
  workspaceFiles ??= useAppStore.getState().info?.workspace
    ? host()
        .workspace.findFiles({ limit: 200_000 })
        .then(({ paths }) => paths, () => [])
    : Promise.resolve([]);
  return workspaceFiles;
}

/**
 * Activates a plugin that just became ready (at startup, or when installed or enabled) for the
 * events already true: `onStartupFinished`, `workspaceContains:<glob>`, `onLanguage:<id>` of an open file.
 */
export async function activateOnReady(plugin: ReadyPlugin): Promise<void> {
  if (plugin.activationEvents.includes('onStartupFinished')) {
    await activatePlugin(plugin.id, 'onStartupFinished');
    return;
  }
  const globs = withPrefix(plugin, 'workspaceContains:');
  if (globs.length > 0) {
    const files = await listWorkspaceFiles();
    const glob = globs.find((candidate) => files.some(pathMatcher([candidate])));
    if (glob !== undefined) {
      await activatePlugin(plugin.id, `workspaceContains:${glob}`);
      return;
    }
  }
  const languages = new Set(withPrefix(plugin, 'onLanguage:'));
  if (languages.size === 0) return;
  const monaco = await loadMonaco();
  const open = monaco.editor.getModels().find((model) => languages.has(model.getLanguageId()));
  if (open) await activatePlugin(plugin.id, `onLanguage:${open.getLanguageId()}`);
}

/** `onLanguage:<id>`: a file of that language opened. */
export function activateOnLanguage(): Disposable {
  return onModelLifecycle({
    opened: (_path, model) => {
      const language = model.getLanguageId();
      for (const plugin of readyPlugins(usePluginsStore.getState().plugins)) {
        if (plugin.activationEvents.includes(`onLanguage:${language}`)) {
          void activatePlugin(plugin.id, `onLanguage:${language}`).catch((error: unknown) => logToPluginOutput(plugin.id, 'error', String(error)));
        }
      }
    },
  });
}
