import { useLayoutEffect, useState, type RefObject } from 'react';

/** Rows drawn above and below the viewport, so fast scrolling shows no gaps. */
const overscan = 30;

/**
 * Which rows of a fixed-height list lie in its scroller's viewport: a log of a million lines keeps a few
 * dozen in the DOM. Returns the range to draw, end exclusive.
 */
export function useVisibleWindow(scroller: RefObject<HTMLElement | null>, rowHeight: number, rowCount: number): { start: number; end: number; onScroll(): void } {
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewport({ top: element.scrollTop, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);
  const start = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan);
  const end = Math.min(rowCount, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan);
  return {
    start,
    end,
    onScroll: () => {
      const element = scroller.current;
      if (element) setViewport({ top: element.scrollTop, height: element.clientHeight });
    },
  };
}
