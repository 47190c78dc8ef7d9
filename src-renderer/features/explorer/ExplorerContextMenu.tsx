import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { copyPath, copyRelativePath, deleteEntry, startCreate, startRename } from './operations';
import { useExplorerStore } from './store';

interface MenuItem {
  label: string;
  keybinding?: string;
  run(): void | Promise<void>;
}

/** The explorer's right-click menu; Escape, a click elsewhere or losing the window close it. */
export function ExplorerContextMenu() {
  const menu = useExplorerStore((state) => state.menu);
  const element = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!menu || !element.current) {
      setPosition(null);
      return;
    }
    // Keep the menu inside the window, flipping it up or left near the edges like a native menu.
    const { width, height } = element.current.getBoundingClientRect();
    const left = menu.x + width > window.innerWidth ? Math.max(0, menu.x - width) : menu.x;
    const top = menu.y + height > window.innerHeight ? Math.max(0, menu.y - height) : menu.y;
    setPosition({ left, top });
    element.current.focus();
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const close = (): void => useExplorerStore.getState().setMenu(null);
    const onPointerDown = (event: MouseEvent): void => {
      if (!element.current?.contains(event.target as Node)) close();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
        useExplorerStore.getState().requestFocus();
      }
    };
    window.addEventListener('mousedown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('blur', close);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('mousedown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('blur', close);
      window.removeEventListener('resize', close);
    };
  }, [menu]);

  if (!menu) return null;
  const { path } = menu;
  const groups: MenuItem[][] = [
    [
      { label: 'New File...', run: () => startCreate('newFile', path) },
      { label: 'New Folder...', run: () => startCreate('newFolder', path) },
    ],
    [
      { label: 'Copy Path', run: () => copyPath(path ?? '') },
      { label: 'Copy Relative Path', run: () => copyRelativePath(path ?? '') },
    ],
  ];
  if (path !== null) {
    groups.push([
      { label: 'Rename...', keybinding: 'F2', run: () => startRename(path) },
      { label: 'Delete', keybinding: 'Delete', run: () => deleteEntry(path) },
    ]);
  }
  const run = (item: MenuItem): void => {
    useExplorerStore.getState().setMenu(null);
    void item.run();
  };

  return (
    <div
      ref={element}
      className="explorer-context-menu"
      role="menu"
      tabIndex={-1}
      data-testid="explorer-context-menu"
      style={position ?? { left: menu.x, top: menu.y, visibility: 'hidden' }}
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
      {groups.map((group, groupIndex) => (
        <div key={groupIndex} className="explorer-context-menu-group" role="group">
          {group.map((item) => (
            <button key={item.label} type="button" role="menuitem" className="explorer-context-menu-item" onClick={() => run(item)}>
              <span>{item.label}</span>
              {item.keybinding ? <span className="explorer-context-menu-key">{item.keybinding}</span> : null}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
