import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import './context-menu.css';

export interface ContextMenuItem {
  label: string;
  keybinding?: string;
  run(): void | Promise<void>;
}

interface ContextMenuProps {
  /** Where the pointer was: the menu opens there, flipped to stay inside the window. */
  x: number;
  y: number;
  groups: readonly (readonly ContextMenuItem[])[];
  onClose(): void;
  /** Escape closes the menu and hands the focus back here (a click on an item runs it instead). */
  onEscape?(): void;
  testId: string;
}

/** A right-click menu in the workbench's style; Escape, a click elsewhere or losing the window close it. */
export function ContextMenu({ x, y, groups, onClose, onEscape, testId }: ContextMenuProps) {
  const element = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!element.current) return;
    // Keep the menu inside the window, flipping it up or left near the edges like a native menu.
    const { width, height } = element.current.getBoundingClientRect();
    const left = x + width > window.innerWidth ? Math.max(0, x - width) : x;
    const top = y + height > window.innerHeight ? Math.max(0, y - height) : y;
    setPosition({ left, top });
    element.current.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointerDown = (event: MouseEvent): void => {
      if (!element.current?.contains(event.target as Node)) onClose();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
      onEscape?.();
    };
    window.addEventListener('mousedown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('mousedown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose, onEscape]);

  const run = (item: ContextMenuItem): void => {
    onClose();
    void item.run();
  };

  return (
    <div
      ref={element}
      className="context-menu"
      role="menu"
      tabIndex={-1}
      data-testid={testId}
      style={position ?? { left: x, top: y, visibility: 'hidden' }}
      onContextMenu={(event) => {
        event.preventDefault();
        event.stopPropagation();
      }}
      onKeyDown={(event) => {
        const items = [...(element.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
        const index = items.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
        else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
        else return;
        event.preventDefault();
      }}
    >
      {groups
        .filter((group) => group.length > 0)
        .map((group, groupIndex) => (
          <div key={groupIndex} className="context-menu-group" role="group">
            {group.map((item) => (
              <button key={item.label} type="button" role="menuitem" className="context-menu-item" onClick={() => run(item)}>
                <span>{item.label}</span>
                {item.keybinding ? <span className="context-menu-key">{item.keybinding}</span> : null}
              </button>
            ))}
          </div>
        ))}
    </div>
  );
}
