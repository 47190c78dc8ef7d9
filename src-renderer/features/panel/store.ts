import { create } from 'zustand';
import type { Notice } from '../../../src-shared/contract';

interface PanelState {
  notices: Notice[];
  /** Adds notices the panel has not seen yet (the initial list and the live event may overlap). */
  addNotices(notices: readonly Notice[]): void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  notices: [],
  addNotices: (incoming) =>
    set((state) => {
      const known = new Set(state.notices.map((notice) => notice.id));
      const fresh = incoming.filter((notice) => !known.has(notice.id));
      return fresh.length === 0 ? state : { notices: [...state.notices, ...fresh] };
    }),
}));
