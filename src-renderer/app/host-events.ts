import type { LatheApi, Notice, SettingsSnapshot } from '../../src-shared/contract';
import { notify } from '../features/notifications';
import { usePanelStore } from '../features/panel';
import { runCommand } from './commands';
import { useAppStore } from './store';

/**
 * Loads what the workbench needs before it shows (app info, settings) and follows the host's events.
 * The settings listener is attached before the first read, so a change in between is not lost.
 */
export async function followHost(api: LatheApi): Promise<void> {
  let latestSettings: SettingsSnapshot | undefined;
  api.settings.onChanged((snapshot) => {
    latestSettings = snapshot;
    useAppStore.getState().setSettings(snapshot);
  });
  api.app.onNotice((notice) => receiveNotices([notice]));
  // Native menus (Electron) run workbench commands by id.
  api.app.onCommandRequested(({ command }) => void runCommand(command));

  const [info, settings, notices] = await Promise.all([api.app.info(), api.settings.get(), api.app.notices()]);
  useAppStore.getState().setInfo(info);
  useAppStore.getState().setSettings(latestSettings ?? settings);
  receiveNotices(notices);
}

function receiveNotices(notices: readonly Notice[]): void {
  const known = new Set(usePanelStore.getState().notices.map((notice) => notice.id));
  usePanelStore.getState().addNotices(notices);
  for (const notice of notices) {
    if (!known.has(notice.id) && notice.severity !== 'info') notify({ severity: notice.severity, message: notice.message });
  }
}
