import { updateUserSetting } from '../../features/settings';
import { currentSetting } from '../store';
import { useLayoutStore, type SideBarView } from './layout-store';

/** Shows a view in the side bar, making the side bar visible first when it is hidden. */
export async function showSideBarView(view: SideBarView): Promise<void> {
  useLayoutStore.getState().showSideBarView(view);
  if (!currentSetting('workbench.sideBar.visible')) await updateUserSetting('workbench.sideBar.visible', true);
}
