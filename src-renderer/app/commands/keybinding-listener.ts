import type { Disposable } from '../../../src-shared/contract';
import { keybindingsOf, listCommands } from './registry';
import { chordParts, matchesKeybinding, parseKeybinding } from './keybinding';
import { runCommand } from './run-command';

const modifierKeys = new Set(['Control', 'Shift', 'Alt', 'Meta']);

/** Every (command, presses) pair of the registered keybindings. */
function bindings(): { id: string; presses: string[] }[] {
  return listCommands().flatMap((command) => keybindingsOf(command).map((text) => ({ id: command.id, presses: chordParts(text) })));
}

/**
 * Listens in the capture phase on the window, so the workbench sees a key before Monaco or an
 * input does (Monaco would otherwise open its own palette on Ctrl+Shift+P). Chords such as
 * `mod+k u` wait for their second press; any other press ends the wait.
 */
export function installKeybindingListener(target: Window = window): Disposable {
  let chordStart: string | null = null;
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || modifierKeys.has(event.key)) return;
    const all = bindings();
    const matches = (press: string | undefined): boolean => press !== undefined && matchesKeybinding(parseKeybinding(press), event);
    let command: string | undefined;
    let startsChord = false;
    if (chordStart !== null) {
      const first = chordStart;
      chordStart = null;
      command = all.find((binding) => binding.presses.length === 2 && binding.presses[0] === first && matches(binding.presses[1]))?.id;
      // The second press of a chord that names nothing is swallowed, as in VS Code.
      if (!command) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    } else {
      command = all.find((binding) => binding.presses.length === 1 && matches(binding.presses[0]))?.id;
      const chord = command ? undefined : all.find((binding) => binding.presses.length === 2 && matches(binding.presses[0]));
      if (chord) {
        chordStart = chord.presses[0] ?? null;
        startsChord = true;
      }
    }
    if (!command && !startsChord) return;
    event.preventDefault();
    event.stopPropagation();
    // A held key still must not reach the browser (Ctrl+S would open its save dialog), but runs once.
    if (command && !event.repeat) void runCommand(command);
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return { dispose: () => target.removeEventListener('keydown', onKeyDown, { capture: true }) };
}
