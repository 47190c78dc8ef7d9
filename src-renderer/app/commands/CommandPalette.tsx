import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { HighlightedLabel } from './HighlightedLabel';
import { KeybindingLabel } from './KeybindingLabel';
import { paletteItems } from './palette-items';
import { usePaletteStore } from './palette-store';
import { listCommands } from './registry';
import { runCommand } from './run-command';
import './command-palette.css';

/** The overlay for Ctrl/Cmd+Shift+P: every registered command, filtered as you type. */
export function CommandPalette() {
  const open = usePaletteStore((state) => state.open);
  const generation = usePaletteStore((state) => state.generation);
  const initialQuery = usePaletteStore((state) => state.initialQuery);
  if (!open) return null;
  return <PaletteOverlay key={generation} initialQuery={initialQuery} />;
}

function PaletteOverlay({ initialQuery }: { initialQuery: string }) {
  const hide = usePaletteStore((state) => state.hide);
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const items = useMemo(() => paletteItems(listCommands(), query), [query]);
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, items]);

  const dismiss = (): void => {
    const { returnFocus } = usePaletteStore.getState();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    hide();
  };

  const run = (id: string): void => {
    dismiss();
    void runCommand(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const move = (to: number) => {
      event.preventDefault();
      if (items.length > 0) setActive((to + items.length) % items.length);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(Math.min(activeIndex + 10, items.length - 1));
    else if (event.key === 'PageUp') move(Math.max(activeIndex - 10, 0));
    else if (event.key === 'Escape') {
      event.preventDefault();
      dismiss();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[activeIndex];
      if (item) run(item.id);
    }
  };

  const activeId = items[activeIndex] ? `palette-item-${activeIndex}` : undefined;

  return (
    <div
      className="command-palette"
      data-testid="command-palette"
      role="dialog"
      aria-label="Command Palette"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hide();
      }}
    >
      <div className="command-palette-input-row">
        <input
          ref={input}
          className="command-palette-input"
          data-testid="command-palette-input"
          type="text"
          value={query}
          placeholder="Type the name of a command to run."
          spellCheck={false}
          autoComplete="off"
          role="combobox"
          aria-expanded="true"
          aria-controls="command-palette-list"
          aria-activedescendant={activeId}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div ref={list} id="command-palette-list" className="command-palette-list" role="listbox" aria-label="Commands">
        {items.length === 0 ? (
          <div className="command-palette-empty">No matching commands</div>
        ) : (
          items.map((item, index) => (
            <div
              key={item.id}
              id={`palette-item-${index}`}
              className="command-palette-item"
              role="option"
              aria-selected={index === activeIndex}
              data-command-id={item.id}
              onMouseMove={() => setActive(index)}
              // Keep focus in the input so its blur does not close the palette before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(item.id)}
            >
              <HighlightedLabel text={item.label} positions={item.positions} />
              {item.keybinding ? <KeybindingLabel keybinding={item.keybinding} /> : null}
            </div>
          ))
        )}
      </div>
    </div>
  );
}
