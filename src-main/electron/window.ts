import { BrowserWindow } from 'electron';
import { appEntryUrl } from './app-origin';
import type { SavedWindowState } from './window-state';

/** The dark theme's editor background, so the window never flashes white before the first paint. */
const backgroundColor = '#1e1e1e';

export function createWorkbenchWindow({ preload, restored, title }: { preload: string; restored: SavedWindowState | undefined; title: string }): BrowserWindow {
  const workbenchWindow = new BrowserWindow({
    title,
    width: restored?.width ?? 1280,
    height: restored?.height ?? 800,
    ...(restored ? { x: restored.x, y: restored.y } : { center: true }),
    minWidth: 480,
    minHeight: 320,
    show: false,
    backgroundColor,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });

  let shown = false;
  const show = (): void => {
    if (shown || workbenchWindow.isDestroyed()) return;
    shown = true;
    if (restored?.maximized) workbenchWindow.maximize();
    workbenchWindow.show();
  };
  workbenchWindow.once('ready-to-show', show);
  // A page that fails to load never becomes ready; show the window anyway rather than hang invisibly.
  workbenchWindow.webContents.once('did-fail-load', show);

  void workbenchWindow.loadURL(appEntryUrl).catch(() => undefined);
  return workbenchWindow;
}
