import { useMemo } from 'react';
import { useSetting } from '../../../app/store';
import { useLayoutStore } from '../../../app/layout/layout-store';
import { updateUserSetting } from '../../settings';
import { Codicon } from '../../../platform/ui/Codicon';
import { showPluginContainer, viewContainers } from '../contributions/view-containers';
import { readyPlugins, usePluginsStore } from '../store';

/** An activity bar button per plugin view container; clicking the shown one hides the side bar. */
export function PluginActivityItems() {
  const plugins = usePluginsStore((state) => state.plugins);
  const activeContainer = usePluginsStore((state) => state.activeContainer);
  const sideBarVisible = useSetting('workbench.sideBar.visible');
  const sideBarView = useLayoutStore((state) => state.sideBarView);
  const containers = useMemo(() => viewContainers(readyPlugins(plugins)), [plugins]);
  return containers.map((container) => {
    const active = sideBarVisible && sideBarView === 'plugin-views' && activeContainer === container.id;
    return (
      <button
        key={container.id}
        type="button"
        className={`activity-bar-item${active ? ' active' : ''}`}
        title={container.title}
        aria-label={container.title}
        aria-pressed={active}
        data-testid={`activity-plugin-${container.id}`}
        onClick={() => void (active ? updateUserSetting('workbench.sideBar.visible', false) : showPluginContainer(container.id))}
      >
        <Codicon name={container.icon} />
      </button>
    );
  });
}
