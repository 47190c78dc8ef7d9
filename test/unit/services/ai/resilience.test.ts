import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiChatChunkSchema, aiChatInputSchema, type AiChatChunk, type AiChatInput, type SettingsValues } from '../../../../src-shared/contract';
import { anthropicStream, FakeAiServer, openAiStream, type Reply } from '../../helpers/fake-ai-server';
import { collect, startAi, textOf, type AiHarness } from './harness';

let primary: FakeAiServer;
let backup: FakeAiServer;
let ai: AiHarness;

const route: SettingsValues['ai.routing.chat'] = [
  { provider: 'primary', model: 'main-model' },
  { provider: 'backup', model: 'backup-model' },
];

beforeEach(async () => {
  primary = await FakeAiServer.start();
  backup = await FakeAiServer.start();
  ai = await startAi({
    'ai.compatible.servers': [
      { id: 'primary', preset: 'custom', baseUrl: `${primary.url}/v1` },
      { id: 'backup', preset: 'custom', baseUrl: `${backup.url}/v1` },
    ],
    'ai.routing.chat': route,
    'ai.request.connectTimeoutMs': 300,
    'ai.request.firstTokenTimeoutMs': 300,
    'ai.request.idleTimeoutMs': 300,
    'ai.request.maxRetries': 2,
    'ai.circuit.failureThreshold': 3,
  });
  backup.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['from backup']) });
});

afterEach(async () => {
  await ai.dispose();
  await Promise.all([primary.close(), backup.close()]);
});

function chat(input: AiChatInput = { action: { kind: 'send', text: 'hello' } }, signal = new AbortController().signal) {
  return collect(ai.service.chat(aiChatInputSchema.parse(input), signal), (chunk) => aiChatChunkSchema.parse(chunk));
}

const kinds = (chunks: AiChatChunk[]) => chunks.map((chunk) => chunk.kind);
const fallbackOf = (chunks: AiChatChunk[]) => chunks.find((chunk): chunk is Extract<AiChatChunk, { kind: 'fallback' }> => chunk.kind === 'fallback');
const primaryCalls = () => primary.requestsTo('/v1/chat/completions').length;

