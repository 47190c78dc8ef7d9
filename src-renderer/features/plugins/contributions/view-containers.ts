import type { Disposable } from '../../../../src-shared/contract';
import { registerCommand } from '../../../app/commands';
import { showSideBarView } from '../../../app/layout/show-side-bar-view';
import { usePluginsStore, type readyPlugins } from '../store';

type ReadyPlugin = ReturnType<typeof readyPlugins>[number];

export interface PluginView {
  id: string;
  name: string;
  plugin: string;
}

/** A side bar view of plugin views, with its activity bar button. */
export interface PluginViewContainer {
  id: string;
  title: string;
  icon: string;
  views: PluginView[];
}

/** Built-in containers plugin views show in: below the side bar view of the same name. */
const sideBarContainers = ['explorer', 'scm'] as const;

const hosted = new Set<string>(sideBarContainers);

/** The views ready plugins put in a built-in side bar view (`explorer`, `scm`). */
export function viewsIn(plugins: readonly ReadyPlugin[], container: string): PluginView[] {
  return plugins.flatMap((plugin) => plugin.manifest.contributes.views.filter((view) => view.container === container).map((view) => ({ id: view.id, name: view.name, plugin: plugin.id })));
}

/**
 * The containers of the views ready plugins contribute: those they declare (`viewsContainers`),
 * and one per plugin for views it puts in the panel, which does not host plugin views yet.
 */
export function viewContainers(plugins: readonly ReadyPlugin[]): PluginViewContainer[] {
  return plugins.flatMap((plugin) => {
    const { manifest } = plugin;
    const views = (container: string): PluginView[] => viewsIn([plugin], container);
    const declared = manifest.contributes.viewsContainers.map((container) => ({ id: container.id, title: container.title, icon: container.icon, views: views(container.id) }));
    const declaredIds = new Set(declared.map((container) => container.id));
    const elsewhere = manifest.contributes.views
      .filter((view) => !declaredIds.has(view.container) && !hosted.has(view.container))
      .map((view) => ({ id: view.id, name: view.name, plugin: plugin.id }));
    const own = elsewhere.length === 0 ? [] : [{ id: `${plugin.id}:views`, title: manifest.displayName ?? manifest.name, icon: 'extensions', views: elsewhere }];
    return [...declared, ...own].filter((container) => container.views.length > 0);
  });
}

/** Shows a plugin view container in the side bar. */
export async function showPluginContainer(id: string): Promise<void> {
  usePluginsStore.setState({ activeContainer: id });
  await showSideBarView('plugin-views');
}

/** `workbench.view.<container id>` shows each container, from the palette or a plugin (`executeCommand`). */
export function registerContainerCommands(plugins: readonly ReadyPlugin[]): Disposable[] {
  return viewContainers(plugins).map((container) =>
    registerCommand({ id: `workbench.view.${container.id}`, category: 'View', title: `Show ${container.title}`, run: () => showPluginContainer(container.id) }),
  );
}
