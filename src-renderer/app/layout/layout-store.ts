import { create } from 'zustand';

export const sideBarWidthLimits = { min: 170, default: 260 } as const;
export const panelHeightLimits = { min: 100, default: 240 } as const;

/** The views the side bar can show, one at a time (one per line: features add theirs). */
export const sideBarViews = [
  'explorer',
  'search',
  'settings',
] as const;
export type SideBarView = (typeof sideBarViews)[number];

interface LayoutState {
  sideBarWidth: number;
  panelHeight: number;
  sideBarView: SideBarView;
  showSideBarView(view: SideBarView): void;
  setSideBarWidth(width: number): void;
  setPanelHeight(height: number): void;
}

/** Sizes of the resizable parts; their visibility is a setting, not layout state. */
export const useLayoutStore = create<LayoutState>()((set) => ({
  sideBarWidth: sideBarWidthLimits.default,
  panelHeight: panelHeightLimits.default,
  sideBarView: 'explorer',
  showSideBarView: (sideBarView) => set({ sideBarView }),
  setSideBarWidth: (sideBarWidth) => set({ sideBarWidth }),
  setPanelHeight: (panelHeight) => set({ panelHeight }),
}));
