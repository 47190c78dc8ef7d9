import type { ITheme } from '@xterm/xterm';

// ANSI colours of VS Code's Dark Modern and Light Modern terminal palettes.
const dark: ITheme = {
  black: '#000000',
  red: '#cd3131',
  green: '#0dbc79',
  yellow: '#e5e510',
  blue: '#2472c8',
  magenta: '#bc3fbc',
  cyan: '#11a8cd',
  white: '#e5e5e5',
  brightBlack: '#666666',
  brightRed: '#f14c4c',
  brightGreen: '#23d18b',
  brightYellow: '#f5f543',
  brightBlue: '#3b8eea',
  brightMagenta: '#d670d6',
  brightCyan: '#29b8db',
  brightWhite: '#e5e5e5',
  selectionBackground: '#264f78',
  cursor: '#aeafad',
};

const light: ITheme = {
  black: '#000000',
  red: '#cd3131',
  green: '#107c10',
  yellow: '#949800',
  blue: '#0451a5',
  magenta: '#bc05bc',
  cyan: '#0598bc',
  white: '#555555',
  brightBlack: '#666666',
  brightRed: '#cd3131',
  brightGreen: '#14ce14',
  brightYellow: '#b5ba00',
  brightBlue: '#0451a5',
  brightMagenta: '#bc05bc',
  brightCyan: '#0598bc',
  brightWhite: '#a5a5a5',
  selectionBackground: '#add6ff',
  cursor: '#005fb8',
};

/** The terminal's colours for the workbench theme, on the panel's own background. */
export function terminalTheme(theme: 'dark' | 'light'): ITheme {
  const style = getComputedStyle(document.documentElement);
  const variable = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const base = theme === 'light' ? light : dark;
  return {
    ...base,
    background: variable('--panel-background', theme === 'light' ? '#f8f8f8' : '#181818'),
    foreground: variable('--foreground', theme === 'light' ? '#3b3b3b' : '#cccccc'),
    cursorAccent: variable('--panel-background', theme === 'light' ? '#f8f8f8' : '#181818'),
  };
}
