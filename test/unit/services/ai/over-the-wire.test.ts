import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract, type AiChatChunk, type LatheApi, type LatheErrorData } from '../../../../src-shared/contract';
import { createRpcClient } from '../../../../src-shared/rpc/client';
import { channelPair } from '../../helpers/channel-pair';
import { FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { startTestHost, type TestHost } from '../../helpers/test-host';

let server: FakeAiServer;
let testHost: TestHost;
let api: LatheApi;

beforeAll(async () => {
  server = await FakeAiServer.start();
  testHost = await startTestHost();
  const pair = channelPair();
  testHost.host.router.connect(pair.host, 'test');
  api = createRpcClient(contract, pair.client).api;
  await api.settings.update({ key: 'ai.compatible.servers', value: [{ id: 'fake', preset: 'custom', baseUrl: `${server.url}/v1` }], target: 'user' });
  await api.settings.update({ key: 'ai.routing.chat', value: [{ provider: 'fake', model: 'coder' }], target: 'user' });
});

afterAll(async () => {
  await testHost.host.dispose();
  await server.close();
});

function openChat(text: string, onChunk: (chunk: AiChatChunk, stop: () => void) => void): Promise<{ chunks: AiChatChunk[]; error?: LatheErrorData }> {
  return new Promise((resolve) => {
    const chunks: AiChatChunk[] = [];
    const subscription = api.ai.chat(
      { action: { kind: 'send', text } },
      {
        next: (chunk) => {
          chunks.push(chunk);
          onChunk(chunk, () => {
            subscription.dispose();
            resolve({ chunks });
          });
        },
        error: (error) => resolve({ chunks, error }),
        complete: () => resolve({ chunks }),
      },
    );
  });
}

it('streams a chat answer to a client through the router', async () => {
  server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['over ', 'the ', 'wire']) });
  const { chunks, error } = await openChat('hi', () => undefined);
  expect(error).toBeUndefined();
  expect(chunks.map((chunk) => chunk.kind)).toEqual(['start', 'answering', 'text', 'text', 'text', 'done']);
  const threads = await api.ai.listThreads({});
  expect(threads[0]).toMatchObject({ title: 'hi', messageCount: 2 });
});

it('aborts the provider request within 100 ms of the client cancelling', async () => {
  server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(Array.from({ length: 100 }, () => 'word ')), delayMs: 20 });
  let cancelledAt = 0;
  await openChat('long', (chunk, stop) => {
    if (chunk.kind === 'text' && !cancelledAt) {
      cancelledAt = performance.now();
      stop();
    }
  });
  const closedAt = await server.requestsTo('/v1/chat/completions').at(-1)?.closed;
  expect((closedAt ?? Infinity) - cancelledAt).toBeLessThan(100);
});

it('tells the client why nothing could answer, as a typed error', async () => {
  server.on('POST /v1/chat/completions', { kind: 'json', status: 401, body: { error: { message: 'no' } } });
  const { error } = await openChat('a prompt that must stay out of the logs', () => undefined);
  expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { failures: [{ provider: 'fake', reason: { code: 'auth' } }] } });
  expect(testHost.logLines.some((line) => line['provider'] === 'fake' && line['code'] === 'auth')).toBe(true);
  expect(JSON.stringify(testHost.logLines)).not.toContain('must stay out of the logs');
});
