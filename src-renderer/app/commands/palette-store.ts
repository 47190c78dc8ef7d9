import { create } from 'zustand';

interface PaletteState {
  open: boolean;
  /** Text the input starts with (the gear pre-fills "Preferences"). */
  initialQuery: string;
  /** Bumped on every show, so showing it again while open starts over. */
  generation: number;
  /** Where focus was before the palette opened (usually Monaco); it goes back there on close. */
  returnFocus: Element | null;
  show(initialQuery?: string): void;
  hide(): void;
}

export const usePaletteStore = create<PaletteState>()((set) => ({
  open: false,
  initialQuery: '',
  generation: 0,
  returnFocus: null,
  show: (initialQuery = '') =>
    set((state) => ({
      open: true,
      initialQuery,
      generation: state.generation + 1,
      returnFocus: state.open ? state.returnFocus : document.activeElement,
    })),
  hide: () => set({ open: false, returnFocus: null }),
}));
