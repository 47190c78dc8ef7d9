import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(folder: string, file: string): boolean {
  const inside = relative(resolve(folder), file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * The file of the built renderer that a URL path names (still %-encoded, as in the request), or
 * undefined when it is not a regular file inside the renderer folder, symbolic links resolved.
 * Both shells serve the renderer through this one check.
 */
export async function resolveRendererFile(rendererDir: string, encodedPath: string): Promise<{ file: string; size: number } | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  if (path === '' || path === '/') path = '/index.html';
  const file = resolve(rendererDir, `.${path}`);
  if (!isInside(rendererDir, file)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const [realDir, real] = await Promise.all([realpath(rendererDir), realpath(file).catch(() => undefined)]);
  if (!real || !isInside(realDir, real)) return undefined;
  return { file, size: info.size };
}
