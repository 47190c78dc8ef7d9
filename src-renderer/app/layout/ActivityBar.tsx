import type { ComponentType } from 'react';
import { PluginActivityItems } from '../../features/plugins';
import { ScmActivityBadge } from '../../features/scm';
import { useSetting } from '../store';
import { runCommand } from '../commands';
import { Codicon } from '../../platform/ui/Codicon';
import { useLayoutStore, type SideBarView } from './layout-store';

interface ActivityItem {
  view: SideBarView;
  title: string;
  icon: string;
  /** The command that shows the view (and focuses it). */
  command: string;
  /** A count over the icon (changes to commit, for instance). */
  badge?: ComponentType;
}

const topItems: ActivityItem[] = [
  { view: 'explorer', title: 'Explorer', icon: 'files', command: 'workbench.view.explorer' },
  { view: 'search', title: 'Search', icon: 'search', command: 'workbench.action.findInFiles' },
  { view: 'scm', title: 'Source Control', icon: 'source-control', command: 'workbench.view.scm', badge: ScmActivityBadge },
  { view: 'outline', title: 'Outline', icon: 'list-tree', command: 'outline.focus' },
  { view: 'tests', title: 'Testing', icon: 'beaker', command: 'workbench.view.testing' },
  { view: 'pipelines', title: 'Pipelines', icon: 'run-all', command: 'workbench.view.pipelines' },
  { view: 'plugins', title: 'Plugins', icon: 'extensions', command: 'workbench.view.plugins' },
];
const settingsItem: ActivityItem = { view: 'settings', title: 'Settings', icon: 'settings-gear', command: 'workbench.action.openSettings' };

/** The far-left strip: one button per side bar view; clicking the shown view's button hides the side bar. */
export function ActivityBar() {
  const sideBarVisible = useSetting('workbench.sideBar.visible');
  const activeView = useLayoutStore((state) => state.sideBarView);
  const button = (item: ActivityItem) => {
    const active = sideBarVisible && activeView === item.view;
    const Badge = item.badge;
    return (
      <button
        key={item.view}
        type="button"
        className={`activity-bar-item${active ? ' active' : ''}`}
        title={item.title}
        aria-label={item.title}
        aria-pressed={active}
        data-testid={`activity-${item.view}`}
        onClick={() => void runCommand(active ? 'workbench.action.toggleSidebarVisibility' : item.command)}
      >
        <Codicon name={item.icon} />
        {Badge ? <Badge /> : null}
      </button>
    );
  };
  return (
    <nav className="activity-bar" aria-label="Activity Bar">
      <div className="activity-bar-top">
        {topItems.map(button)}
        <PluginActivityItems />
      </div>
      <div className="activity-bar-bottom">{button(settingsItem)}</div>
    </nav>
  );
}
