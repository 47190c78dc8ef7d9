import { useMemo, useState } from 'react';
import { Codicon } from '../../../platform/ui/Codicon';
import { runContributedCommand } from '../contributions/run-contributed-command';
import type { PluginView } from '../contributions/view-containers';
import { matchesWhen } from '../contributions/when-clause';
import { readyPlugins, usePluginsStore } from '../store';
import { PluginTreeView } from './PluginTreeView';

/** A view's title buttons: the `view/title` menu entries whose `when` names this view. */
function ViewTitleActions({ view }: { view: PluginView }) {
  const plugins = usePluginsStore((state) => state.plugins);
  const actions = useMemo(() => {
    const plugin = readyPlugins(plugins).find((candidate) => candidate.id === view.plugin);
    if (!plugin) return [];
    const { menus, commands } = plugin.manifest.contributes;
    return (menus['view/title'] ?? [])
      .filter((item) => matchesWhen(item.when, { view: view.id }))
      .flatMap((item) => commands.filter((command) => command.command === item.command));
  }, [plugins, view]);
  return actions.map((command) => (
    <button key={command.command} type="button" className="icon-button" title={command.title} aria-label={command.title} onClick={() => runContributedCommand(command.command)}>
      <Codicon name={command.icon ?? 'play'} />
    </button>
  ));
}

/** One plugin view: a collapsible section with its title buttons and its tree. */
export function ViewSection({ view }: { view: PluginView }) {
  const run = usePluginsStore((state) => state.run[view.plugin]);
  const [open, setOpen] = useState(true);
  return (
    <section className="plugin-view-section" data-testid="plugin-view" data-view={view.id}>
      <header className="plugin-view-header">
        <button type="button" className="plugin-view-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Codicon name={open ? 'chevron-down' : 'chevron-right'} />
          <span>{view.name}</span>
        </button>
        <span className="plugin-view-actions">
          <ViewTitleActions view={view} />
        </span>
      </header>
      {run?.state === 'failed' ? <div className="plugin-view-message">{run.detail ?? 'The plugin stopped.'}</div> : open ? <PluginTreeView plugin={view.plugin} viewId={view.id} name={view.name} /> : null}
    </section>
  );
}
