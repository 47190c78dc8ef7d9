import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aiCompleteInputSchema,
  aiDownloadChunkSchema,
  aiEditInputSchema,
  aiGenerationChunkSchema,
  aiProviderStatusSchema,
  type AiDownloadChunk,
} from '../../../../src-shared/contract';
import { FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { collect, startAi, textOf, type AiHarness } from './harness';

let server: FakeAiServer;
let ai: AiHarness;
const signal = () => new AbortController().signal;

beforeEach(async () => {
  server = await FakeAiServer.start();
  ai = await startAi({
    'ai.openai.baseUrl': `${server.url}/v1`,
    'ai.compatible.servers': [{ id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1` }],
  });
});

afterEach(async () => {
  await ai.dispose();
  await server.close();
});

describe('edit and completion', () => {
  it('edits code through the edit route and streams the replacement', async () => {
    ai.settings['ai.routing.edit'] = [{ provider: 'ollama', model: 'coder' }];
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['let total: u64 = ', 'items.iter().sum();']) });
    const { chunks, error } = await collect(
      ai.service.edit(aiEditInputSchema.parse({ instruction: 'use an iterator', code: 'let mut total = 0; for i in items { total += i; }', path: 'src/lib.rs' }), signal()),
      (chunk) => aiGenerationChunkSchema.parse(chunk),
    );
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('let total: u64 = items.iter().sum();');
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', answeredBy: { provider: 'ollama', model: 'coder' }, finishReason: 'stop' });
    const body = server.requestsTo('/v1/chat/completions')[0]?.body as { temperature: number; messages: { content: string }[] };
    expect(body.temperature).toBe(0);
    expect(body.messages[1]?.content).toContain('Instruction: use an iterator');
    expect(body.messages[1]?.content).toContain('File: src/lib.rs');
  });

  it('uses the native fill-in-the-middle endpoint where the server has one', async () => {
    ai.settings['ai.routing.completion'] = [{ provider: 'ollama', model: 'coder' }];
    server.on('POST /v1/completions', {
      kind: 'sse',
      events: [
        { data: { choices: [{ text: 'x + ', finish_reason: null }] } },
        { data: { choices: [{ text: 'y', finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 2 } } },
        { raw: 'data: [DONE]' },
      ],
    });
    const { chunks } = await collect(ai.service.complete(aiCompleteInputSchema.parse({ prefix: 'let z = ', suffix: ';\n' }), signal()));
    expect(textOf(chunks)).toBe('x + y');
    expect(server.requestsTo('/v1/completions')[0]?.body).toMatchObject({ model: 'coder', prompt: 'let z = ', suffix: ';\n', temperature: 0, max_tokens: 128, stream: true });
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', usage: { inputTokens: 7, outputTokens: 2, exact: true } });
  });

  it('asks a chat model to fill in the middle where there is no native endpoint', async () => {
    ai.secrets.set('openai.apiKey', 'sk-test-0123456789abcdefghijklmnop');
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['42']) });
    const { chunks } = await collect(ai.service.complete(aiCompleteInputSchema.parse({ prefix: 'const answer = ', suffix: ';', path: 'a.ts' }), signal()));
    expect(chunks.find((chunk) => chunk.kind === 'answering')).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });
    expect(textOf(chunks)).toBe('42');
    const [request] = server.requestsTo('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-0123456789abcdefghijklmnop');
    expect((request?.body as { messages: { content: string }[] }).messages[1]?.content).toBe('Language: ts\n\nconst answer = <CURSOR>;');
  });

  it('sends OpenAI reasoning models no temperature', async () => {
    ai.secrets.set('openai.apiKey', 'sk-test-0123456789abcdefghijklmnop');
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['ok']) });
    await collect(ai.service.edit(aiEditInputSchema.parse({ instruction: 'x', code: 'y' }), signal()));
    const body = server.requestsTo('/v1/chat/completions')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'gpt-5-mini', max_completion_tokens: 4096 });
    expect(body).not.toHaveProperty('temperature');
  });
});

describe('embeddings, models and providers', () => {
  it('embeds through the embeddings route and records the usage', async () => {
    ai.secrets.set('openai.apiKey', 'sk-test-0123456789abcdefghijklmnop');
    server.on('POST /v1/embeddings', { kind: 'json', body: { object: 'list', data: [{ object: 'embedding', index: 1, embedding: [0, 1] }, { object: 'embedding', index: 0, embedding: [1, 0] }], usage: { prompt_tokens: 6, total_tokens: 6 } } });
    const result = await ai.service.embed({ texts: ['a', 'b'] }, signal());
    expect(result).toMatchObject({ answeredBy: { provider: 'openai', model: 'text-embedding-3-small' }, vectors: [[1, 0], [0, 1]], usage: { inputTokens: 6, exact: true } });
    expect(result.usage.costUsd).toBeCloseTo(6 * 0.02 / 1_000_000, 12);
    expect(ai.service.usageSummary(undefined, undefined).rows).toEqual([expect.objectContaining({ feature: 'embeddings', inputTokens: 6 })]);
  });

  it('lists the models of every configured provider and reports the ones that fail', async () => {
    ai.secrets.set('openai.apiKey', 'sk-test-0123456789abcdefghijklmnop');
    server.on('GET /v1/models', { kind: 'json', body: { object: 'list', data: [{ id: 'gpt-4.1', object: 'model' }, { id: 'text-embedding-3-small', object: 'model' }] } });
    ai.settings['ai.compatible.servers'] = [
      { id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1` },
      { id: 'gone', preset: 'custom', baseUrl: 'http://127.0.0.1:9/v1' },
    ];
    const { models, failures } = await ai.service.models(signal());
    expect(models).toContainEqual({ provider: 'openai', model: 'gpt-4.1', label: 'gpt-4.1', features: ['chat', 'edit', 'completion'], contextWindow: 1_047_576 });
    expect(models).toContainEqual(expect.objectContaining({ provider: 'ollama', model: 'text-embedding-3-small', features: ['embeddings'] }));
    expect(failures).toEqual([{ provider: 'gone', reason: { code: 'connection', message: expect.stringMatching(/Could not reach/) } }]);
  });

  it('reports each provider with its key state, circuit and health, never the key', async () => {
    ai.secrets.set('openai.apiKey', 'sk-test-0123456789abcdefghijklmnop');
    server.on('GET /v1/models', { kind: 'json', body: { object: 'list', data: [] } });
    const changes: unknown[] = [];
    ai.service.onDidChangeProviders((event) => changes.push(event));
    const statuses = await ai.service.checkHealth(undefined);
    for (const status of statuses) aiProviderStatusSchema.parse(status);
    expect(statuses.map((status) => [status.id, status.configured, status.keySet, status.keySecret, status.health.state])).toEqual([
      ['openai', true, true, 'openai.apiKey', 'ok'],
      ['anthropic', false, false, 'anthropic.apiKey', 'unknown'],
      ['ollama', true, null, 'compatible.ollama.apiKey', 'ok'],
      ['local', false, null, null, 'unknown'],
    ]);
    expect(JSON.stringify(statuses)).not.toContain('sk-test');
    expect(changes).toHaveLength(1);
    server.on('GET /v1/models', { kind: 'json', status: 401, body: { error: { message: 'bad key' } } });
    const [openai] = await ai.service.checkHealth('openai');
    expect(openai?.health).toMatchObject({ state: 'error', message: expect.stringMatching(/401/) });
    await expect(ai.service.checkHealth('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('model download', () => {
  const model = Buffer.from(`GGUF${'x'.repeat(300_000)}`);
  const sha256 = createHash('sha256').update(model).digest('hex');

  /** Serves the file with Range support, like a CDN. */
  function serveModel(): void {
    server.on('GET /models/tiny.gguf', { kind: 'raw', status: 200, body: model, headers: { 'content-length': String(model.length) } });
  }

  async function download(input: { url: string; sha256?: string }, abortAfterBytes?: number): Promise<{ chunks: AiDownloadChunk[]; error: unknown }> {
    const controller = new AbortController();
    return collect(ai.service.downloadModel(input, controller.signal), (chunk) => {
      aiDownloadChunkSchema.parse(chunk);
      if (abortAfterBytes !== undefined && chunk.kind === 'progress' && chunk.receivedBytes >= abortAfterBytes) controller.abort();
    });
  }

  it('downloads into the profile, checks the checksum and reports progress', async () => {
    serveModel();
    const { chunks, error } = await download({ url: `${server.url}/models/tiny.gguf`, sha256 });
    expect(error).toBeUndefined();
    const done = chunks.at(-1);
    expect(done).toEqual({ kind: 'done', path: join(ai.profile, 'models', 'tiny.gguf'), sizeBytes: model.length, sha256 });
    expect(chunks.filter((chunk) => chunk.kind === 'progress').at(-1)).toMatchObject({ receivedBytes: model.length, totalBytes: model.length });
    expect(readFileSync(join(ai.profile, 'models', 'tiny.gguf')).equals(model)).toBe(true);
  });

  it('continues a partial download with a Range request', async () => {
    const folder = join(ai.profile, 'models');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'tiny.gguf.part'), model.subarray(0, 100_000));
    server.on('GET /models/tiny.gguf', {
      kind: 'raw',
      status: 206,
      body: model.subarray(100_000),
      headers: { 'content-range': `bytes 100000-${model.length - 1}/${model.length}`, 'content-length': String(model.length - 100_000) },
    });
    const { chunks } = await download({ url: `${server.url}/models/tiny.gguf`, sha256 });
    expect(server.requestsTo('/models/tiny.gguf')[0]?.headers.range).toBe('bytes=100000-');
    expect(chunks[0]).toMatchObject({ kind: 'progress', resumed: true, receivedBytes: 100_000, totalBytes: model.length });
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', sha256 });
  });

  it('keeps the partial file when cancelled, for the next download to continue', async () => {
    serveModel();
    const { chunks, error } = await download({ url: `${server.url}/models/tiny.gguf` }, 0);
    expect(error).toBeUndefined();
    expect(chunks.some((chunk) => chunk.kind === 'done')).toBe(false);
    expect(existsSync(join(ai.profile, 'models', 'tiny.gguf'))).toBe(false);
    expect(existsSync(join(ai.profile, 'models', 'tiny.gguf.part'))).toBe(true);
  });

  it('deletes a download whose checksum does not match', async () => {
    serveModel();
    const { error } = await download({ url: `${server.url}/models/tiny.gguf`, sha256: 'a'.repeat(64) });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/SHA-256/) });
    expect(existsSync(join(ai.profile, 'models', 'tiny.gguf.part'))).toBe(false);
    expect(existsSync(join(ai.profile, 'models', 'tiny.gguf'))).toBe(false);
  });

  it('refuses a URL that does not name a model file', async () => {
    const { error } = await download({ url: `${server.url}/models/run.sh` });
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(server.requests).toHaveLength(0);
  });
});
