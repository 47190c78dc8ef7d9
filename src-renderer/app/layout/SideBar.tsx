import type { ComponentType } from 'react';
import { ExplorerView } from '../../features/explorer';
import { OutlineView, TestsView } from '../../features/language';
import { PipelinesView } from '../../features/pipelines';
import { PluginContainerView, PluginsView, PluginViewSlot } from '../../features/plugins';
import { ScmView } from '../../features/scm';
import { SearchView } from '../../features/search';
import { SettingsView } from '../../features/settings';
import { Sash } from '../../platform/ui/Sash';
import { useResizable } from './use-resizable';
import { sideBarWidthLimits, useLayoutStore, type SideBarView } from './layout-store';

/** The component of each side bar view. */
const viewComponents: Record<SideBarView, ComponentType> = {
  explorer: ExplorerView,
  search: SearchView,
  scm: ScmView,
  outline: OutlineView,
  tests: TestsView,
  pipelines: PipelinesView,
  plugins: PluginsView,
  'plugin-views': PluginContainerView,
  settings: SettingsView,
};

/** The primary side bar, showing the active view, with its resize handle on the right edge. */
export function SideBar() {
  const width = useLayoutStore((state) => state.sideBarWidth);
  const view = useLayoutStore((state) => state.sideBarView);
  const View = viewComponents[view];
  const resize = useResizable({
    size: width,
    min: sideBarWidthLimits.min,
    max: () => Math.round(window.innerWidth * 0.6),
    defaultSize: sideBarWidthLimits.default,
    direction: 1,
    apply: (next) => useLayoutStore.getState().setSideBarWidth(next),
  });
  return (
    <aside className="side-bar" style={{ width }} aria-label="Side Bar">
      <div className="side-bar-views">
        <div className="side-bar-view">
          <View />
        </div>
        {/* Views plugins contribute to the shown view (explorer, scm) come below it. */}
        <PluginViewSlot container={view} />
      </div>
      <Sash orientation="vertical" label="Resize Side Bar" {...resize} />
    </aside>
  );
}
