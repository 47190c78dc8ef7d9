import { LatheError, pluginApiLimits, type PluginResult } from '../../../src-shared/contract';
import { permissionDenied } from './permission-denied';

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  responseType: 'text' | 'base64';
  timeoutMs: number;
  maxBytes: number;
}

/** Headers that would change where or how the request travels rather than what it asks. */
const refusedHeaders = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'upgrade', 'proxy-authorization', 'keep-alive', 'te', 'trailer']);

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Whether a URL's host is one the plugin declared: `crates.io` (any port), `127.0.0.1:8080` (that port
 * only), `*.github.com` (subdomains of it).
 */
export function isDeclaredHost(url: URL, declared: readonly string[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return declared.some((entry) => {
    const portAt = entry.lastIndexOf(':');
    const hasPort = portAt > entry.lastIndexOf(']');
    const name = hasPort ? entry.slice(0, portAt) : entry;
    if (hasPort && entry.slice(portAt + 1) !== port) return false;
    return name.startsWith('*.') ? hostname.endsWith(name.slice(1)) : hostname === name;
  });
}

/**
 * An HTTP(S) request made by main for a plugin, to declared hosts only. Redirects are followed by hand
 * so each hop is checked before it is requested; the answer is read up to `maxBytes`.
 */
export async function fetchForPlugin(pluginId: string, request: FetchRequest, declared: readonly string[], signal: AbortSignal): Promise<PluginResult<'network.fetch'>> {
  if (request.body !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
    throw new LatheError('INVALID_INPUT', `A ${request.method} request cannot have a body`);
  }
  for (const name of Object.keys(request.headers)) {
    if (refusedHeaders.has(name.toLowerCase())) throw new LatheError('INVALID_INPUT', `The header ${name} cannot be set by a plugin`);
  }
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(request.timeoutMs)]);
  let url = checkedUrl(pluginId, request.url, declared, 'a request to');
  let method = request.method;
  let body = request.body;
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(url, { method, headers: request.headers, body: body ?? null, redirect: 'manual', signal: deadline }).catch((error: unknown) => {
      throw failure(error, url, request.timeoutMs, deadline);
    });
    const location = response.headers.get('location');
    if (!redirectStatuses.has(response.status) || location === null) {
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return { status: response.status, statusText: response.statusText, url: url.href, headers, body: await readBody(response, request, deadline, url) };
    }
    await response.body?.cancel();
    if (hop >= pluginApiLimits.fetchRedirects) throw new LatheError('UNAVAILABLE', `${request.url} redirected more than ${pluginApiLimits.fetchRedirects} times`);
    url = checkedUrl(pluginId, new URL(location, url).href, declared, 'a redirect to');
    // As browsers do: 303, and 301/302 after a POST, continue as a GET without a body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = undefined;
    }
  }
}

function checkedUrl(pluginId: string, text: string, declared: readonly string[], how: 'a request to' | 'a redirect to'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LatheError('INVALID_INPUT', `"${text.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LatheError('INVALID_INPUT', `Only http and https requests are made (not ${url.protocol})`);
  if (!isDeclaredHost(url, declared)) {
    throw permissionDenied(pluginId, `network: ${url.host}`, 'network.fetch', `${how} ${url.origin}, a host it does not declare (${declared.join(', ')})`);
  }
  return url;
}

async function readBody(response: Response, request: FetchRequest, signal: AbortSignal, url: URL): Promise<string> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
        if (bytes > request.maxBytes) {
          await reader.cancel();
          throw new LatheError('TOO_LARGE', `The answer of ${url.origin} is larger than ${request.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      throw error instanceof LatheError ? error : failure(error, url, request.timeoutMs, signal);
    }
  }
  const buffer = Buffer.concat(chunks);
  return request.responseType === 'base64' ? buffer.toString('base64') : buffer.toString('utf8');
}

function failure(error: unknown, url: URL, timeoutMs: number, signal: AbortSignal): LatheError {
  if (signal.aborted && (signal.reason as Error | undefined)?.name === 'TimeoutError') {
    return new LatheError('UNAVAILABLE', `${url.origin} did not answer within ${timeoutMs} ms`);
  }
  if (signal.aborted) return new LatheError('CANCELLED', 'The request was cancelled');
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return new LatheError('UNAVAILABLE', `${url.origin} could not be reached${cause ? ` (${cause})` : ''}`);
}
