import { AiDialogs } from '../features/ai-chat';
import { EditorArea } from '../features/editor';
import { NotificationToasts } from '../features/notifications';
import { WebviewPanels } from '../features/plugins';
import { CommandPalette } from './commands';
import { ActivityBar } from './layout/ActivityBar';
import { useLayoutStore } from './layout/layout-store';
import { PanelArea } from './layout/PanelArea';
import { SecondarySideBar } from './layout/SecondarySideBar';
import { SideBar } from './layout/SideBar';
import { StatusBar } from './layout/StatusBar';
import { DisconnectedBanner } from './connection/DisconnectedBanner';
import { useAppStore, useSetting } from './store';
import './layout/workbench.css';

/** The whole window: activity bar, side bar, editor and panel, secondary side bar, status bar, and the overlays. */
export function Workbench() {
  const sideBarVisible = useSetting('workbench.sideBar.visible');
  const panelVisible = useSetting('workbench.panel.visible');
  const secondarySideBarVisible = useLayoutStore((state) => state.secondarySideBarVisible);
  const disconnected = useAppStore((state) => state.connection === 'disconnected');
  return (
    <div className={`workbench${disconnected ? ' is-disconnected' : ''}`}>
      {disconnected ? <DisconnectedBanner /> : null}
      <ActivityBar />
      {sideBarVisible ? <SideBar /> : null}
      <main className="main-column">
        <EditorArea />
        {panelVisible ? <PanelArea /> : null}
      </main>
      {secondarySideBarVisible ? <SecondarySideBar /> : null}
      <StatusBar />
      <WebviewPanels />
      <CommandPalette />
      <AiDialogs />
      <NotificationToasts />
    </div>
  );
}
