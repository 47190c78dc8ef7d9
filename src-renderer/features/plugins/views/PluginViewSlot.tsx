import { useMemo } from 'react';
import { viewsIn } from '../contributions/view-containers';
import { readyPlugins, usePluginsStore } from '../store';
import { ViewSection } from './ViewSection';
import './plugins.css';

/** The plugin views contributed to a built-in side bar view (explorer, scm), shown below it. */
export function PluginViewSlot({ container }: { container: string }) {
  const plugins = usePluginsStore((state) => state.plugins);
  const views = useMemo(() => viewsIn(readyPlugins(plugins), container), [plugins, container]);
  if (views.length === 0) return null;
  return (
    <div className="plugin-view-slot" data-testid="plugin-view-slot">
      {views.map((view) => (
        <ViewSection key={view.id} view={view} />
      ))}
    </div>
  );
}
