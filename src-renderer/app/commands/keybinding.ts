import { isMac } from '../../platform/keyboard-platform';

export interface Keybinding {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  /** Lowercase key name: a letter, a digit, `f1`, `escape`, `enter`… */
  key: string;
}

/** Parses `mod+shift+p`; `mod` means Cmd on macOS and Ctrl elsewhere. */
export function parseKeybinding(text: string): Keybinding {
  const parts = text.toLowerCase().split('+').map((part) => part.trim());
  const key = parts.pop();
  if (!key) throw new Error(`The keybinding '${text}' has no key`);
  const binding: Keybinding = { ctrl: false, meta: false, alt: false, shift: false, key };
  for (const modifier of parts) {
    if (modifier === 'mod') binding[isMac ? 'meta' : 'ctrl'] = true;
    else if (modifier === 'ctrl') binding.ctrl = true;
    else if (modifier === 'cmd' || modifier === 'meta') binding.meta = true;
    else if (modifier === 'alt' || modifier === 'option') binding.alt = true;
    else if (modifier === 'shift') binding.shift = true;
    else throw new Error(`Unknown modifier '${modifier}' in the keybinding '${text}'`);
  }
  return binding;
}

/**
 * The key a binding names, read from the physical key for letters and digits: with Shift or Option
 * held, `event.key` turns into `P` or `π`, but `event.code` stays `KeyP`.
 */
export function eventKey(event: KeyboardEvent): string {
  const letterOrDigit = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(event.code);
  if (letterOrDigit) return (letterOrDigit[1] ?? letterOrDigit[2] ?? '').toLowerCase();
  return event.key.toLowerCase();
}

export function matchesKeybinding(binding: Keybinding, event: KeyboardEvent): boolean {
  return (
    binding.key === eventKey(event) &&
    binding.ctrl === event.ctrlKey &&
    binding.meta === event.metaKey &&
    binding.alt === event.altKey &&
    binding.shift === event.shiftKey
  );
}

const macSymbols = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' } as const;
const otherNames = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Win' } as const;

/** A chord such as `mod+k u`: the presses, in order (one for a plain keybinding). */
export function chordParts(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** The parts of the label a user reads: `⇧ ⌘ P` on macOS, `Ctrl Shift P` elsewhere. */
export function keybindingLabelParts(text: string): string[] {
  const binding = parseKeybinding(text);
  const key = binding.key.length === 1 ? binding.key.toUpperCase() : binding.key.replace(/^./, (first) => first.toUpperCase());
  const order = isMac ? (['ctrl', 'alt', 'shift', 'meta'] as const) : (['ctrl', 'shift', 'alt', 'meta'] as const);
  const names = isMac ? macSymbols : otherNames;
  return [...order.filter((modifier) => binding[modifier]).map((modifier) => names[modifier]), key];
}

/** `⇧⌘P` on macOS, `Ctrl+Shift+P` elsewhere; a chord's presses are separated by a space. */
export function formatKeybinding(text: string): string {
  return chordParts(text)
    .map((press) => keybindingLabelParts(press).join(isMac ? '' : '+'))
    .join(' ');
}
