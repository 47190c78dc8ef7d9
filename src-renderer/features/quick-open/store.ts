import { create } from 'zustand';

/** How many recently opened files quick open remembers. */
const recentLimit = 50;

interface QuickOpenState {
  open: boolean;
  /** Bumped on every show, so showing it again while open starts over (and fetches the files again). */
  generation: number;
  /** Where focus was before quick open showed; it goes back there on Escape. */
  returnFocus: Element | null;
  /** Recently opened files, most recent first. */
  recent: string[];
  show(): void;
  hide(): void;
  remember(path: string): void;
}

export const useQuickOpenStore = create<QuickOpenState>()((set) => ({
  open: false,
  generation: 0,
  returnFocus: null,
  recent: [],
  show: () =>
    set((state) => ({
      open: true,
      generation: state.generation + 1,
      returnFocus: state.open ? state.returnFocus : document.activeElement,
    })),
  hide: () => set({ open: false, returnFocus: null }),
  remember: (path) =>
    set((state) =>
      state.recent[0] === path ? state : { recent: [path, ...state.recent.filter((other) => other !== path)].slice(0, recentLimit) },
    ),
}));
