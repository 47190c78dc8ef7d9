import { Fragment } from 'react';
import { chordParts, formatKeybinding, keybindingLabelParts } from './keybinding';

/** A keybinding drawn as key caps, like VS Code's palette; a chord's presses are set apart. */
export function KeybindingLabel({ keybinding }: { keybinding: string }) {
  return (
    <span className="keybinding-label" aria-label={formatKeybinding(keybinding)}>
      {chordParts(keybinding).map((press, pressIndex) => (
        <Fragment key={pressIndex}>
          {pressIndex > 0 ? <span className="keybinding-chord-gap" /> : null}
          {keybindingLabelParts(press).map((part, index) => (
            <kbd key={index}>{part}</kbd>
          ))}
        </Fragment>
      ))}
    </span>
  );
}
