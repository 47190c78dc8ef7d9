import { useRef } from 'react';
import { saveLayout } from './layout-persistence';

interface ResizableOptions {
  size: number;
  min: number;
  max(): number;
  defaultSize: number;
  /** 1 when dragging towards positive coordinates grows the part, -1 when it shrinks it. */
  direction: 1 | -1;
  apply(size: number): void;
}

/** Sash callbacks that resize a part within limits and remember the size when the drag ends. */
export function useResizable({ size, min, max, defaultSize, direction, apply }: ResizableOptions) {
  const startSize = useRef(size);
  const clamp = (value: number) => Math.round(Math.max(min, Math.min(max(), value)));
  return {
    onDragStart: () => {
      startSize.current = size;
    },
    onDrag: (delta: number) => apply(clamp(startSize.current + direction * delta)),
    onDragEnd: () => saveLayout(),
    onReset: () => {
      apply(defaultSize);
      saveLayout();
    },
  };
}
