import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDeclaredHost } from '../../../../src-main/services/plugins/network-fetch';
import { installApproved, removeScratch, startPlugins, writePlugin, type PluginsHarness } from './plugins-harness';

interface TestServer {
  server: Server;
  port: number;
  /** Every request it received: method, path, body. */
  seen: string[];
}

async function startServer(handle: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<TestServer> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url} ${body}`.trim());
      handle(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

/** The declared server answers, redirects within itself or to the other server, and streams a large body. */
let declared: TestServer;
/** Reachable as `localhost` only: the plugin never declares it. */
let undeclared: TestServer;

beforeAll(async () => {
  undeclared = await startServer((_request, response) => response.end('should never be asked'));
  declared = await startServer((request, response, body) => {
    if (request.url === '/hello') {
      response.setHeader('x-answer', '42');
      response.end(`hello ${request.method}${body ? ` ${body}` : ''}`);
    } else if (request.url === '/same-host') {
      response.writeHead(302, { location: '/hello' }).end();
    } else if (request.url === '/other-host') {
      response.writeHead(302, { location: `http://localhost:${undeclared.port}/stolen` }).end();
    } else if (request.url === '/large') {
      response.end('x'.repeat(100_000));
    } else if (request.url === '/binary') {
      response.end(Buffer.from([0, 255, 1]));
    } else {
      response.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  // fetch keeps its connections alive: close them, or close() waits for them to time out.
  await Promise.all([declared, undeclared].map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections())));
});

let harness: PluginsHarness;
let fetcher: string;
beforeEach(async () => {
  harness = await startPlugins();
  fetcher = (await installApproved(harness, writePlugin(harness.scratch, { name: 'fetcher', permissions: [{ network: [`127.0.0.1:${declared.port}`] }] }))).id;
  declared.seen.length = 0;
  undeclared.seen.length = 0;
});
afterEach(() => removeScratch(harness));

const fetchFrom = (url: string, extra: Record<string, unknown> = {}) => harness.call(fetcher, { method: 'network.fetch', params: { url, ...extra } });

describe('network.fetch', () => {
  it('requests a declared host from main and answers status, headers and body', async () => {
    expect(await fetchFrom(`http://127.0.0.1:${declared.port}/hello`)).toMatchObject({ status: 200, body: 'hello GET', headers: { 'x-answer': '42' } });
    expect(await fetchFrom(`http://127.0.0.1:${declared.port}/hello`, { method: 'POST', body: 'data' })).toMatchObject({ status: 200, body: 'hello POST data' });
    expect(await fetchFrom(`http://127.0.0.1:${declared.port}/binary`, { responseType: 'base64' })).toMatchObject({ body: Buffer.from([0, 255, 1]).toString('base64') });
    expect(declared.seen).toEqual(['GET /hello', 'POST /hello data', 'GET /binary']);
  });

  it('refuses an undeclared host before any request reaches it', async () => {
    for (const url of [`http://localhost:${undeclared.port}/x`, `http://localhost:${declared.port}/hello`, `http://127.0.0.1:${undeclared.port}/x`]) {
      await expect(fetchFrom(url), url).rejects.toMatchObject({
        code: 'PERMISSION_DENIED',
        details: { plugin: 'acme.fetcher', permission: `network: ${new URL(url).host}`, call: 'network.fetch' },
      });
    }
    expect(undeclared.seen).toEqual([]);
    expect(declared.seen).toEqual([]);
  });

  it('follows a redirect within the declared host and refuses one to another host', async () => {
    expect(await fetchFrom(`http://127.0.0.1:${declared.port}/same-host`)).toMatchObject({ status: 200, body: 'hello GET', url: `http://127.0.0.1:${declared.port}/hello` });
    await expect(fetchFrom(`http://127.0.0.1:${declared.port}/other-host`)).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: `The plugin acme.fetcher may not call network.fetch without the permission "network: localhost:${undeclared.port}": a redirect to http://localhost:${undeclared.port}, a host it does not declare (127.0.0.1:${declared.port})`,
    });
    expect(undeclared.seen).toEqual([]);
  });

  it('refuses other protocols, transport headers and answers over the size cap', async () => {
    await expect(fetchFrom('file:///etc/passwd')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(fetchFrom(`http://127.0.0.1:${declared.port}/hello`, { headers: { Host: `localhost:${undeclared.port}` } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(fetchFrom(`http://127.0.0.1:${declared.port}/large`, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(declared.seen).toEqual(['GET /large']);
    expect(undeclared.seen).toEqual([]);
  });
});

describe('declared hosts', () => {
  const matches = (url: string, hosts: string[]): boolean => isDeclaredHost(new URL(url), hosts);

  it('match by name on any port, by name and port, or by subdomain', () => {
    expect(matches('https://crates.io/api', ['crates.io'])).toBe(true);
    expect(matches('http://crates.io:8080/', ['crates.io'])).toBe(true);
    expect(matches('https://static.crates.io/', ['crates.io'])).toBe(false);
    expect(matches('https://evilcrates.io/', ['*.crates.io'])).toBe(false);
    expect(matches('https://static.crates.io/', ['*.crates.io'])).toBe(true);
    expect(matches('https://crates.io/', ['*.crates.io'])).toBe(false);
    expect(matches('http://127.0.0.1:8080/', ['127.0.0.1:8080'])).toBe(true);
    expect(matches('http://127.0.0.1:8081/', ['127.0.0.1:8080'])).toBe(false);
    expect(matches('https://example.com/', ['example.com:443'])).toBe(true);
    expect(matches('http://[::1]:3000/', ['[::1]:3000'])).toBe(true);
    expect(matches('http://[::1]:3001/', ['[::1]:3000'])).toBe(false);
  });
});
