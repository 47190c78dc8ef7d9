/**
 * Where the plugin host frame is served. Plugins run in workers inside this frame, loaded from a
 * sibling origin of the workbench (another loopback name in browser mode, another host of the app
 * scheme in Electron): Chromium's site isolation then gives the plugins a renderer process of their
 * own, so a plugin that exhausts memory takes down only that process, never the workbench.
 */
export const pluginHostFramePath = '/plugin-host.html';

/** A plugin's webview panel: a page of the same origin that shows the HTML the plugin gives it. */
export const pluginWebviewFramePath = '/plugin-webview.html';

/** The Electron app scheme's host that serves only the plugin frames. */
export const electronPluginHost = 'plugin-host';

/** The origin the workbench at `workbench` loads its plugin host frame from. */
export function pluginHostOrigin(workbench: { protocol: string; hostname: string; port: string }): string {
  if (workbench.protocol === 'app:') return `app://${electronPluginHost}`;
  const sibling = workbench.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${workbench.protocol}//${sibling}${workbench.port ? `:${workbench.port}` : ''}`;
}
