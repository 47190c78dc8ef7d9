import { host } from '../../platform/host';
import { notify } from '../notifications';
import { openFile, openFileTab } from './actions';
import { discardBackup, markBackedUp } from './hot-exit';
import { applyRestoredText } from './models';
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

/**
 * Reopens the tabs this folder had when it was last closed (files that are gone are reported and
 * skipped), then the unsaved buffers kept by hot exit.
 */
export async function restoreOpenEditors(): Promise<void> {
  await restoreSavedTabs();
  await restoreBackups();
}

async function restoreSavedTabs(): Promise<void> {
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

/**
 * Hot exit: brings back the unsaved buffers backed up before the last exit. Each one opens dirty, with
 * the text on disk one undo away; a file gone from disk opens anyway and saving creates it again.
 */
export async function restoreBackups(): Promise<void> {
  const backups = await host()
    .backups.list()
    .catch(() => []);
  if (backups.length === 0) return;
  const { activePath } = useEditorStore.getState();
  let restored = 0;
  for (const backup of backups) {
    if (!(await openFileTab(backup.path, { allowMissing: true }))) continue;
    // A backup that matches the file (saved elsewhere since) has nothing left to restore.
    if (!applyRestoredText(backup.path, backup.content)) {
      discardBackup(backup.path);
      continue;
    }
    markBackedUp(backup.path);
    restored++;
  }
  // The tab the user was looking at stays in front.
  if (activePath && useEditorStore.getState().tabs.some((tab) => tab.path === activePath)) useEditorStore.getState().activate(activePath);
  if (restored > 0) notify({ severity: 'info', message: `Restored ${restored} unsaved file${restored === 1 ? '' : 's'}` });
}
