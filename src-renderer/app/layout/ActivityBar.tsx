import { useSetting } from '../store';
import { runCommand, usePaletteStore } from '../commands';
import { Codicon } from '../../platform/ui/Codicon';

/** The far-left strip: view switchers on top, the Manage gear at the bottom. */
export function ActivityBar() {
  const sideBarVisible = useSetting('workbench.sideBar.visible');
  return (
    <nav className="activity-bar" aria-label="Activity Bar">
      <div className="activity-bar-top">
        <button
          type="button"
          className={`activity-bar-item${sideBarVisible ? ' active' : ''}`}
          title="Explorer"
          aria-label="Explorer"
          aria-pressed={sideBarVisible}
          onClick={() => void runCommand(sideBarVisible ? 'workbench.action.toggleSidebarVisibility' : 'workbench.action.focusExplorer')}
        >
          <Codicon name="files" />
        </button>
      </div>
      <div className="activity-bar-bottom">
        <button
          type="button"
          className="activity-bar-item"
          title="Manage"
          aria-label="Manage"
          onClick={() => usePaletteStore.getState().show('Preferences')}
        >
          <Codicon name="settings-gear" />
        </button>
      </div>
    </nav>
  );
}
