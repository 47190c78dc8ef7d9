import { z } from 'zod';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { loadFile, openFileTab } from './actions';
import { discardBackup, markBackedUp } from './hot-exit';
import { applyRestoredText } from './models';
import { tabKey, useEditorStore, type GroupTab } from './store';

const openEditorsKey = 'workbench.openEditors';

const savedTab = z.object({ path: z.string(), view: z.enum(['text', 'markdown']).catch('text'), pinned: z.boolean().catch(false) });
const savedGroups = z.object({
  groups: z.array(z.object({ tabs: z.array(savedTab), active: z.string().nullable() })).min(1),
  activeGroup: z.number().int().min(0),
});
/** What earlier versions kept: one strip of tabs. */
const savedStrip = z.object({ paths: z.array(z.string()), active: z.string().nullable() });
const savedEditors = z.union([
  savedGroups,
  savedStrip.transform(({ paths, active }) => ({ groups: [{ tabs: paths.map((path) => ({ path, view: 'text' as const, pinned: false })), active }], activeGroup: 0 })),
]);
type SavedEditors = z.infer<typeof savedGroups>;

/**
 * Reopens the groups and tabs this folder had when it was last closed (files that are gone are reported
 * and skipped), then the unsaved buffers kept by hot exit.
 */
export async function restoreOpenEditors(): Promise<void> {
  await restoreSavedTabs();
  await restoreBackups();
}

async function restoreSavedTabs(): Promise<void> {
  const parsed = savedEditors.safeParse(
    await host()
      .state.get({ key: openEditorsKey, scope: 'workspace' })
      .catch(() => null),
  );
  if (!parsed.success) return;
  const saved = parsed.data;
  // The file the user was looking at first, so it appears without waiting for the others.
  const front = saved.groups[saved.activeGroup]?.active ?? null;
  const paths = [...new Set(saved.groups.flatMap((group) => group.tabs.map((tab) => tab.path)))];
  const loaded = new Set<string>();
  for (const path of front && paths.includes(front) ? [front, ...paths.filter((other) => other !== front)] : paths) {
    if (await loadFile(path)) loaded.add(path);
  }
  const groups = saved.groups
    .map((group) => {
      const tabs = group.tabs.filter((tab) => loaded.has(tab.path)).map((tab) => ({ ...tab, preview: false }));
      const active = tabs.find((tab) => tabKey(tab) === group.active) ?? tabs[0];
      return { tabs, activeKey: active ? tabKey(active) : null };
    })
    .filter((group) => group.tabs.length > 0);
  if (groups.length > 0) useEditorStore.getState().restoreGroups(groups, Math.min(saved.activeGroup, groups.length - 1));
}

/** Keeps the folder's open groups and tabs in its workspace state, so the next launch can restore them. */
export function persistOpenEditors(): void {
  let last = '';
  useEditorStore.subscribe(({ groups, activeGroupId }) => {
    const value: SavedEditors = {
      // Diff tabs compare versions that may be gone by the next launch: they are not kept.
      groups: groups.map((group) => ({
        tabs: group.tabs.filter((tab): tab is GroupTab & { view: 'text' | 'markdown' } => tab.view !== 'diff').map(({ path, view, pinned }) => ({ path, view, pinned })),
        active: group.activeKey,
      })),
      activeGroup: Math.max(0, groups.findIndex((group) => group.id === activeGroupId)),
    };
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
  const { activeGroupId, groups } = useEditorStore.getState();
  const front = groups.find((group) => group.id === activeGroupId)?.activeKey ?? null;
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
  const group = useEditorStore.getState().groups.find((candidate) => candidate.id === activeGroupId);
  const frontTab = group?.tabs.find((tab) => tabKey(tab) === front);
  if (frontTab) useEditorStore.getState().showTab(frontTab, activeGroupId);
  if (restored > 0) notify({ severity: 'info', message: `Restored ${restored} unsaved file${restored === 1 ? '' : 's'}` });
}
