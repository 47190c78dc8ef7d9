import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell, type OpenDialogOptions } from 'electron';
import { createHost, type Host } from '../host';
import { electronPluginHost } from '../../src-shared/plugin-host-frame';
import { contentSecurityPolicy } from '../host/csp';
import { resolveUserDataDir, resolveWorkspaceArg } from '../host/profile';
import { EncryptedFileSecretStore } from '../services/secrets';
import { appScheme } from './app-origin';
import { appSchemePrivileges, createAppRequestHandler } from './app-protocol';
import { argsForFolder, userArgsStart } from './command-line';
import { createIpcTransport, type IpcTransport } from './ipc-transport';
import { applicationMenuTemplate } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { utilityProcessLauncher } from './utility-process';
import { createWorkbenchWindow } from './window';
import { restoreWindowState, trackWindowState, windowStateKey, type WindowStateTracker } from './window-state';

/** Built to out/main/electron.cjs, next to out/preload and out/renderer. */
const outDir = join(__dirname, '..');
const rendererDir = join(outDir, 'renderer');
const preload = join(outDir, 'preload', 'preload.cjs');
const appName = 'Lathe';
/** A host that does not stop within this long is abandoned so that quitting always works. */
const shutdownTimeoutMs = 5_000;

const argsStart = userArgsStart(process.argv, { isPackaged: app.isPackaged, appPaths: [__filename, app.getAppPath()] });
const userArgs = process.argv.slice(argsStart);

// Everything here must happen before `ready`: schemes, the sandbox, and the profile folder, which
// Chromium's own data (cache, local storage) and the single-instance lock also use.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
app.enableSandbox();
const userDataDir = resolveUserDataDir({ argv: userArgs, env: process.env, fallback: app.getPath('userData') });
app.setPath('userData', userDataDir);

let host: Host | undefined;
let hostStarting: Promise<Host> | undefined;
let transport: IpcTransport | undefined;
let workbench: BrowserWindow | undefined;
let windowState: WindowStateTracker | undefined;
let workspaceRoot: string | null = null;
let phase: 'running' | 'stopping' | 'stopped' = 'running';

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), logger: () => host?.logger });
});

if (!app.requestSingleInstanceLock()) {
  // Another Lathe owns this profile; it has been told to come to the front (see `second-instance`).
  app.quit();
} else {
  app.on('second-instance', () => focusWorkbench());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && phase === 'running' && BrowserWindow.getAllWindows().length === 0) openWorkbench(host);
  });
  // Stopping waits for `will-quit`, after every window has closed: a page may still refuse to
  // unload (unsaved work), and then the app, host included, must keep running.
  app.on('will-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    void shutDown().finally(() => {
      phase = 'stopped';
      app.quit();
    });
  });
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Lathe could not start: ${message}`);
    dialog.showErrorBox('Lathe could not start', message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  let workspaceProblem: string | undefined;
  try {
    workspaceRoot = resolveWorkspaceArg(userArgs);
  } catch (error) {
    workspaceProblem = error instanceof Error ? error.message : String(error);
  }

  hostStarting = createHost({
    shell: 'electron',
    userDataDir,
    workspaceRoot,
    secrets: new EncryptedFileSecretStore(join(userDataDir, 'secrets.json'), safeStorage),
    version: app.getVersion(),
    trash: (path) => shell.trashItem(path),
    openFolder,
    ptyHostLauncher: utilityProcessLauncher('Lathe Terminals'),
    llmHostLauncher: utilityProcessLauncher('Lathe Local Model'),
    // out/ sits next to plugins/ in the checkout and in the packaged app's archive.
    builtinPluginsDir: join(outDir, '..', 'plugins'),
    ...developmentSqliteBinding(),
  });
  const started = await hostStarting;
  host = started;
  // Quit was asked for while the host was starting; shutDown stops it.
  if (phase !== 'running') return;
  if (workspaceProblem) started.notify({ severity: 'warning', source: 'electron', message: `Lathe opened no folder: ${workspaceProblem}` });

  hardenSession(session.defaultSession);
  protocol.handle(appScheme, createAppRequestHandler({ rendererDir, csp: contentSecurityPolicy({ connectSources: [], frameSources: [`${appScheme}://${electronPluginHost}`] }) }));
  transport = createIpcTransport({ ipcMain, router: started.router, logger: started.logger });

  app.setAboutPanelOptions({ applicationName: appName, applicationVersion: app.getVersion() });
  const template = applicationMenuTemplate({
    platform: process.platform,
    appName,
    requestCommand: (command) => started.requestCommand(command),
    openFolder: () => void openFolder(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  openWorkbench(started);
}

function openWorkbench(running: Host): void {
  let saved: unknown;
  try {
    saved = running.state.get(windowStateKey);
  } catch (error) {
    running.logger.warn({ err: error }, 'could not read the saved window bounds');
  }
  const restored = restoreWindowState(saved, screen.getAllDisplays().map((display) => display.workArea));
  const created = createWorkbenchWindow({ preload, restored, title: appName });
  workbench = created;
  windowState = trackWindowState(created, (state) => running.state.set(windowStateKey, state), {
    onError: (error) => running.logger.warn({ err: error }, 'could not save the window bounds'),
  });
  created.webContents.on('did-fail-load', (_event, code, description, url) => {
    running.logger.error({ code, description, url }, 'the workbench failed to load');
  });
  created.webContents.on('render-process-gone', (_event, details) => {
    running.logger.error({ reason: details.reason, exitCode: details.exitCode }, 'the workbench renderer stopped');
  });
  created.on('closed', () => {
    if (workbench === created) {
      workbench = undefined;
      windowState = undefined;
    }
  });
}

function focusWorkbench(): void {
  if (!workbench || workbench.isDestroyed()) return;
  if (workbench.isMinimized()) workbench.restore();
  workbench.show();
  workbench.focus();
}

/**
 * The host serves one folder for its lifetime, so opening another starts Lathe again on it:
 * `folder` (a recent one), or the one picked in the OS dialog.
 */
async function openFolder(folder: string | null = null): Promise<void> {
  folder ??= await pickFolder();
  if (!folder || folder === workspaceRoot) return;
  app.relaunch({ args: argsForFolder(process.argv, argsStart, folder) });
  app.quit();
}

async function pickFolder(): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Open Folder', properties: ['openDirectory', 'createDirectory'] };
  const result = workbench && !workbench.isDestroyed() ? await dialog.showOpenDialog(workbench, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Saves the window, closes every connection, then stops the host (which closes the database). */
async function shutDown(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, shutdownTimeoutMs)));
  const stop = async (): Promise<void> => {
    windowState?.dispose();
    transport?.dispose();
    const running = await hostStarting?.catch(() => undefined);
    await running?.dispose();
  };
  try {
    await Promise.race([stop(), timeout]);
  } catch (error) {
    console.error('Lathe did not stop cleanly:', error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Run from a checkout (`npm start`), the better-sqlite3 in node_modules is built for Node, whose
 * ABI Electron's does not share; build/start.mjs builds one for this Electron beside the bundles.
 * A packaged app has its node_modules rebuilt for Electron by electron-builder and needs nothing.
 */
function developmentSqliteBinding(): { sqliteBinding?: string } {
  if (app.isPackaged) return {};
  const binding = join(app.getAppPath(), 'out', 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(binding) ? { sqliteBinding: binding } : {};
}