describe('retries', () => {
  it('waits as long as Retry-After says on 429, then answers', async () => {
    primary.on('POST /v1/chat/completions', { kind: 'json', status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down' } } }, { kind: 'sse', events: openAiStream(['after the wait']) });
    const started = performance.now();
    const { chunks, error } = await chat();
    expect(error).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(primaryCalls()).toBe(2);
    expect(chunks.find((chunk) => chunk.kind === 'notice')).toMatchObject({ code: 'retrying', message: expect.stringMatching(/429.*retrying in 1\.0 s \(retry 1 of 2\)/) });
    expect(textOf(chunks)).toBe('after the wait');
  });

  it('retries 500 and 503 with backoff, then answers from the same provider', async () => {
    primary.on(
      'POST /v1/chat/completions',
      { kind: 'json', status: 500, body: { error: { message: 'boom' } } },
      { kind: 'json', status: 503, body: { error: { message: 'overloaded' } } },
      { kind: 'sse', events: openAiStream(['third time']) },
    );
    const { chunks } = await chat();
    expect(primaryCalls()).toBe(3);
    expect(chunks.filter((chunk) => chunk.kind === 'notice')).toHaveLength(2);
    expect(chunks.find((chunk) => chunk.kind === 'answering')).toMatchObject({ provider: 'primary' });
    expect(textOf(chunks)).toBe('third time');
  });

  it('does not retry a client error: it falls back at once', async () => {
    primary.on('POST /v1/chat/completions', { kind: 'json', status: 400, body: { error: { message: 'bad model' } } });
    const { chunks } = await chat();
    expect(primaryCalls()).toBe(1);
    expect(fallbackOf(chunks)).toMatchObject({ from: { provider: 'primary', model: 'main-model' }, reason: { code: 'bad-request' }, to: { provider: 'backup', model: 'backup-model' } });
    expect(textOf(chunks)).toBe('from backup');
  });
});

describe('faults before the answer starts fall back to the next provider', () => {
  const cases: [string, Reply, string][] = [
    ['a connection that never answers', { kind: 'hang' }, 'timeout'],
    ['a stream that sends nothing', { kind: 'silent-stream' }, 'timeout'],
    ['a reset before any output', { kind: 'reset' }, 'connection'],
    ['malformed SSE', { kind: 'sse', events: [{ raw: 'data: {"choices": [{"delta": {"content": "x"' }] }, 'malformed-response'],
    ['a stream that ends before finishing', { kind: 'sse', events: openAiStream([], { finishReason: null, done: false }) }, 'malformed-response'],
    ['a server error', { kind: 'json', status: 502, body: { error: { message: 'bad gateway' } } }, 'server-error'],
  ];
  it.each(cases)('%s', async (_name, reply, code) => {
    primary.on('POST /v1/chat/completions', reply);
    const started = performance.now();
    const { chunks, error } = await chat();
    expect(error).toBeUndefined();
    expect(primaryCalls()).toBe(3);
    expect(fallbackOf(chunks)?.reason.code).toBe(code);
    expect(kinds(chunks).slice(-4)).toEqual(['fallback', 'answering', 'text', 'done']);
    expect(textOf(chunks)).toBe('from backup');
    expect(performance.now() - started).toBeLessThan(5000);
    const summary = ai.service.usageSummary(undefined, undefined);
    expect(summary.providers.find((row) => row.provider === 'primary')).toMatchObject({ requests: 1, errors: 1, errorRate: 1 });
  });
});

describe('faults while the answer streams', () => {
  const cases: [string, Reply, RegExp][] = [
    ['a stall between chunks', { kind: 'sse', events: openAiStream(['partial '], { finishReason: null, done: false }), end: 'stall' }, /stopped streaming for more than 300 ms/],
    ['a reset mid-stream', { kind: 'sse', events: openAiStream(['partial '], { finishReason: null, done: false }), end: 'reset' }, /connection .* broke/],
    ['a truncated stream', { kind: 'sse', events: openAiStream(['partial '], { finishReason: null, done: false }) }, /ended before the answer was complete/],
  ];
  it.each(cases)('%s ends with a typed error and keeps the partial answer', async (_name, reply, message) => {
    primary.on('POST /v1/chat/completions', reply);
    const { chunks, error } = await chat();
    expect(primaryCalls()).toBe(1);
    expect(backup.requests).toHaveLength(0);
    expect(textOf(chunks)).toBe('partial ');
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(message) });
    const start = chunks[0] as Extract<AiChatChunk, { kind: 'start' }>;
    const last = ai.service.getThread(start.thread.id).messages.at(-1);
    expect(last).toMatchObject({ role: 'assistant', status: 'error', content: 'partial ', error: { message: expect.stringMatching(message) } });
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, skips the provider, then tries it again after the cooldown', async () => {
    ai.settings['ai.request.maxRetries'] = 0;
    ai.settings['ai.circuit.cooldownSeconds'] = 1;
    primary.on('POST /v1/chat/completions', { kind: 'json', status: 500, body: { error: { message: 'down' } } });
    for (let index = 0; index < 3; index += 1) await chat();
    expect(primaryCalls()).toBe(3);
    const statuses = await ai.service.providers();
    expect(statuses.find((status) => status.id === 'primary')?.circuit).toBe('open');

    const skipped = await chat();
    expect(primaryCalls()).toBe(3);
    expect(fallbackOf(skipped.chunks)?.reason).toMatchObject({ code: 'circuit-open', message: expect.stringMatching(/skipped after repeated failures/) });
    expect(textOf(skipped.chunks)).toBe('from backup');

    primary.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['recovered']) });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const recovered = await chat();
    expect(textOf(recovered.chunks)).toBe('recovered');
    expect((await ai.service.providers()).find((status) => status.id === 'primary')?.circuit).toBe('closed');
  });

  it('does not count cancels against the circuit', async () => {
    ai.settings['ai.circuit.failureThreshold'] = 1;
    primary.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['a', 'b', 'c', 'd']), delayMs: 50 });
    const controller = new AbortController();
    await collect(ai.service.chat(aiChatInputSchema.parse({ action: { kind: 'send', text: 'x' } }), controller.signal), (chunk) => {
      if (chunk.kind === 'text') controller.abort();
    });
    expect((await ai.service.providers()).find((status) => status.id === 'primary')?.circuit).toBe('closed');
  });
});

