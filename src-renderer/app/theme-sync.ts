import { applyWorkbenchTheme } from '../platform/theme';
import { useAppStore } from './store';

/** Keeps the workbench palette on the `workbench.colorTheme` setting, whatever changed it (UI, file, another window). */
export function syncThemeWithSettings(): () => void {
  applyWorkbenchTheme(useAppStore.getState().settings.values['workbench.colorTheme']);
  return useAppStore.subscribe((state, previous) => {
    const theme = state.settings.values['workbench.colorTheme'];
    if (theme !== previous.settings.values['workbench.colorTheme']) applyWorkbenchTheme(theme);
  });
}
