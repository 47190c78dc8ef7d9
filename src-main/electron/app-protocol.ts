import { readFile } from 'node:fs/promises';
import { contentTypeFor, resolveRendererFile } from '../host/renderer-files';
import { appHost, appScheme } from './app-origin';

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

/**
 * Serves `app://lathe/…` from the built renderer with the app's Content Security Policy.
 * Pure Node (fetch-style Request in, Response out), so it runs in tests without Electron.
 */
export function createAppRequestHandler({ rendererDir, csp }: { rendererDir: string; csp: string }): (request: Request) => Promise<Response> {
  const securityHeaders = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const path = appUrlPath(request.url);
    const found = path === undefined ? undefined : await resolveRendererFile(rendererDir, path);
    if (!found) return plain(404, 'Not found');
    const { file, size } = found;
    const headers = { ...securityHeaders, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
    return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
  };
}