describe('when every provider fails', () => {
  it('ends with one typed error that lists each failure', async () => {
    primary.on('POST /v1/chat/completions', { kind: 'json', status: 401, body: { error: { message: 'invalid key' } } });
    backup.on('POST /v1/chat/completions', { kind: 'json', status: 404, body: { error: { message: 'no such model' } } });
    const { chunks, error } = await chat();
    expect(kinds(chunks)).toEqual(['start', 'fallback', 'fallback']);
    expect(fallbackOf(chunks)?.to).toEqual({ provider: 'backup', model: 'backup-model' });
    expect(chunks[2]).toMatchObject({ kind: 'fallback', to: null, reason: { code: 'model-unavailable' } });
    expect(error?.code).toBe('UNAVAILABLE');
    expect(error?.message).toMatch(/primary: .*401.*; backup: .*404/);
    expect(error?.details).toMatchObject({ failures: [{ provider: 'primary', reason: { code: 'auth' } }, { provider: 'backup', reason: { code: 'model-unavailable' } }] });
  });

  it('says what to set up when no provider is configured', async () => {
    ai.settings['ai.routing.chat'] = [];
    ai.settings['ai.compatible.servers'] = [];
    const { chunks, error } = await chat();
    expect(kinds(chunks)).toEqual(['start']);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/No AI provider is set up for chat/) });
  });

  it('reports a provider without a key as skipped, then asks the next', async () => {
    ai.settings['ai.routing.chat'] = [{ provider: 'anthropic' }, { provider: 'backup', model: 'backup-model' }];
    const { chunks } = await chat();
    expect(fallbackOf(chunks)).toMatchObject({ from: { provider: 'anthropic', model: 'default' }, reason: { code: 'not-configured', message: 'Anthropic was skipped: no API key is set' } });
    expect(textOf(chunks)).toBe('from backup');
  });
});

describe('Anthropic faults', () => {
  it('retries an overloaded error and reads the stream that follows', async () => {
    ai.settings['ai.anthropic.baseUrl'] = primary.url;
    ai.settings['ai.routing.chat'] = [{ provider: 'anthropic', model: 'claude-haiku-5-5' }];
    ai.secrets.set('anthropic.apiKey', 'sk-ant-0123456789abcdefghijklmnop');
    primary.on('POST /v1/messages', { kind: 'json', status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } }, { kind: 'sse', events: anthropicStream(['fine now']) });
    const { chunks, error } = await chat();
    expect(error).toBeUndefined();
    expect(primary.requestsTo('/v1/messages')).toHaveLength(2);
    expect(textOf(chunks)).toBe('fine now');
  });

  it('treats a stream without message_stop as incomplete', async () => {
    ai.settings['ai.anthropic.baseUrl'] = primary.url;
    ai.settings['ai.routing.chat'] = [{ provider: 'anthropic', model: 'claude-haiku-5-5' }];
    ai.secrets.set('anthropic.apiKey', 'sk-ant-0123456789abcdefghijklmnop');
    primary.on('POST /v1/messages', { kind: 'sse', events: anthropicStream(['cut'], { stop: false }) });
    const { error } = await chat();
    expect(error?.message).toMatch(/ended before the answer was complete/);
  });
});
