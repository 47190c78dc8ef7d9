import { host } from '../../platform/host';
import { openFile } from './actions';
import { useEditorStore } from './store';

const openEditorsKey = 'workbench.openEditors';

interface SavedEditors {
  paths: string[];
  active: string | null;
}

function isSavedEditors(value: unknown): value is SavedEditors {
  if (typeof value !== 'object' || value === null) return false;
  const { paths, active } = value as Record<string, unknown>;
  return Array.isArray(paths) && paths.every((path) => typeof path === 'string') && (active === null || typeof active === 'string');
}

/** Reopens the tabs this folder had when it was last closed (files that are gone are reported and skipped). */
export async function restoreOpenEditors(): Promise<void> {
  const saved = await host()
    .state.get({ key: openEditorsKey, scope: 'workspace' })
    .catch(() => null);
  if (!isSavedEditors(saved)) return;
  // The active tab first, so the file the user was looking at appears without waiting for the others.
  const ordered = saved.active ? [saved.active, ...saved.paths.filter((path) => path !== saved.active)] : saved.paths;
  for (const path of ordered) await openFile(path);
  const { tabs, activate } = useEditorStore.getState();
  const sorted = saved.paths.filter((path) => tabs.some((tab) => tab.path === path));
  useEditorStore.setState({ tabs: sorted.map((path) => tabs.find((tab) => tab.path === path)).filter((tab) => tab !== undefined) });
  if (saved.active && sorted.includes(saved.active)) activate(saved.active);
}

/** Keeps the folder's open tabs in its workspace state, so the next launch can restore them. */
export function persistOpenEditors(): void {
  let last = '';
  useEditorStore.subscribe(({ tabs, activePath }) => {
    const value: SavedEditors = { paths: tabs.map((tab) => tab.path), active: activePath };
    const text = JSON.stringify(value);
    if (text === last) return;
    last = text;
    void host().state.set({ key: openEditorsKey, scope: 'workspace', value }).catch(() => undefined);
  });
}
