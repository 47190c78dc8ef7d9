import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../../src-main/electron/app-protocol';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/server/server';
import { startTestHost, type TestHost } from '../helpers/test-host';

const bootstrap = 'window.parent.postMessage({kind:"ready"},"*")';
const hash = createHash('sha256').update(bootstrap).digest('base64');

let testHost: TestHost;
let server: BrowserModeServer;
let rendererDir: string;

const get = (path: string, host: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  testHost = await startTestHost();
  rendererDir = mkdtempSync(join(tmpdir(), 'lathe-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lathe</title>');
  writeFileSync(join(rendererDir, 'plugin-host.html'), `<!doctype html><body><script>${bootstrap}</script></body>`);
  writeFileSync(join(rendererDir, 'plugin-webview.html'), '<!doctype html><body><script>void 0</script></body>');
  server = await startBrowserModeServer({ host: testHost.host, rendererDir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await testHost.host.dispose();
});

describe('the plugin frames in browser mode', () => {
  it('serves the plugin host frame on the sibling loopback name without the token, under a CSP that allows only its script and blob: workers, and no network', async () => {
    const response = await get('/plugin-host.html', `localhost:${server.port}`);
    expect(response.status).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain('worker-src blob:');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`frame-ancestors http://127.0.0.1:${server.port} http://localhost:${server.port}`);
    expect(csp).not.toContain('unsafe');
  });

  it('serves the webview page with inline code but no network', async () => {
    const csp = String((await get('/plugin-webview.html', `localhost:${server.port}`)).headers['content-security-policy']);
    expect(csp).toContain("script-src 'unsafe-inline'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('still refuses a foreign Host, and every other page without the token', async () => {
    expect((await get('/plugin-host.html', 'evil.example:80')).status).toBe(403);
    expect((await get('/index.html', `localhost:${server.port}`)).status).toBe(401);
    expect((await get('/plugin-host.html/../index.html', `localhost:${server.port}`)).status).toBe(401);
  });

  it("lets the workbench frame the plugin origin, and keeps its own CSP's scripts and workers to 'self'", async () => {
    const csp = await new Promise<string>((resolve, reject) => {
      const headers = { Host: `127.0.0.1:${server.port}`, Cookie: `lathe-token-${server.port}=${server.token}` };
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers }, (res) => resolve(String(res.headers['content-security-policy'])));
      req.on('error', reject);
      req.end();
    });
    expect(csp).toContain(`frame-src 'self' http://127.0.0.1:${server.port} http://localhost:${server.port}`);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('blob:');
  });
});

describe('the plugin frames in Electron', () => {
  it('serves them on app://plugin-host with their own CSP, framed only by the app, and nothing else there', async () => {
    const handle = createAppRequestHandler({ rendererDir, csp: "default-src 'self'" });
    const frame = await handle(new Request('app://plugin-host/plugin-host.html'));
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toContain(`script-src 'sha256-${hash}'`);
    expect(frame.headers.get('content-security-policy')).toContain('frame-ancestors app://lathe');
    expect((await handle(new Request('app://plugin-host/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://lathe/plugin-host.html'))).headers.get('content-security-policy')).toBe("default-src 'self'");
  });
});
