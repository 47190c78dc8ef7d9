import type { Disposable } from '../../../src-shared/contract';

export interface Command {
  /** Stable id used by keybindings, native menus and plugins, e.g. `workbench.action.files.save`. */
  readonly id: string;
  readonly title: string;
  /** Shown before the title in the palette: "Category: Title". */
  readonly category: string;
  /** Strings like `mod+shift+p` (`mod` is Cmd on macOS, Ctrl elsewhere); the first one is shown as the label. */
  readonly keybinding?: string | readonly string[];
  /** Where the keybinding applies (a focused code editor); the palette offers the command everywhere. */
  readonly when?: () => boolean;
  run(): void | Promise<void>;
}

const commands = new Map<string, Command>();

export function registerCommand(command: Command): Disposable {
  if (commands.has(command.id)) throw new Error(`The command ${command.id} is already registered`);
  commands.set(command.id, command);
  return {
    dispose() {
      if (commands.get(command.id) === command) commands.delete(command.id);
    },
  };
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

/** Every registered command, in registration order. */
export function listCommands(): Command[] {
  return [...commands.values()];
}

export function commandLabel(command: Command): string {
  return `${command.category}: ${command.title}`;
}

export function keybindingsOf(command: Command): readonly string[] {
  if (command.keybinding === undefined) return [];
  return typeof command.keybinding === 'string' ? [command.keybinding] : command.keybinding;
}
