import { updateUserSetting } from '../../settings';
import { currentSetting } from '../../../app/store';
import { host } from '../../../platform/host';
import { selectOutputChannel, usePanelStore } from '../../panel';
import { activatePlugin, forgetCrashes, runningSession, stopPlugin } from '../plugin-host';
import { pluginOutputChannel } from '../plugin-output';

/** Enables or disables a plugin; main's change event stops it, or activates it for events already true. */
export async function setPluginEnabled(id: string, enabled: boolean): Promise<void> {
  if (enabled) forgetCrashes(id);
  await host().plugins.setEnabled({ id, enabled });
}

/** Reads the plugin's folder again and restarts it if it was running. */
export async function reloadPlugin(id: string): Promise<void> {
  const wasRunning = runningSession(id) !== undefined;
  await stopPlugin(id);
  forgetCrashes(id);
  await host().plugins.reload({ id });
  if (wasRunning) await activatePlugin(id, 'reload');
}

export async function uninstallPlugin(id: string): Promise<void> {
  await stopPlugin(id);
  await host().plugins.uninstall({ id });
}

/** Shows the plugin's Output channel in the panel. */
export async function showPluginLog(id: string): Promise<void> {
  selectOutputChannel(pluginOutputChannel(id));
  usePanelStore.getState().showView('output');
  if (!currentSetting('workbench.panel.visible')) await updateUserSetting('workbench.panel.visible', true);
}
