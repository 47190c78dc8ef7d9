import { create } from 'zustand';
import type { Notice } from '../../../src-shared/contract';

export type PanelView = 'problems' | 'output' | 'terminal' | 'pipeline-run';

interface PanelState {
  notices: Notice[];
  /** The view in front in the panel. */
  activeView: PanelView;
  /** Adds notices the panel has not seen yet (the initial list and the live event may overlap). */
  addNotices(notices: readonly Notice[]): void;
  showView(view: PanelView): void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  notices: [],
  activeView: 'output',
  addNotices: (incoming) =>
    set((state) => {
      const known = new Set(state.notices.map((notice) => notice.id));
      const fresh = incoming.filter((notice) => !known.has(notice.id));
      return fresh.length === 0 ? state : { notices: [...state.notices, ...fresh] };
    }),
  showView: (activeView) => set({ activeView }),
}));
