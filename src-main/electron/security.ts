import type { Session, WebContents } from 'electron';
import type { Logger } from 'pino';
import { externalWebUrl, isAppUrl } from './app-origin';

/**
 * Applied to every web contents the app creates (see `web-contents-created`): no navigation away
 * from the app, no new windows, no <webview>. Web links open in the user's browser instead.
 */
export function hardenWebContents(
  contents: WebContents,
  { openExternal, logger }: { openExternal: (url: string) => Promise<void>; logger: () => Logger | undefined },
): void {
  const refuse = (kind: string, url: string): void => {
    logger()?.warn({ webContents: contents.id, url: url.slice(0, 200) }, `refused ${kind}`);
  };

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalWebUrl(url);
    if (external) {
      openExternal(external).catch((error: unknown) => logger()?.warn({ err: error }, 'could not open a link in the browser'));
    } else {
      refuse('a new window', url);
    }
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('a navigation', event.url);
  });

  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('a redirect', event.url);
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('a <webview>', '');
  });
}

/** The workbench needs no camera, microphone, location, notifications or devices: refuse them all. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
