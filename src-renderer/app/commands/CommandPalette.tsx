import { useMemo, useState } from 'react';
import { QuickPick } from '../../platform/ui/QuickPick';
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
  const items = useMemo(() => paletteItems(listCommands(), query), [query]);

  return (
    <QuickPick
      value={query}
      onValueChange={setQuery}
      placeholder="Type the name of a command to run."
      inputTestId="command-palette-input"
      items={items}
      getKey={(item) => item.id}
      renderItem={(item) => (
        <>
          <HighlightedLabel text={item.label} positions={item.positions} />
          {item.keybinding ? <KeybindingLabel keybinding={item.keybinding} /> : null}
        </>
      )}
      getRowAttributes={(item) => ({ 'data-command-id': item.id })}
      emptyText="No matching commands"
      listAriaLabel="Commands"
      onPick={(item) => void runCommand(item.id)}
      onHide={hide}
      returnFocus={() => usePaletteStore.getState().returnFocus}
      ariaLabel="Command Palette"
      testId="command-palette"
      className="command-palette"
    />
  );
}
