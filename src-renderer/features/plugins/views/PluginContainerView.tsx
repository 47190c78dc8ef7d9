import { useMemo } from 'react';
import { viewContainers } from '../contributions/view-containers';
import { readyPlugins, usePluginsStore } from '../store';
import { ViewSection } from './ViewSection';
import './plugins.css';

/** The side bar view of the plugin view container chosen in the activity bar. */
export function PluginContainerView() {
  const plugins = usePluginsStore((state) => state.plugins);
  const activeContainer = usePluginsStore((state) => state.activeContainer);
  const container = useMemo(() => viewContainers(readyPlugins(plugins)).find((candidate) => candidate.id === activeContainer), [plugins, activeContainer]);
  if (!container) {
    return (
      <div className="plugin-container-view">
        <header className="side-bar-title">
          <h2>Plugin Views</h2>
        </header>
        <div className="plugin-view-message">The plugin of this view is not running.</div>
      </div>
    );
  }
  return (
    <div className="plugin-container-view" data-testid="plugin-container" data-container={container.id}>
      <header className="side-bar-title">
        <h2>{container.title}</h2>
      </header>
      {container.views.map((view) => (
        <ViewSection key={view.id} view={view} />
      ))}
    </div>
  );
}
