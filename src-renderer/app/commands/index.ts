export { registerCommand, listCommands, getCommand, commandLabel, type Command } from './registry';
export { runCommand } from './run-command';
export { installKeybindingListener } from './keybinding-listener';
export { formatKeybinding } from './keybinding';
export { usePaletteStore } from './palette-store';
export { CommandPalette } from './CommandPalette';
