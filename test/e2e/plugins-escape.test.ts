import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, preparedFixture, waitForLog } from './plugins-support';

let workbench: OpenWorkbench;
/** A server on 127.0.0.1 that records every request and socket upgrade it sees. */
let server: Server;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' }).end('self.escaped = true;');
  });
  server.on('upgrade', (request, socket) => {
    seen.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'hello'), 'lathe-tests.hello');
});

afterAll(async () => {
  await workbench.close();
  await new Promise((resolve) => server.close(resolve));
});

/** The attempts a fixture logged, each BLOCKED or ESCAPED, once it logged DONE. */
async function attempts(id: string): Promise<{ blocked: string[]; escaped: string[] }> {
  const log = await waitForLog(workbench.page, id, 'DONE', 20_000);
  const lines = log.split('\n');
  return { blocked: lines.filter((line) => line.includes('BLOCKED ')), escaped: lines.filter((line) => line.includes('ESCAPED ')) };
}

/** The well-behaved plugin still answers, and the workbench with it. */
async function helloStillWorks(times: number): Promise<void> {
  const { page } = workbench;
  await runFromPalette(page, 'Hello: Say Hello');
  await expect.poll(() => page.getByTestId('notification').filter({ hasText: `Hello from the sandbox (${times})` }).count()).toBe(1);
}

describe('a plugin trying to leave the sandbox', () => {
  it('cannot reach Node.js, eval, the workbench page or the frame origin storage', async () => {
    await installPlugin(workbench.page, join(pluginFixtures, 'require-node'), 'lathe-tests.require-node');
    const { blocked, escaped } = await attempts('lathe-tests.require-node');
    expect(escaped).toEqual([]);
    expect(blocked.join('\n')).toContain("BLOCKED require('fs'): Cannot find module 'fs': a Lathe plugin can require only 'lathe'");
    expect(blocked.join('\n')).toContain('BLOCKED process.env: process is not defined');
    expect(blocked.join('\n')).toMatch(/BLOCKED eval: .*Content Security Policy/);
    expect(blocked.join('\n')).toMatch(/BLOCKED new Function: .*Content Security Policy/);
    expect(blocked).toHaveLength(11);
    await helloStillWorks(1);
  });

  it('cannot load or read file: URLs', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lathe-escape-'));
    writeFileSync(join(scratch, 'module.js'), "console.log('ESCAPED the module on disk ran');\n");
    writeFileSync(join(scratch, 'secret.txt'), 'the secret\n');
    const folder = preparedFixture('import-file', { MODULE: pathToFileURL(join(scratch, 'module.js')).href, SECRET: pathToFileURL(join(scratch, 'secret.txt')).href });
    await installPlugin(workbench.page, folder, 'lathe-tests.import-file');
    const { blocked, escaped } = await attempts('lathe-tests.import-file');
    expect(escaped).toEqual([]);
    expect(blocked).toHaveLength(4);
    await helloStillWorks(2);
  });

  it('cannot reach a server on 127.0.0.1 with fetch, XHR, WebSocket, EventSource, importScripts, import() or a nested worker; the server sees nothing', async () => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await installPlugin(workbench.page, preparedFixture('network', { ORIGIN: origin }), 'lathe-tests.network');
    const { blocked, escaped } = await attempts('lathe-tests.network');
    expect(escaped).toEqual([]);
    expect(blocked).toHaveLength(9);
    expect(blocked.join('\n')).toContain('may not call network.fetch without the permission "network"');
    expect(seen).toEqual([]);
    await helloStillWorks(3);
  });
});
