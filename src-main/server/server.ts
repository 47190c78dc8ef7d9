import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseJsonEnvelope } from '../../src-shared/rpc/wire';
import { pluginHostFramePath, pluginWebviewFramePath } from '../../src-shared/plugin-host-frame';
import { contentSecurityPolicy } from '../host/csp';
import { readPluginFramePage } from '../host/plugin-host-page';
import type { Host } from '../host';
import { authorize, refuseForeign, tokenCookieName, type AuthDecision } from './auth';
import { serveStatic } from './static-files';

export interface BrowserModeServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** A whole file can be saved in one call, so frames may be large; the contract caps content at 256 MiB. */
const maxFrameBytes = 300 * 1024 * 1024;

/**
 * Serves the built renderer and the host's RPC over a WebSocket on 127.0.0.1 only.
 * Every request needs the per-launch token (in the URL once, then in an HttpOnly cookie).
 */
export async function startBrowserModeServer(options: {
  /** May still be starting: pages are served at once, and sockets are accepted when the host is ready. */
  host: Host | Promise<Host>;
  rendererDir: string;
  port: number;
}): Promise<BrowserModeServer> {
  const { rendererDir } = options;
  const hostReady = Promise.resolve(options.host);
  // A host that fails to start is reported by whoever created it; here it only means no sockets.
  const whenHost = (use: (host: Host) => void): void => void hostReady.then(use, () => undefined);
  const token = randomBytes(24).toString('base64url');
  let port = options.port;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  const check = (request: IncomingMessage): AuthDecision => {
    const decision = authorize(
      { url: request.url ?? '/', host: request.headers.host, origin: request.headers.origin, cookie: request.headers.cookie },
      { token, port },
    );
    if (!decision.allowed) {
      const facts = { status: decision.status, reason: decision.reason, path: (request.url ?? '').split('?')[0] };
      whenHost((host) => host.logger.warn(facts, 'refused browser-mode request'));
    }
    return decision;
  };

  const http = createServer((request, response) => {
    const requestPath = (request.url ?? '').split('?')[0];
    if (requestPath === pluginHostFramePath || requestPath === pluginWebviewFramePath) {
      void servePluginFrame(request, requestPath, response);
      return;
    }
    const decision = check(request);
    if (!decision.allowed) {
      response.writeHead(decision.status, { 'Content-Type': 'text/plain' }).end(decision.status === 401 ? 'Unauthorized' : 'Forbidden');
      return;
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (decision.tokenInQuery) {
      // Trade the token in the address bar for a cookie, so it does not linger in history or screenshots.
      response
        .writeHead(302, {
          'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: path,
        })
        .end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    void serveStatic(rendererDir, path, response, {
      'Content-Security-Policy': contentSecurityPolicy({ connectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`], frameSources: loopbackOrigins() }),
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'no-referrer',
    });
  });

  const loopbackOrigins = (): string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  /**
   * The plugin frames are loaded from the workbench's sibling loopback name, where the token's
   * cookie does not go; their pages hold nothing secret and run only what their parent hands them,
   * so they are the pages served without the token (still only to our Host, framed only by us).
   */
  const servePluginFrame = async (request: IncomingMessage, path: string, response: ServerResponse): Promise<void> => {
    const refused = refuseForeign({ host: request.headers.host, origin: request.headers.origin }, port);
    const page = refused || request.method !== 'GET' ? undefined : await readPluginFramePage(rendererDir, path, loopbackOrigins());
    if (!page) {
      response.writeHead(refused?.status ?? 404, { 'Content-Type': 'text/plain' }).end(refused ? 'Forbidden' : 'Not found');
      return;
    }
    response
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': page.csp,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .end(page.html);
  };

  http.on('upgrade', (request, socket, head) => {
    const decision = check(request);
    if (!decision.allowed) {
      socket.end(`HTTP/1.1 ${decision.status} ${decision.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    if ((request.url ?? '').split('?')[0] !== '/rpc') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    whenHost((host) => sockets.handleUpgrade(request, socket, head, (webSocket) => serveRpc(host, webSocket)));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function serveRpc(host: Host, socket: WebSocket): void {
  const connection = host.router.connect(
    {
      post: (message) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      },
      on: (deliver) =>
        socket.on('message', (data, isBinary) => {
          const envelope = isBinary ? undefined : parseJsonEnvelope(data.toString());
          if (envelope) deliver(envelope);
          else host.logger.warn('dropped a malformed rpc frame');
        }),
    },
    'browser',
  );
  socket.on('close', () => connection.close());
}
