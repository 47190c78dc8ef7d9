import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreWindowState, trackWindowState, type Rectangle, type SavedWindowState } from '../../src-main/electron/window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 870 };
const monitorOnTheRight: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('restoreWindowState', () => {
  it('restores bounds that lie on a display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 700, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual(saved);
    expect(restoreWindowState({ ...saved, x: 1600, maximized: true }, [laptop, monitorOnTheRight])).toEqual({ ...saved, x: 1600, maximized: true });
  });

  it('ignores bounds on a display that is no longer there', () => {
    expect(restoreWindowState({ x: 1600, y: 100, width: 1200, height: 700, maximized: false }, [laptop])).toBeUndefined();
    expect(restoreWindowState({ x: -3000, y: -3000, width: 800, height: 600, maximized: true }, [laptop])).toBeUndefined();
  });

  it('ignores bounds of which only a sliver is visible', () => {
    expect(restoreWindowState({ x: 1400, y: 100, width: 800, height: 600, maximized: false }, [laptop])).toBeUndefined();
  });

  it('shrinks and moves a window that no longer fits its display', () => {
    expect(restoreWindowState({ x: 200, y: 100, width: 2400, height: 1300, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
      maximized: false,
    });
  });

  it.each([null, undefined, 'bounds', {}, { x: 0, y: 0, width: 800, height: 600 }, { x: 0, y: 0, width: 'wide', height: 600, maximized: false }, { x: 0.5, y: 0, width: 800, height: 600, maximized: false }, { x: 0, y: 0, width: 5, height: 5, maximized: false }])(
    'ignores malformed state %j',
    (saved) => {
      expect(restoreWindowState(saved, [laptop])).toBeUndefined();
    },
  );
});

class FakeWindow extends EventEmitter {
  bounds: Rectangle = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

describe('trackWindowState', () => {
  afterEach(() => vi.useRealTimers());

  it('saves once the user stops moving the window, and at once on close', () => {
    vi.useFakeTimers();
    const window = new FakeWindow();
    const saved: SavedWindowState[] = [];
    trackWindowState(window, (state) => saved.push(state), { debounceMs: 500 });
    for (let step = 0; step < 10; step += 1) {
      window.bounds = { ...window.bounds, x: 10 + step };
      window.emit('move');
      vi.advanceTimersByTime(100);
    }
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([{ x: 19, y: 20, width: 1000, height: 700, maximized: false }]);

    window.maximized = true;
    window.emit('maximize');
    expect(saved.at(-1)).toMatchObject({ maximized: true });

    window.emit('resize');
    window.emit('close');
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(3);
  });

  it('saves on dispose and never after', () => {
    vi.useFakeTimers();
    const window = new FakeWindow();
    const save = vi.fn();
    const tracker = trackWindowState(window, save);
    window.emit('resize');
    tracker.dispose();
    expect(save).toHaveBeenCalledTimes(1);
    window.emit('move');
    window.emit('close');
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('reports a failed save instead of throwing from a window event', () => {
    const window = new FakeWindow();
    const onError = vi.fn();
    trackWindowState(window, () => {
      throw new Error('database is closed');
    }, { onError });
    expect(() => window.emit('close')).not.toThrow();
    expect(onError).toHaveBeenCalledOnce();
  });
});
