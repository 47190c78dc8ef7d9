import type { Disposable } from '../../../src-shared/contract';
import { keybindingsOf, listCommands } from './registry';
import { matchesKeybinding, parseKeybinding } from './keybinding';
import { runCommand } from './run-command';

/**
 * Listens in the capture phase on the window, so the workbench sees a key before Monaco or an
 * input does (Monaco would otherwise open its own palette on Ctrl+Shift+P).
 */
export function installKeybindingListener(target: Window = window): Disposable {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const command = listCommands().find((candidate) =>
      keybindingsOf(candidate).some((text) => matchesKeybinding(parseKeybinding(text), event)),
    );
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    // A held key still must not reach the browser (Ctrl+S would open its save dialog), but runs once.
    if (!event.repeat) void runCommand(command.id);
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return { dispose: () => target.removeEventListener('keydown', onKeyDown, { capture: true }) };
}
