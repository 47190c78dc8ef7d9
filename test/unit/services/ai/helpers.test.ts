import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext } from '../../../../src-main/services/ai/context-files';
import { PathGuard } from '../../../../src-main/services/workspace';
import { failureFromStatus, retryAfterMs } from '../../../../src-main/services/ai/http-failure';
import type { ProviderMessage } from '../../../../src-main/services/ai/provider';
import { maskSecrets, parseIgnoreFile, sensitivePathMatcher } from '../../../../src-main/services/ai/redaction';
import { estimateTokens, fitMessages } from '../../../../src-main/services/ai/tokens';
import { percentile } from '../../../../src-main/services/ai/usage';

describe('secret masking', () => {
  it.each([
    ['OPENAI_API_KEY=sk-proj-Abcdefghijklmnopqrstuvwxyz012345', 'OPENAI_API_KEY=[REDACTED openai key]'],
    ['key: sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123', 'key: [REDACTED anthropic key]'],
    ['token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"', 'token = "[REDACTED github token]"'],
    ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_access_key_id = [REDACTED aws access key]'],
    ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz.0123456789', 'Authorization: Bearer [REDACTED bearer token]'],
    ['postgres://app:s3cretPass@db.internal:5432/app', 'postgres://app:[REDACTED url password]@db.internal:5432/app'],
    ['"client_secret": "9f8e7d6c5b4a3f2e1d0c"', '"client_secret": "[REDACTED secret]"'],
    ['DB_PASSWORD=hunter2hunter2', 'DB_PASSWORD=[REDACTED secret]'],
  ])('masks %s', (input, expected) => {
    expect(maskSecrets(input)).toEqual({ text: expected, count: 1 });
  });

  it('masks a whole private key block', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';
    expect(maskSecrets(`before\n${key}\nafter`).text).toBe('before\n[REDACTED private key]\nafter');
  });

  it.each([
    'let token = self.store.get_token();',
    'password: ${DB_PASSWORD}',
    'api_key = os.environ["API_KEY"]',
    'const secretName = "production";',
    'fn authenticate(token: &str) -> bool',
  ])('leaves code alone: %s', (input) => {
    expect(maskSecrets(input)).toEqual({ text: input, count: 0 });
  });
});

describe('the attachment deny list', () => {
  it('covers env files, keys and the ignore file patterns', () => {
    const sensitive = sensitivePathMatcher(parseIgnoreFile('# comment\n\nsecrets/\n/config/prod.toml\n*.p12\n!keep.txt\n'));
    for (const path of ['.env', 'app/.env.local', 'certs/server.pem', 'tls.key', 'home/.ssh/id_rsa', 'id_ed25519.pub', 'secrets/a.txt', 'deep/secrets/b', 'config/prod.toml', 'x/store.p12']) {
      expect(sensitive(path), path).toBe(true);
    }
    for (const path of ['src/env.rs', 'environment.md', 'keys.rs', 'sub/config/prod.toml', 'keep.txt']) {
      expect(sensitive(path), path).toBe(false);
    }
  });
});

describe('history trimming', () => {
  const message = (role: ProviderMessage['role'], content: string): ProviderMessage => ({ role, content });
  const count = (messages: ProviderMessage[]) => messages.map((item) => estimateTokens(item.content));

  it('keeps everything that fits', () => {
    const messages = [message('system', 'sys'), message('user', 'a'), message('assistant', 'b'), message('user', 'c')];
    expect(fitMessages(messages, count(messages), 1000, undefined)).toMatchObject({ messages, droppedMessages: 0, truncatedChars: 0 });
  });

  it('drops whole turns, oldest first, keeping the system prompt and the last turn', () => {
    const long = 'x'.repeat(400);
    const messages = [
      message('system', 'sys'),
      message('user', `old ${long}`),
      message('assistant', long),
      message('tool', long),
      message('user', `newer ${long}`),
      message('assistant', long),
      message('user', 'now'),
    ];
    const fitted = fitMessages(messages, count(messages), 300, undefined);
    expect(fitted?.droppedMessages).toBe(3);
    expect(fitted?.messages.map((item) => item.content.slice(0, 5))).toEqual(['sys', 'newer', 'xxxxx', 'now']);
    expect(fitted?.promptTokens).toBeLessThanOrEqual(300);
  });

  it('cuts the attached context of the last message when it alone is too long, keeping what was typed', () => {
    const context = `<file path="big.rs">\n${'y'.repeat(4000)}\n</file>`;
    const messages = [message('system', 'sys'), message('user', `${context}\n\nexplain this`)];
    const fitted = fitMessages(messages, count(messages), 200, { context, text: 'explain this' });
    const content = fitted?.messages.at(-1)?.content ?? '';
    expect(fitted?.truncatedChars).toBeGreaterThan(3000);
    expect(content).toMatch(/left out to fit the model's context window\]\n\n\nexplain this$/);
    expect(estimateTokens(content)).toBeLessThanOrEqual(200);
  });

  it('gives up when what was typed cannot fit', () => {
    const messages = [message('system', 'sys'), message('user', 'z'.repeat(4000))];
    expect(fitMessages(messages, count(messages), 100, undefined)).toBeUndefined();
  });
});

describe('HTTP failures', () => {
  it('reads Retry-After in milliseconds, seconds and as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('classifies statuses and masks keys echoed in messages', () => {
    expect(failureFromStatus('X', 429, 'slow', new Headers({ 'retry-after': '2' }))).toMatchObject({ code: 'rate-limited', retry: { retryable: true, afterMs: 2000 } });
    expect(failureFromStatus('X', 503, 'down')).toMatchObject({ code: 'server-error', retry: { retryable: true } });
    expect(failureFromStatus('X', 404, 'no model')).toMatchObject({ code: 'model-unavailable', retry: { retryable: false } });
    const auth = failureFromStatus('X', 401, 'Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz');
    expect(auth).toMatchObject({ code: 'auth', message: 'X answered 401: Incorrect API key provided: [REDACTED openai key]' });
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, index) => index + 1), 0.95)).toBe(95);
  });
});

describe('rules files with a watcher', () => {
  it('are read once, and again after one of them changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lathe-rules-'));
    writeFileSync(join(root, 'AGENTS.md'), 'first');
    let notify: (paths: string[]) => void = () => undefined;
    const context = new WorkspaceContext(await PathGuard.create(root), (listener) => ((notify = listener), { dispose: () => undefined }));
    expect((await context.rules()).map((rule) => rule.content)).toEqual(['first']);
    writeFileSync(join(root, 'AGENTS.md'), 'second');
    notify(['src/main.rs']);
    expect((await context.rules()).map((rule) => rule.content)).toEqual(['first']);
    notify(['AGENTS.md']);
    expect((await context.rules()).map((rule) => rule.content)).toEqual(['second']);
  });
});
