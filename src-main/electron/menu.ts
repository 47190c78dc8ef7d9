import type { MenuItemConstructorOptions } from 'electron';

/** Command ids shared with the workbench's command palette. */
export const menuCommands = {
  showCommands: 'workbench.action.showCommands',
  toggleSidebar: 'workbench.action.toggleSidebarVisibility',
  togglePanel: 'workbench.action.togglePanel',
  toggleTheme: 'workbench.action.toggleTheme',
  showHostStatus: 'lathe.showHostStatus',
  save: 'workbench.action.files.save',
  reloadWindow: 'workbench.action.reloadWindow',
  openFolder: 'workbench.action.openFolder',
  openRecent: 'workbench.action.openRecent',
} as const;

export interface MenuActions {
  platform: NodeJS.Platform;
  appName: string;
  /** Runs a command of the workbench's registry in every window. */
  requestCommand(command: string): void;
  /** Open Folder is native: it needs the OS folder picker. */
  openFolder(): void;
}

/**
 * The native application menu. Workbench commands are forwarded to the renderer, which owns the
 * keybindings: on Windows and Linux the accelerators are shown but not registered, so a key is
 * handled once, by the workbench.
 */
export function applicationMenuTemplate({ platform, appName, requestCommand, openFolder }: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (label: string, id: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => requestCommand(id),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'Open &Folder…', accelerator: 'CmdOrCtrl+O', click: () => openFolder() },
        command('Open &Recent…', menuCommands.openRecent, 'CmdOrCtrl+R'),
        { type: 'separator' },
        command('&Save', menuCommands.save, 'CmdOrCtrl+S'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        command('&Command Palette…', menuCommands.showCommands, 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        command('Toggle &Sidebar', menuCommands.toggleSidebar, 'CmdOrCtrl+B'),
        command('Toggle &Panel', menuCommands.togglePanel, 'CmdOrCtrl+J'),
        command('Toggle &Theme', menuCommands.toggleTheme),
        { type: 'separator' },
        command('&Reload Window', menuCommands.reloadWindow),
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      label: '&Help',
      submenu: [command('Host &Status', menuCommands.showHostStatus), ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const }])],
    },
  ];
}
