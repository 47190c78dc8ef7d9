import { Fzf } from 'fzf';
import { commandLabel, keybindingsOf, type Command } from './registry';

export interface PaletteItem {
  id: string;
  label: string;
  /** Indices of the label's characters that the query matched, ascending. */
  positions: number[];
  keybinding: string | undefined;
}

/** The palette's rows for a query: fuzzy matches (fzf's algorithm) best first; all commands, sorted, for no query. */
export function paletteItems(commands: readonly Command[], query: string): PaletteItem[] {
  const rows = commands
    .map((command) => ({ id: command.id, label: commandLabel(command), keybinding: keybindingsOf(command)[0] }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (query.trim() === '') return rows.map((row) => ({ ...row, positions: [] }));
  const matches = new Fzf(rows, { selector: (row) => row.label, casing: 'case-insensitive' }).find(query.trim());
  return matches.map((match) => ({ ...match.item, positions: [...match.positions].sort((a, b) => a - b) }));
}
