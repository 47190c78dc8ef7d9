import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LatheError, type AiDownloadChunk } from '../../../src-shared/contract';

export interface DownloadOptions {
  url: string;
  sha256?: string | undefined;
  fileName?: string | undefined;
  folder: string;
  signal: AbortSignal;
  /** How long the server may take to start answering. */
  connectTimeoutMs: number;
}

const fileNamePattern = /^[A-Za-z0-9._-]{1,200}\.gguf$/;
const progressEveryMs = 200;

/**
 * Downloads a model file into `folder`, yielding progress. The bytes go to `<name>.part`; a later
 * download of the same file continues it with a Range request (when the server allows). A cancel
 * keeps the partial file; a checksum mismatch deletes it. The checksum is computed once the file is
 * complete (reading it again costs far less than the download).
 */
export async function* downloadModel(options: DownloadOptions): AsyncGenerator<AiDownloadChunk> {
  const fileName = options.fileName ?? decodeURIComponent(basename(new URL(options.url).pathname));
  if (!fileNamePattern.test(fileName)) {
    throw new LatheError('INVALID_INPUT', `"${fileName.slice(0, 200)}" is not a model file name (letters, digits, dot, dash, underscore, ending in .gguf); give fileName`);
  }
  await mkdir(options.folder, { recursive: true });
  const target = join(options.folder, fileName);
  const partial = `${target}.part`;
  if (existsSync(target)) {
    const digest = await hashFile(target, createHash('sha256'));
    if (options.sha256 && digest.toLowerCase() !== options.sha256.toLowerCase()) {
      throw new LatheError('CONFLICT', `${fileName} already exists with another checksum; remove it first`);
    }
    yield { kind: 'done', path: target, sizeBytes: (await stat(target)).size, sha256: digest };
    return;
  }

  const offset = existsSync(partial) ? (await stat(partial)).size : 0;
  const request = new AbortController();
  const stop = (): void => request.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  try {
    yield* fetchInto(partial, offset, options, request);
  } finally {
    options.signal.removeEventListener('abort', stop);
  }
  if (options.signal.aborted) return;
  const digest = await hashFile(partial, createHash('sha256'));
  if (options.sha256 && digest.toLowerCase() !== options.sha256.toLowerCase()) {
    await rm(partial, { force: true });
    throw new LatheError('CONFLICT', `The downloaded file's SHA-256 is ${digest}, not the expected ${options.sha256.toLowerCase()}; it was deleted`);
  }
  await rename(partial, target);
  yield { kind: 'done', path: target, sizeBytes: (await stat(target)).size, sha256: digest };
}

/** Appends the rest of the file (from `offset`, when the server takes a Range) to `partial`, yielding progress. */
async function* fetchInto(partial: string, offset: number, options: DownloadOptions, request: AbortController): AsyncGenerator<AiDownloadChunk> {
  // The deadline covers the server starting to answer, not the download itself.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, options.connectTimeoutMs);
  let response: Response;
  try {
    response = await fetch(options.url, { headers: offset > 0 ? { range: `bytes=${offset}-` } : {}, signal: request.signal, redirect: 'follow' });
  } catch (error) {
    if (options.signal.aborted) return;
    throw new LatheError('UNAVAILABLE', timedOut ? `${new URL(options.url).host} did not answer in time` : `Could not download the model: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new LatheError('UNAVAILABLE', `The server answered ${response.status} for the model download`);
  }
  const resumed = response.status === 206;
  let received = resumed ? offset : 0;
  const totalBytes = totalSize(response, received);
  const file = await open(partial, resumed ? 'a' : 'w');
  let lastProgress = 0;
  yield { kind: 'progress', receivedBytes: received, totalBytes, resumed };
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      await file.write(chunk);
      received += chunk.byteLength;
      if (performance.now() - lastProgress >= progressEveryMs) {
        lastProgress = performance.now();
        yield { kind: 'progress', receivedBytes: received, totalBytes, resumed };
      }
    }
  } catch (error) {
    if (options.signal.aborted) return;
    throw new LatheError('UNAVAILABLE', `The model download broke off at ${received} bytes; start it again to continue: ${(error as Error).message}`);
  } finally {
    await file.close();
  }
  if (totalBytes !== null && received !== totalBytes) {
    throw new LatheError('UNAVAILABLE', `The model download ended at ${received} of ${totalBytes} bytes; start it again to continue`);
  }
  yield { kind: 'progress', receivedBytes: received, totalBytes, resumed };
}

function totalSize(response: Response, offset: number): number | null {
  const range = response.headers.get('content-range')?.match(/\/(\d+)$/);
  if (range?.[1]) return Number(range[1]);
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(length) ? offset + length : null;
}

async function hashFile(path: string, hash: Hash): Promise<string> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.copy().digest('hex');
}
