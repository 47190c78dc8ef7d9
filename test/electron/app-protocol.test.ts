import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/host/csp';
import { appUrlPath, createAppRequestHandler } from '../../src-main/electron/app-protocol';
import { resolveRendererFile } from '../../src-main/host/renderer-files';

let scratch: string;
let rendererDir: string;
const csp = contentSecurityPolicy({ connectSources: [], frameSources: [] });
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lathe-app-protocol-'));
  rendererDir = join(scratch, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lathe</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'codicon.ttf'), Buffer.from([0, 1, 0, 0]));
  writeFileSync(join(rendererDir, 'assets', 'with space.svg'), '<svg/>');
  writeFileSync(join(scratch, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(scratch, 'secret.txt'), join(rendererDir, 'escape.txt'));
  handle = createAppRequestHandler({ rendererDir, csp });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves the entry page for the root, with the CSP and the right type', async () => {
    for (const url of ['app://lathe/', 'app://lathe', 'app://lathe/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(csp);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Lathe</title>');
    }
  });

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/style.css', 'text/css; charset=utf-8'],
    ['assets/codicon.ttf', 'font/ttf'],
    ['assets/with%20space.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(`app://lathe/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('keeps the CSP strict: no eval, scripts and workers from the app only', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it.each([
    'app://lathe/missing.js',
    'app://lathe/assets/',
    'app://lathe/assets',
    'app://lathe/../secret.txt',
    'app://lathe/%2e%2e/secret.txt',
    'app://lathe/%2E%2E%2Fsecret.txt',
    'app://lathe/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://lathe/..%5csecret.txt',
    'app://lathe/%2e%2e%5csecret.txt',
    'app://lathe/index.html%00.js',
    'app://lathe/%00',
    'app://lathe/%E0%A4%A',
    'app://lathe/%2fetc%2fpasswd',
    'app://lathe//etc/passwd',
    'app://other/index.html',
    'app://lathe:1/index.html',
    'app://lathe/escape.txt',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  const rendererFileFor = async (dir: string, url: string): Promise<string | undefined> => {
    const path = appUrlPath(url);
    return path === undefined ? undefined : (await resolveRendererFile(dir, path))?.file;
  };

  it('never maps a URL to a file outside the renderer folder', async () => {
    // The URL parser folds dot segments (encoded or not) into the renderer folder, where no such file is.
    for (const url of ['app://lathe/../secret.txt', 'app://lathe/%2e%2e/secret.txt', 'app://lathe/a/%2e%2e/%2e%2e/secret.txt']) {
      expect(await rendererFileFor(rendererDir, url)).toBeUndefined();
    }
    // Encoded separators survive the parser and are caught after decoding.
    for (const url of ['app://lathe/%2e%2e%2fsecret.txt', 'app://lathe/a%2f..%2f..%2fsecret.txt', 'app://lathe/..%2f..%2fetc%2fpasswd', 'app://lathe/%2e%2e%2f']) {
      expect(await rendererFileFor(rendererDir, url)).toBeUndefined();
    }
    expect(await rendererFileFor(rendererDir, 'app://lathe/a/%2e%2e/index.html')).toBe(join(rendererDir, 'index.html'));
    expect(await rendererFileFor(rendererDir, 'file:///etc/passwd')).toBeUndefined();
    expect(await rendererFileFor(rendererDir, 'not a url')).toBeUndefined();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://lathe/index.html', 'POST')).status).toBe(405);
    const head = await get('app://lathe/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>Lathe</title>'.length));
  });
});
