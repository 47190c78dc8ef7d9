import { create } from 'zustand';
import type { GitSnapshot } from '../../../src-shared/contract';
import type { ChangeGroupId } from './change-look';
import { buildDecorations, type GitDecoration } from './decorations';

/** A fetch, pull or push on its way: what the view and the status bar show meanwhile. */
export interface SyncProgress {
  /** "Pulling", "Pushing"… */
  title: string;
  phase: string | null;
  percent: number | null;
}

interface ScmState {
  /** The repository and its status; null until the first answer. */
  snapshot: GitSnapshot | null;
  /** Why the status could not be read (a corrupt index, say), until the next good status. */
  statusError: string | null;
  decorations: Map<string, GitDecoration>;
  /** The commit message being written, kept while the view is hidden. */
  message: string;
  amend: boolean;
  /** null follows the `git.alwaysSignOff` setting. */
  signoff: boolean | null;
  /** A commit, stage or similar call is running: the commit button waits. */
  busy: boolean;
  sync: SyncProgress | null;
  collapsed: Partial<Record<ChangeGroupId, boolean>>;
  /** Bumped after every call that may have changed the index or HEAD: open diffs read their sides again. */
  indexVersion: number;
  /** Bumped to move the focus into the message box (showing the view from a key). */
  focusRequest: number;
  setSnapshot(snapshot: GitSnapshot): void;
  setStatusError(message: string): void;
  setMessage(message: string): void;
  setAmend(amend: boolean): void;
  setSignoff(signoff: boolean): void;
  setBusy(busy: boolean): void;
  setSync(sync: SyncProgress | null): void;
  toggleCollapsed(group: ChangeGroupId): void;
  indexChanged(): void;
  requestFocus(): void;
}

export const useScmStore = create<ScmState>()((set) => ({
  snapshot: null,
  statusError: null,
  decorations: new Map(),
  message: '',
  amend: false,
  signoff: null,
  busy: false,
  sync: null,
  collapsed: {},
  indexVersion: 0,
  focusRequest: 0,
  setSnapshot: (snapshot) => set({ snapshot, statusError: null, decorations: buildDecorations(snapshot.status) }),
  setStatusError: (statusError) => set({ statusError }),
  setMessage: (message) => set({ message }),
  setAmend: (amend) => set({ amend }),
  setSignoff: (signoff) => set({ signoff }),
  setBusy: (busy) => set({ busy }),
  setSync: (sync) => set({ sync }),
  toggleCollapsed: (group) => set((state) => ({ collapsed: { ...state.collapsed, [group]: !state.collapsed[group] } })),
  indexChanged: () => set((state) => ({ indexVersion: state.indexVersion + 1 })),
  requestFocus: () => set((state) => ({ focusRequest: state.focusRequest + 1 })),
}));

/** The status when the workspace is a repository with a working tree. */
export function currentStatus() {
  return useScmStore.getState().snapshot?.status ?? null;
}

/** How many changes the Source Control view lists (the activity bar's badge). */
export function useChangeCount(): number {
  return useScmStore((state) => {
    const status = state.snapshot?.status;
    return status ? status.staged.length + status.unstaged.length + status.untracked.length + status.conflicted.length : 0;
  });
}
