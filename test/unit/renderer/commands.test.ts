import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../../src-renderer/app/commands/registry';

import type * as KeybindingModule from '../../../src-renderer/app/commands/keybinding';
import type * as PaletteModule from '../../../src-renderer/app/commands/palette-items';

let keys: typeof KeybindingModule;
let palette: typeof PaletteModule;

beforeAll(async () => {
  // The renderer reads the platform from the browser; here it is a Linux browser.
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' });
  keys = await import('../../../src-renderer/app/commands/keybinding');
  palette = await import('../../../src-renderer/app/commands/palette-items');
});

const command = (id: string, category: string, title: string, keybinding?: string): Command => ({ id, category, title, keybinding, run: () => undefined });

const press = (init: Partial<KeyboardEvent>): KeyboardEvent =>
  ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, key: '', code: '', ...init }) as KeyboardEvent;

describe('keybindings', () => {
  it('reads mod as Ctrl outside macOS and matches the physical key under Shift', () => {
    const binding = keys.parseKeybinding('mod+shift+p');
    expect(binding).toEqual({ ctrl: true, meta: false, alt: false, shift: true, key: 'p' });
    expect(keys.matchesKeybinding(binding, press({ ctrlKey: true, shiftKey: true, key: 'P', code: 'KeyP' }))).toBe(true);
    expect(keys.matchesKeybinding(binding, press({ ctrlKey: true, key: 'p', code: 'KeyP' }))).toBe(false);
    expect(keys.matchesKeybinding(binding, press({ metaKey: true, shiftKey: true, key: 'P', code: 'KeyP' }))).toBe(false);
  });

  it('labels bindings the way the platform writes them', () => {
    expect(keys.formatKeybinding('mod+shift+p')).toBe('Ctrl+Shift+P');
    expect(keys.formatKeybinding('f1')).toBe('F1');
  });

  it('refuses a modifier it does not know', () => {
    expect(() => keys.parseKeybinding('hyper+p')).toThrow(/Unknown modifier/);
  });
});

describe('command palette items', () => {
  const commands = [
    command('workbench.action.togglePanel', 'View', 'Toggle Panel Visibility', 'mod+j'),
    command('workbench.action.toggleTheme', 'Preferences', 'Toggle Light/Dark Theme'),
    command('lathe.showHostStatus', 'Developer', 'Show Host Status'),
  ];

  it('lists every command, alphabetically, for an empty query', () => {
    expect(palette.paletteItems(commands, '  ').map((item) => item.label)).toEqual([
      'Developer: Show Host Status',
      'Preferences: Toggle Light/Dark Theme',
      'View: Toggle Panel Visibility',
    ]);
  });

  it('matches fuzzily, case-insensitively, and reports the matched characters', () => {
    const [first, ...rest] = palette.paletteItems(commands, 'hoststat');
    expect(rest).toEqual([]);
    expect(first?.id).toBe('lathe.showHostStatus');
    const label = first?.label ?? '';
    expect(first?.positions.map((index) => label[index]).join('').toLowerCase()).toBe('hoststat');
    expect(first?.keybinding).toBeUndefined();
  });

  it('returns nothing when the query does not match', () => {
    expect(palette.paletteItems(commands, 'zzzq')).toEqual([]);
  });
});
