import { useMemo } from 'react';
import type { StatusBarItemData } from '../../../../plugins/api/runtime/protocol';
import { runContributedCommand } from '../contributions/run-contributed-command';
import { readyPlugins, usePluginsStore } from '../store';
import { LabelWithIcons } from './LabelWithIcons';

/**
 * The status bar items of ready plugins on one side: those their manifests contribute (shown
 * before activation), replaced by what the running plugin sets.
 */
export function PluginStatusBarItems({ alignment }: { alignment: 'left' | 'right' }) {
  const plugins = usePluginsStore((state) => state.plugins);
  const overrides = usePluginsStore((state) => state.statusItems);
  const items = useMemo(() => {
    const ready = readyPlugins(plugins);
    const readyIds = new Set(ready.map((plugin) => plugin.id));
    const byId = new Map<string, StatusBarItemData | null>();
    for (const plugin of ready) for (const { id, ...item } of plugin.manifest.contributes.statusBar) byId.set(id, item);
    for (const [id, { plugin, item }] of Object.entries(overrides)) if (readyIds.has(plugin)) byId.set(id, item);
    return [...byId.entries()]
      .flatMap(([id, item]) => (item && item.alignment === alignment ? [{ id, ...item }] : []))
      .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  }, [plugins, overrides, alignment]);
  return items.map((item) =>
    item.command ? (
      <button key={item.id} type="button" className="status-bar-item" data-testid="plugin-status-item" data-id={item.id} title={item.tooltip} onClick={() => runContributedCommand(item.command ?? '')}>
        <LabelWithIcons text={item.text} />
      </button>
    ) : (
      <span key={item.id} className="status-bar-item" data-testid="plugin-status-item" data-id={item.id} title={item.tooltip}>
        <LabelWithIcons text={item.text} />
      </span>
    ),
  );
}
