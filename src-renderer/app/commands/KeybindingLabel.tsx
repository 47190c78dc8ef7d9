import { keybindingLabelParts } from './keybinding';

/** A keybinding drawn as key caps, like VS Code's palette. */
export function KeybindingLabel({ keybinding }: { keybinding: string }) {
  return (
    <span className="keybinding-label" aria-label={keybindingLabelParts(keybinding).join('+')}>
      {keybindingLabelParts(keybinding).map((part, index) => (
        <kbd key={index}>{part}</kbd>
      ))}
    </span>
  );
}
