import { create } from 'zustand';

export const sideBarWidthLimits = { min: 170, default: 260 } as const;
export const panelHeightLimits = { min: 100, default: 240 } as const;
export const secondarySideBarWidthLimits = { min: 280, default: 400 } as const;

/** The views the side bar can show, one at a time (one per line: features add theirs). */
export const sideBarViews = [
  'explorer',
  'search',
  'scm',
  'outline',
  'tests',
  'pipelines',
  'plugins',
  'plugin-views',
  'settings',
] as const;
export type SideBarView = (typeof sideBarViews)[number];

interface LayoutState {
  sideBarWidth: number;
  panelHeight: number;
  sideBarView: SideBarView;
  secondarySideBarWidth: number;
  secondarySideBarVisible: boolean;
  showSideBarView(view: SideBarView): void;
  setSideBarWidth(width: number): void;
  setPanelHeight(height: number): void;
  setSecondarySideBarWidth(width: number): void;
  setSecondarySideBarVisible(visible: boolean): void;
}

/**
 * Sizes of the resizable parts. The primary side bar's and the panel's visibility are settings; the
 * secondary side bar's is layout state, kept with the sizes.
 */
export const useLayoutStore = create<LayoutState>()((set) => ({
  sideBarWidth: sideBarWidthLimits.default,
  panelHeight: panelHeightLimits.default,
  sideBarView: 'explorer',
  showSideBarView: (sideBarView) => set({ sideBarView }),
  setSideBarWidth: (sideBarWidth) => set({ sideBarWidth }),
  setPanelHeight: (panelHeight) => set({ panelHeight }),
  secondarySideBarWidth: secondarySideBarWidthLimits.default,
  secondarySideBarVisible: false,
  setSecondarySideBarWidth: (secondarySideBarWidth) => set({ secondarySideBarWidth }),
  setSecondarySideBarVisible: (secondarySideBarVisible) => set({ secondarySideBarVisible }),
}));
