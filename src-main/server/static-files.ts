import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, relative, resolve, isAbsolute } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves a file of the built renderer, refusing any path that resolves outside its folder. */
export async function serveStatic(rootDir: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '\0';
  }
  const file = resolve(rootDir, `.${decoded === '/' ? '/index.html' : decoded}`);
  const rel = relative(rootDir, file);
  if (decoded.includes('\0') || rel.startsWith('..') || isAbsolute(rel)) return notFound(response);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound(response);
  const isEntry = rel === 'index.html';
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    // Built assets carry a content hash in their names; the entry page must always be fresh.
    'Cache-Control': isEntry ? 'no-store' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file).pipe(response);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}
