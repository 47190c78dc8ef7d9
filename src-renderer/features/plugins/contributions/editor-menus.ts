import type { Disposable } from '../../../../src-shared/contract';
import { loadMonaco } from '../../editor';
import { logToPluginOutput } from '../plugin-output';
import type { readyPlugins } from '../store';
import { runContributedCommand } from './run-contributed-command';

type ReadyPlugin = ReturnType<typeof readyPlugins>[number];

/**
 * The `editor/context` menu entries of ready plugins, as Monaco editor actions (Monaco evaluates
 * their `when` against its own context keys, such as `editorLangId`). Resolves to their disposables.
 */
export async function registerEditorMenus(plugins: readonly ReadyPlugin[]): Promise<Disposable[]> {
  const entries = plugins.flatMap((plugin) =>
    (plugin.manifest.contributes.menus['editor/context'] ?? []).flatMap((item) => {
      const command = plugin.manifest.contributes.commands.find((candidate) => candidate.command === item.command);
      return command ? [{ plugin, item, command }] : [];
    }),
  );
  if (entries.length === 0) return [];
  const monaco = await loadMonaco();
  return entries.flatMap(({ plugin, item, command }) => {
    const [group = 'navigation', order] = (item.group ?? '').split('@');
    try {
      return [
        monaco.editor.addEditorAction({
          id: `plugin-menu.${command.command}`,
          label: command.title,
          contextMenuGroupId: group || 'navigation',
          contextMenuOrder: Number(order ?? 0) || 0,
          ...(item.when ? { precondition: item.when } : {}),
          run: () => runContributedCommand(command.command),
        }),
      ];
    } catch (error) {
      logToPluginOutput(plugin.id, 'warn', `The editor menu entry for ${command.command} was not added: ${String(error)}`);
      return [];
    }
  });
}
