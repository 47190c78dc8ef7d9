import { create } from 'zustand';
import type { PluginInfo } from '../../../src-shared/contract';
import type { StatusBarItemData } from '../../../plugins/api/runtime/protocol';

/**
 * Where a plugin's code stands in this window: not started, starting (its worker is loading or
 * `activate` runs), active, restarting after a crash (with backoff), or given up on.
 */
export type PluginRunState = 'inactive' | 'starting' | 'active' | 'restarting' | 'failed';

interface PluginsState {
  /** As main lists them; contributions of the `ready` ones show in the workbench. */
  plugins: PluginInfo[];
  run: Readonly<Record<string, { state: PluginRunState; detail?: string }>>;
  /** Status bar items a running plugin set (null: hidden), by item id; they override the manifest's. */
  statusItems: Readonly<Record<string, { plugin: string; item: StatusBarItemData | null }>>;
  /** Views a running plugin provides data for → that plugin. */
  providedViews: Readonly<Record<string, string>>;
  /** Bumped when a view's data changed, so the view asks for it again. */
  viewVersions: Readonly<Record<string, number>>;
  /** The plugin view container the side bar shows. */
  activeContainer: string | null;
}

export const usePluginsStore = create<PluginsState>()(() => ({
  plugins: [],
  run: {},
  statusItems: {},
  providedViews: {},
  viewVersions: {},
  activeContainer: null,
}));

export function setRunState(plugin: string, state: PluginRunState, detail?: string): void {
  usePluginsStore.setState((current) => ({ run: { ...current.run, [plugin]: detail === undefined ? { state } : { state, detail } } }));
}

export function runStateOf(plugin: string): PluginRunState {
  return usePluginsStore.getState().run[plugin]?.state ?? 'inactive';
}

/** The plugins whose contributions apply: enabled, approved and compatible. */
export function readyPlugins(plugins: readonly PluginInfo[]): (PluginInfo & { manifest: NonNullable<PluginInfo['manifest']> })[] {
  return plugins.filter((plugin): plugin is PluginInfo & { manifest: NonNullable<PluginInfo['manifest']> } => plugin.state === 'ready' && plugin.manifest !== null);
}
