import type { Disposable, PluginInfo } from '../../../src-shared/contract';
import { useLayoutStore } from '../../app/layout/layout-store';
import { host } from '../../platform/host';
import { activateOnLanguage, activateOnReady } from './activation';
import { registerContributedCommands } from './contributions/commands';
import { registerEditorMenus } from './contributions/editor-menus';
import { registerContainerCommands, viewContainers } from './contributions/view-containers';
import { servePipelineSteps } from './plugin-pipeline-steps';
import { startWatchdog, stopPlugin } from './plugin-host';
import { logToPluginOutput } from './plugin-output';
import { readyPlugins, runStateOf, usePluginsStore } from './store';

let contributions: Disposable[] = [];
/** Editor menus register asynchronously (Monaco loads): a later list replaces an earlier one's. */
let generation = 0;

/**
 * Takes main's plugin list: the store, the contributions of ready plugins (registered anew), the
 * activation of plugins that became ready, and the stop of those that no longer are.
 */
function applyPlugins(plugins: PluginInfo[]): void {
  const wasReady = new Set(readyPlugins(usePluginsStore.getState().plugins).map((plugin) => plugin.id));
  usePluginsStore.setState({ plugins });
  const ready = readyPlugins(plugins);
  const readyIds = new Set(ready.map((plugin) => plugin.id));

  for (const contribution of contributions) contribution.dispose();
  contributions = [...registerContributedCommands(ready), ...registerContainerCommands(ready)];
  const current = ++generation;
  void registerEditorMenus(ready).then((menus) => {
    if (current === generation) contributions.push(...menus);
    else for (const menu of menus) menu.dispose();
  });

  for (const id of Object.keys(usePluginsStore.getState().run)) {
    if (!readyIds.has(id) && runStateOf(id) !== 'inactive') void stopPlugin(id);
  }
  const { activeContainer } = usePluginsStore.getState();
  if (activeContainer && !viewContainers(ready).some((container) => container.id === activeContainer) && useLayoutStore.getState().sideBarView === 'plugin-views') {
    useLayoutStore.getState().showSideBarView('plugins');
  }
  for (const plugin of ready) {
    if (!wasReady.has(plugin.id)) void activateOnReady(plugin).catch((error: unknown) => logToPluginOutput(plugin.id, 'error', String(error)));
  }
}

/** Loads the plugin list, follows its changes, and starts the watchdog, the activation events and the pipeline steps. */
export async function startPlugins(): Promise<void> {
  const api = host();
  api.plugins.onDidChangePlugins(({ plugins }) => applyPlugins(plugins));
  startWatchdog();
  activateOnLanguage();
  servePipelineSteps();
  applyPlugins(await api.plugins.list());
}
