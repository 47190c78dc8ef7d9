import { readFile } from 'node:fs/promises';
import { electronPluginHost } from '../../src-shared/plugin-host-frame';
import { readPluginFramePage } from '../host/plugin-host-page';
import { contentTypeFor, resolveRendererFile } from '../host/renderer-files';
import { appHost, appOrigin, appScheme } from './app-origin';

/** What the app scheme may do: a real origin (storage, workers, fetch) that counts as secure. */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** The %-encoded path of an app URL, or undefined when the URL is not the app's own. */
export function appUrlPath(requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return undefined;
  return url.pathname;
}

/** The path of a URL of the app scheme's plugin host (src-shared/plugin-host-frame.ts), or undefined for any other URL. */
function pluginHostUrlPath(requestUrl: string): string | undefined {
  try {
    const url = new URL(requestUrl);
    return url.protocol === `${appScheme}:` && url.host === electronPluginHost ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves `app://lathe/…` from the built renderer with the app's Content Security Policy, and the
 * plugin frames of `app://plugin-host/` with theirs.
 * Pure Node (fetch-style Request in, Response out), so it runs in tests without Electron.
 */
export function createAppRequestHandler({ rendererDir, csp }: { rendererDir: string; csp: string }): (request: Request) => Promise<Response> {
  const securityHeaders = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const pluginHostPath = pluginHostUrlPath(request.url);
    if (pluginHostPath !== undefined) {
      const page = await readPluginFramePage(rendererDir, pluginHostPath, [appOrigin]);
      if (!page) return plain(404, 'Not found');
      const headers = { 'Content-Security-Policy': page.csp, 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(page.html), { status: 200, headers });
    }
    const path = appUrlPath(request.url);
    const found = path === undefined ? undefined : await resolveRendererFile(rendererDir, path);
    if (!found) return plain(404, 'Not found');
    const { file, size } = found;
    const headers = { ...securityHeaders, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
    return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
  };
}
