import { z } from 'zod';

export const windowStateKey = 'window.bounds';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const savedWindowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

/** How much of a window must lie on a display for the user to be able to grab it. */
const minimumVisible = { width: 120, height: 60 };

/**
 * Where to open the window: the saved bounds when they are well formed and enough of them lies on
 * one of today's displays (a monitor may have been unplugged since), shrunk to fit that display;
 * otherwise undefined, and the window opens at its default size, centred.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rectangle[]): SavedWindowState | undefined {
  const parsed = savedWindowStateSchema.safeParse(saved);
  if (!parsed.success) return undefined;
  const state = parsed.data;
  let best: { area: Rectangle; overlap: Rectangle } | undefined;
  for (const area of workAreas) {
    const overlap = intersection(state, area);
    if (!overlap || overlap.width < minimumVisible.width || overlap.height < minimumVisible.height) continue;
    if (!best || overlap.width * overlap.height > best.overlap.width * best.overlap.height) best = { area, overlap };
  }
  if (!best) return undefined;
  const width = Math.min(state.width, best.area.width);
  const height = Math.min(state.height, best.area.height);
  return {
    x: Math.max(best.area.x, Math.min(state.x, best.area.x + best.area.width - width)),
    y: Math.max(best.area.y, Math.min(state.y, best.area.y + best.area.height - height)),
    width,
    height,
    maximized: state.maximized,
  };
}

function intersection(a: Rectangle, b: Rectangle): Rectangle | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

/** The parts of a BrowserWindow the tracker reads. */
export interface TrackedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export interface WindowStateTracker {
  /** Saves now (if anything is pending or not) and stops tracking. */
  dispose(): void;
}

/** Saves a window's normal bounds and maximized flag, debounced while the user drags. */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: SavedWindowState) => void,
  { debounceMs = 500, onError }: { debounceMs?: number; onError?: (error: unknown) => void } = {},
): WindowStateTracker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const saveNow = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped || window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      maximized: window.isMaximized(),
    };
    const checked = savedWindowStateSchema.safeParse(state);
    if (!checked.success) return;
    try {
      save(checked.data);
    } catch (error) {
      onError?.(error);
    }
  };
  const saveSoon = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };

  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('maximize', saveNow);
  window.on('unmaximize', saveNow);
  window.on('close', () => {
    saveNow();
    stopped = true;
  });

  return {
    dispose() {
      saveNow();
      stopped = true;
    },
  };
}
