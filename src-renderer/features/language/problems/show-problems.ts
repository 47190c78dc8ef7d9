import { errorMessage } from '../../../platform/errors';
import { notify } from '../../notifications';
import { usePanelStore, type PanelView } from '../../panel';
import { updateUserSetting } from '../../settings';
import { useProblemsFilter } from './problems-filter';

/** Brings a panel view to the front, showing the panel when it is hidden. */
export function showPanelView(view: PanelView): void {
  usePanelStore.getState().showView(view);
  updateUserSetting('workbench.panel.visible', true).catch((error: unknown) =>
    notify({ severity: 'error', message: `Could not show the panel: ${errorMessage(error)}` }),
  );
}

/** Shows the Problems view with the focus in its filter box. */
export function showProblems(): void {
  showPanelView('problems');
  useProblemsFilter.setState((state) => ({ focusRequest: state.focusRequest + 1 }));
}
