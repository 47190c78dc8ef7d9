import { useRef, type PointerEvent } from 'react';
import './sash.css';

interface SashProps {
  /** `vertical` sits between columns and drags left/right; `horizontal` between rows, up/down. */
  orientation: 'vertical' | 'horizontal';
  /** Pixels moved since the drag started. */
  onDrag(delta: number): void;
  onDragStart?(): void;
  onDragEnd?(): void;
  onReset?(): void;
  label: string;
}

/** A thin drag handle, like VS Code's sash, using pointer capture so fast drags do not lose it. */
export function Sash({ orientation, onDrag, onDragStart, onDragEnd, onReset, label }: SashProps) {
  const start = useRef<number | null>(null);
  const coordinate = (event: PointerEvent) => (orientation === 'vertical' ? event.clientX : event.clientY);

  return (
    <div
      className={`sash sash-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = coordinate(event);
        document.body.classList.add(`sash-dragging-${orientation}`);
        onDragStart?.();
      }}
      onPointerMove={(event) => {
        if (start.current !== null) onDrag(coordinate(event) - start.current);
      }}
      onPointerUp={(event) => {
        if (start.current === null) return;
        start.current = null;
        event.currentTarget.releasePointerCapture(event.pointerId);
        document.body.classList.remove(`sash-dragging-${orientation}`);
        onDragEnd?.();
      }}
      onDoubleClick={onReset}
    />
  );
}
