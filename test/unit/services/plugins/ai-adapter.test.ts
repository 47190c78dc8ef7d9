import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pluginApiCalls } from '../../../../src-shared/contract';
import { pluginAiFrom } from '../../../../src-main/services/plugins';
import { FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { startAi, type AiHarness } from '../ai/harness';

let server: FakeAiServer;
let ai: AiHarness;

beforeEach(async () => {
  server = await FakeAiServer.start();
  ai = await startAi({ 'ai.compatible.servers': [{ id: 'fake', preset: 'custom', baseUrl: `${server.url}/v1` }] });
  server.on('GET /v1/models', { kind: 'json', body: { object: 'list', data: [{ id: 'fake-coder', object: 'model' }] } });
});

afterEach(async () => {
  await ai.dispose();
  await server.close();
});

describe('plugin AI requests through the real orchestrator', () => {
  it('answers a conversation whole and leaves no thread in the user’s chats', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['Use ', 'serde.'], { usage: { prompt: 20, completion: 2 } }) });
    const params = pluginApiCalls['ai.chat'].params.parse({
      messages: [
        { role: 'user', content: 'Which crate parses JSON?' },
        { role: 'assistant', content: 'Do you need derive support?' },
        { role: 'user', content: 'Yes.' },
      ],
    });
    const answer = await pluginAiFrom(ai.service).chat(params, new AbortController().signal);
    expect(answer).toEqual({ text: 'Use serde.', answeredBy: { provider: 'fake', model: 'fake-coder' }, finishReason: 'stop' });
    const sent = (server.requestsTo('/v1/chat/completions')[0]?.body as { messages: { role: string; content: string }[] }).messages;
    // Only the plugin's messages: no system prompt or project rules of the user's chat.
    expect(sent).toEqual([
      { role: 'user', content: 'Which crate parses JSON?' },
      { role: 'assistant', content: 'Do you need derive support?' },
      { role: 'user', content: 'Yes.' },
    ]);
    expect(ai.service.listThreads(50, 0)).toEqual([]);
  });

  it('fails typed and keeps no thread when the provider refuses', async () => {
    server.on('POST /v1/chat/completions', { kind: 'json', status: 400, body: { error: { message: 'bad request' } } });
    const params = pluginApiCalls['ai.chat'].params.parse({ messages: [{ role: 'user', content: 'hi' }] });
    await expect(pluginAiFrom(ai.service).chat(params, new AbortController().signal)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(ai.service.listThreads(50, 0)).toEqual([]);
  });
});
