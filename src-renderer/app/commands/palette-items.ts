import { commandLabel, keybindingsOf, type Command } from './registry';
import { matchLabel } from './match';

export interface PaletteItem {
  id: string;
  label: string;
  positions: number[];
  keybinding: string | undefined;
}

/** The palette's rows for a query: matching commands, best match first, then alphabetically. */
export function paletteItems(commands: readonly Command[], query: string): PaletteItem[] {
  const scored = commands.flatMap((command) => {
    const label = commandLabel(command);
    const match = matchLabel(query, label);
    return match ? [{ score: match.score, item: { id: command.id, label, positions: match.positions, keybinding: keybindingsOf(command)[0] } }] : [];
  });
  scored.sort((a, b) => a.score - b.score || a.item.label.localeCompare(b.item.label));
  return scored.map(({ item }) => item);
}
