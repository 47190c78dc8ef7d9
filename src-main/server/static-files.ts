import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { contentTypeFor, resolveRendererFile } from '../host/renderer-files';

/** Serves a file of the built renderer; anything outside its folder is a 404. */
export async function serveStatic(rendererDir: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  const found = await resolveRendererFile(rendererDir, urlPath);
  if (!found) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const isEntry = basename(found.file) === 'index.html';
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(found.file),
    'Content-Length': String(found.size),
    // Built assets carry a content hash in their names; the entry page must always be fresh.
    'Cache-Control': isEntry ? 'no-store' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(found.file).pipe(response);
}
