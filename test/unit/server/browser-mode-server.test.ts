import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { contract } from '../../../src-shared/contract';
import { createRpcClient } from '../../../src-shared/rpc/client';
import { parseJsonEnvelope } from '../../../src-shared/rpc/wire';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/server/server';
import { tokenCookieName } from '../../../src-main/server/auth';
import { startTestHost, type TestHost } from '../helpers/test-host';

let testHost: TestHost;
let server: BrowserModeServer;
let cookie: string;

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

const upgradeStatus = (headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/rpc`, { headers });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', () => undefined);
  });

beforeAll(async () => {
  testHost = await startTestHost();
  const rendererDir = mkdtempSync(join(tmpdir(), 'lathe-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lathe</title>');
  server = await startBrowserModeServer({ host: testHost.host, rendererDir, port: 0 });
  cookie = `${tokenCookieName(server.port)}=${server.token}`;
});

afterAll(async () => {
  await server.close();
  await testHost.host.dispose();
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a page request without the token (401) and logs it', async () => {
    expect((await get('/')).status).toBe(401);
    expect(testHost.logLines.some((line) => line.msg === 'refused browser-mode request' && line.status === 401)).toBe(true);
  });

  it('trades the token for an HttpOnly cookie and strips it from the address', async () => {
    const response = await get(`/?token=${server.token}`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(String(response.headers['set-cookie'])).toContain(`${cookie}; HttpOnly; SameSite=Strict`);
  });

  it('serves the renderer with a strict CSP once the cookie is set', async () => {
    const response = await get('/', { Cookie: cookie });
    expect(response.status).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect((await get('/../../etc/passwd', { Cookie: cookie })).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd', { Cookie: cookie })).status).toBe(404);
  });

  it('refuses a foreign Origin with 403 even with the cookie', async () => {
    expect((await get('/', { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses WebSocket upgrades without the token or from a foreign origin', async () => {
    expect(await upgradeStatus({})).toBe(401);
    expect(await upgradeStatus({ Cookie: cookie, Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus({ Cookie: `${tokenCookieName(server.port)}=nope` })).toBe(401);
  });

  it('serves the contract over the socket to an authorized client', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/rpc`, {
      headers: { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}` },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const client = createRpcClient(contract, {
      post: (message) => socket.send(JSON.stringify(message)),
      on: (deliver) =>
        socket.on('message', (data: Buffer) => {
          const envelope = parseJsonEnvelope(data.toString());
          if (envelope) deliver(envelope);
        }),
    });
    const info = await client.api.app.info();
    expect(info).toMatchObject({ name: 'Lathe', version: '0.0.0-test', shell: 'browser', workspace: { name: 'workspace' } });
    expect((await client.api.app.status()).connections).toBe(1);
    socket.send('{"not":"an envelope"}');
    socket.send('not even json');
    await expect(client.api.workspace.readFile({ path: 'src/main.rs' })).resolves.toMatchObject({ path: 'src/main.rs' });
    client.close();
    socket.close();
  });
});
