import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import type { PluginSession } from '../host/plugin-session';
import { usePluginsStore } from '../store';
import { commandIdSchema, parseArguments, statusBarItemSchema } from './schemas';
import { z } from 'zod';

/** `createStatusBarItem` and `createTreeView`: items and views of the plugin's own ids only. */
export function viewFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'setStatusBarItem' | 'provideTreeView' | 'refreshTreeView'> {
  const { manifest } = session.info;
  const views = new Set(manifest.contributes.views.map((view) => view.id));
  const ownView = (call: string, id: unknown): string => {
    const viewId = parseArguments(call, z.string().max(300), id);
    if (!views.has(viewId)) throw new Error(`${viewId} is not a view ${session.pluginId} contributes (contributes.views)`);
    return viewId;
  };
  return {
    async setStatusBarItem(id, item) {
      const itemId = parseArguments('window.createStatusBarItem', commandIdSchema, id);
      if (!itemId.startsWith(`${manifest.name}.`)) throw new Error(`A status bar item of ${session.pluginId} must have an id starting with "${manifest.name}."`);
      const data = item === null ? null : parseArguments('StatusBarItem', statusBarItemSchema, item);
      const owner = usePluginsStore.getState().statusItems[itemId]?.plugin;
      if (owner === undefined) session.track({ dispose: () => removeStatusItem(itemId, session.pluginId) });
      usePluginsStore.setState((state) => ({ statusItems: { ...state.statusItems, [itemId]: { plugin: session.pluginId, item: data } } }));
    },
    async provideTreeView(id, provided) {
      const viewId = ownView('window.createTreeView', id);
      const release = (): void =>
        usePluginsStore.setState((state) => {
          if (state.providedViews[viewId] !== session.pluginId) return state;
          const { [viewId]: _released, ...others } = state.providedViews;
          return { providedViews: others };
        });
      if (provided !== true) return release();
      usePluginsStore.setState((state) => ({ providedViews: { ...state.providedViews, [viewId]: session.pluginId } }));
      bumpView(viewId);
      session.track({ dispose: release });
    },
    async refreshTreeView(id) {
      bumpView(ownView('TreeView.refresh', id));
    },
  };
}

function removeStatusItem(itemId: string, plugin: string): void {
  usePluginsStore.setState((state) => {
    if (state.statusItems[itemId]?.plugin !== plugin) return state;
    const { [itemId]: _removed, ...others } = state.statusItems;
    return { statusItems: others };
  });
}

function bumpView(viewId: string): void {
  usePluginsStore.setState((state) => ({ viewVersions: { ...state.viewVersions, [viewId]: (state.viewVersions[viewId] ?? 0) + 1 } }));
}
