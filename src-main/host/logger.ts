import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
export const redactedKeys = ['apiKey', 'token', 'secret', 'password', 'authorization', 'cookie', 'prompt', 'messages', 'value'];

/**
 * A logger writing JSON lines to `<profile>/logs/lathe.N.log`, rolled daily and at 10 MB, with
 * the last 7 files kept. Writing happens on pino's worker thread, off the main event loop.
 */
export function createLogger(userDataDir: string, level: string): Logger {
  const directory = join(userDataDir, 'logs');
  mkdirSync(directory, { recursive: true });
  const transport = pino.transport({
    target: 'pino-roll',
    options: { file: join(directory, 'lathe'), extension: '.log', frequency: 'daily', size: '10m', limit: { count: 7 }, mkdir: true },
  });
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: redactedKeys.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
    },
    transport,
  );
}
