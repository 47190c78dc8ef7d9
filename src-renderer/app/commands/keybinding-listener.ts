import type { Disposable } from '../../../src-shared/contract';
import { keybindingsOf, listCommands } from './registry';
import { chordParts, matchesKeybinding, parseKeybinding } from './keybinding';
import { runCommand } from './run-command';

const modifierKeys = new Set(['Control', 'Shift', 'Alt', 'Meta']);

/** How long a press that is a command of its own and also a chord's first press waits for the chord. */
const chordFallbackMs = 500;

/** Every (command, presses) pair of the keybindings that apply where the focus is now. */
function bindings(): { id: string; presses: string[] }[] {
  return listCommands()
    .filter((command) => command.when?.() ?? true)
    .flatMap((command) => keybindingsOf(command).map((text) => ({ id: command.id, presses: chordParts(text) })));
}

/**
 * Listens in the capture phase on the window, so the workbench sees a key before Monaco or an
 * input does (Monaco would otherwise open its own palette on Ctrl+Shift+P). Chords such as
 * `mod+k u` wait for their second press; any other press ends the wait. A press that is also a
 * command on its own (`mod+k` in a code editor) runs that command when no second press follows
 * within `chordFallbackMs`, so the chords keep working.
 */
export function installKeybindingListener(target: Window = window): Disposable {
  let chordStart: string | null = null;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const endChord = (): void => {
    chordStart = null;
    clearTimeout(fallback);
    fallback = undefined;
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || modifierKeys.has(event.key)) return;
    if (chordStart !== null && event.repeat) {
      // The first press still held down: the chord keeps waiting.
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const all = bindings();
    const matches = (press: string | undefined): boolean => press !== undefined && matchesKeybinding(parseKeybinding(press), event);
    let command: string | undefined;
    let startsChord = false;
    if (chordStart !== null) {
      const first = chordStart;
      endChord();
      command = all.find((binding) => binding.presses.length === 2 && binding.presses[0] === first && matches(binding.presses[1]))?.id;
      // The second press of a chord that names nothing is swallowed, as in VS Code.
      if (!command) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    } else {
      command = all.find((binding) => binding.presses.length === 1 && matches(binding.presses[0]))?.id;
      const chord = all.find((binding) => binding.presses.length === 2 && matches(binding.presses[0]));
      if (chord) {
        chordStart = chord.presses[0] ?? null;
        startsChord = true;
        const alone = command;
        command = undefined;
        if (alone) {
          fallback = setTimeout(() => {
            endChord();
            void runCommand(alone);
          }, chordFallbackMs);
        }
      }
    }
    if (!command && !startsChord) return;
    event.preventDefault();
    event.stopPropagation();
    // A held key still must not reach the browser (Ctrl+S would open its save dialog), but runs once.
    if (command && !event.repeat) void runCommand(command);
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return {
    dispose: () => {
      endChord();
      target.removeEventListener('keydown', onKeyDown, { capture: true });
    },
  };
}
