import { host } from '../../platform/host';
import { panelHeightLimits, secondarySideBarWidthLimits, sideBarWidthLimits, useLayoutStore } from './layout-store';

const layoutKey = 'workbench.layout';

/** Restores part sizes from the profile's UI state; anything missing or malformed keeps the default. */
export async function restoreLayout(): Promise<void> {
  const saved = await host()
    .state.get({ key: layoutKey })
    .catch(() => null);
  if (typeof saved !== 'object' || saved === null) return;
  const { sideBarWidth, panelHeight, secondarySideBarWidth, secondarySideBarVisible } = saved as Record<string, unknown>;
  const store = useLayoutStore.getState();
  // The window may be smaller than when the sizes were saved.
  if (isSize(sideBarWidth)) store.setSideBarWidth(clamp(sideBarWidth, sideBarWidthLimits.min, window.innerWidth * 0.6));
  if (isSize(panelHeight)) store.setPanelHeight(clamp(panelHeight, panelHeightLimits.min, window.innerHeight * 0.7));
  if (isSize(secondarySideBarWidth)) {
    store.setSecondarySideBarWidth(clamp(secondarySideBarWidth, secondarySideBarWidthLimits.min, window.innerWidth * 0.6));
  }
  if (typeof secondarySideBarVisible === 'boolean') store.setSecondarySideBarVisible(secondarySideBarVisible);
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.max(min, Math.min(max, value)));
}

export function saveLayout(): void {
  const { sideBarWidth, panelHeight, secondarySideBarWidth, secondarySideBarVisible } = useLayoutStore.getState();
  void host()
    .state.set({ key: layoutKey, value: { sideBarWidth, panelHeight, secondarySideBarWidth, secondarySideBarVisible } })
    .catch(() => undefined);
}
