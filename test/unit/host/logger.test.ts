import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/host/logger';

describe('the host logger', () => {
  it('writes JSON lines to a rolling file in the profile and never writes secret values', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lathe-log-'));
    const logger = createLogger(profile, 'info');
    logger.info({ provider: 'openai', apiKey: 'sk-live-123456', request: { authorization: 'Bearer abc.def', prompt: 'my private code' } }, 'request sent');
    logger.debug('below the level');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    // The file is written by pino's worker thread; wait for the line to land.
    const directory = join(profile, 'logs');
    let text = '';
    for (let attempt = 0; attempt < 100 && !text.includes('request sent'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = readdirSync(directory).map((name) => readFileSync(join(directory, name), 'utf8')).join('');
    }
    const line = JSON.parse(text.split('\n').find((candidate) => candidate.includes('request sent')) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'request sent', provider: 'openai', apiKey: '[redacted]', request: { authorization: '[redacted]', prompt: '[redacted]' } });
    expect(text).not.toContain('sk-live-123456');
    expect(text).not.toContain('Bearer abc.def');
    expect(text).not.toContain('my private code');
    expect(text).not.toContain('below the level');
    expect(readdirSync(directory)).toEqual([expect.stringMatching(/^lathe\.\d+\.log$/)]);
  });
});
