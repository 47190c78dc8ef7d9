import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiChatChunkSchema, aiChatInputSchema, type AiChatChunk, type AiChatInput } from '../../../../src-shared/contract';
import { anthropicStream, FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { collect, startAi, textOf, type AiHarness } from './harness';

let server: FakeAiServer;
let ai: AiHarness;

beforeEach(async () => {
  server = await FakeAiServer.start();
  ai = await startAi({ 'ai.compatible.servers': [{ id: 'fake', preset: 'custom', baseUrl: `${server.url}/v1` }] });
});

afterEach(async () => {
  await ai.dispose();
  await server.close();
});

function chat(input: AiChatInput, signal = new AbortController().signal) {
  return collect(ai.service.chat(aiChatInputSchema.parse(input), signal), (chunk) => aiChatChunkSchema.parse(chunk));
}

const send = (text: string, extra: Partial<AiChatInput> = {}): AiChatInput => ({ action: { kind: 'send', text }, ...extra });

function requestBody(index = 0): { model: string; messages: { role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string }[]; stream: boolean; temperature: number } {
  return server.requestsTo('/v1/chat/completions')[index]?.body as never;
}

describe('chat through an OpenAI-compatible server', () => {
  it('streams the answer, stores the thread and records usage', async () => {
    server.on('POST /v1/models', { kind: 'json', body: {} });
    server.on('GET /v1/models', { kind: 'json', body: { object: 'list', data: [{ id: 'fake-coder', object: 'model' }, { id: 'fake-embed', object: 'model' }] } });
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['Hello', ', ', 'world'], { usage: { prompt: 12, completion: 3 } }) });

    const { chunks, error } = await chat(send('Say hello'));
    expect(error).toBeUndefined();
    expect(chunks.map((chunk) => chunk.kind)).toEqual(['start', 'answering', 'text', 'text', 'text', 'done']);
    expect(textOf(chunks)).toBe('Hello, world');
    expect(chunks[1]).toEqual({ kind: 'answering', provider: 'fake', model: 'fake-coder', cached: false });
    const done = chunks.at(-1) as Extract<AiChatChunk, { kind: 'done' }>;
    expect(done.message).toMatchObject({ role: 'assistant', content: 'Hello, world', status: 'complete', answeredBy: { provider: 'fake', model: 'fake-coder' } });
    expect(done.message.usage).toMatchObject({ inputTokens: 12, outputTokens: 3, exact: true, costUsd: 0 });

    const body = requestBody();
    expect(body.model).toBe('fake-coder');
    expect(body.stream).toBe(true);
    expect(body.messages[0]?.role).toBe('system');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'Say hello' });

    const start = chunks[0] as Extract<AiChatChunk, { kind: 'start' }>;
    const thread = ai.service.getThread(start.thread.id);
    expect(thread.thread.title).toBe('Say hello');
    expect(thread.messages.map((message) => [message.role, message.content])).toEqual([
      ['user', 'Say hello'],
      ['assistant', 'Hello, world'],
    ]);
    const summary = ai.service.usageSummary(undefined, undefined);
    expect(summary.rows).toEqual([expect.objectContaining({ provider: 'fake', model: 'fake-coder', feature: 'chat', requests: 1, errors: 0, inputTokens: 12, outputTokens: 3 })]);
  });

  it('streams tool calls and continues the conversation with their results', async () => {
    server.on(
      'POST /v1/chat/completions',
      { kind: 'sse', events: openAiStream(['Let me look.'], { toolCalls: [{ id: 'call_1', name: 'read_file', arguments: '{"path":"src/main.rs"}' }] }) },
      { kind: 'sse', events: openAiStream(['It prints hello.']) },
    );
    const tools = [{ name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } }];
    const first = await chat(send('What does main do?', { model: { provider: 'fake', model: 'coder' }, tools }));
    expect(first.chunks.filter((chunk) => chunk.kind === 'toolCall')).toEqual([{ kind: 'toolCall', call: { id: 'call_1', name: 'read_file', arguments: '{"path":"src/main.rs"}' } }]);
    const done = first.chunks.at(-1) as Extract<AiChatChunk, { kind: 'done' }>;
    expect(done.finishReason).toBe('tool-calls');
    expect(requestBody(0)).toMatchObject({ tools: [{ type: 'function', function: { name: 'read_file' } }] });

    const threadId = done.message.threadId;
    const second = await chat({ threadId, model: { provider: 'fake', model: 'coder' }, tools, action: { kind: 'toolResults', results: [{ toolCallId: 'call_1', content: 'fn main() { println!("hello") }' }] } });
    expect(textOf(second.chunks)).toBe('It prints hello.');
    const messages = requestBody(1).messages;
    expect(messages.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file' } }] });
    expect(messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'fn main() { println!("hello") }' });

    const unknown = await chat({ threadId, model: { provider: 'fake', model: 'coder' }, action: { kind: 'toolResults', results: [{ toolCallId: 'nope', content: '' }] } });
    expect(unknown.error?.code).toBe('CONFLICT');
  });

  it('answers identical deterministic requests from the cache until it is cleared', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['cached answer'], { usage: { prompt: 5, completion: 2 } }) });
    const input = send('Same question', { model: { provider: 'fake', model: 'coder' }, temperature: 0 });
    await chat(input);
    const again = await chat(input);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(1);
    expect(again.chunks.find((chunk) => chunk.kind === 'answering')).toMatchObject({ cached: true });
    expect(textOf(again.chunks)).toBe('cached answer');
    expect(again.chunks.at(-1)).toMatchObject({ kind: 'done', cached: true });

    const warm = await chat(send('Same question', { model: { provider: 'fake', model: 'coder' }, temperature: 0.7 }));
    expect(warm.chunks.find((chunk) => chunk.kind === 'answering')).toMatchObject({ cached: false });
    expect(ai.service.clearCache()).toEqual({ removed: 1 });
    await chat(input);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(3);
    expect(ai.service.usageSummary(undefined, undefined).rows[0]).toMatchObject({ requests: 4, cachedRequests: 1 });
  });

  it('stops the HTTP request at once on cancel and keeps the partial answer as stopped', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(Array.from({ length: 200 }, (_, index) => `token${index} `)), delayMs: 10 });
    const controller = new AbortController();
    let cancelledAt = 0;
    const result = await collect(ai.service.chat(aiChatInputSchema.parse(send('Long answer', { model: { provider: 'fake', model: 'coder' } })), controller.signal), (chunk) => {
      if (chunk.kind === 'text' && !cancelledAt) {
        cancelledAt = performance.now();
        controller.abort();
      }
    });
    const closedAt = await server.requestsTo('/v1/chat/completions')[0]?.closed;
    expect((closedAt ?? Infinity) - cancelledAt).toBeLessThan(100);
    expect(result.error).toBeUndefined();
    expect(result.chunks.some((chunk) => chunk.kind === 'done')).toBe(false);
    const threadId = (result.chunks[0] as Extract<AiChatChunk, { kind: 'start' }>).thread.id;
    await expect.poll(() => ai.service.getThread(threadId).messages.at(-1)?.status).toBe('stopped');
    expect(ai.service.getThread(threadId).messages.at(-1)?.content).toMatch(/^token0 /);
    expect(ai.service.usageSummary(undefined, undefined).rows[0]).toMatchObject({ requests: 1, errors: 0 });
  });

  it('edits and regenerates by removing what follows and answering again', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['answer']) });
    const model = { provider: 'fake', model: 'coder' };
    const first = await chat(send('first question', { model }));
    const threadId = (first.chunks[0] as Extract<AiChatChunk, { kind: 'start' }>).thread.id;
    await chat({ threadId, model, action: { kind: 'send', text: 'second question' } });
    const [firstQuestion, firstAnswer, secondQuestion, secondAnswer] = ai.service.getThread(threadId).messages;

    const regenerated = await chat({ threadId, model, action: { kind: 'regenerate' } });
    expect(regenerated.chunks[0]).toMatchObject({ kind: 'start', userMessage: null, removedMessageIds: [secondAnswer?.id] });
    expect(requestBody(2).messages.at(-1)).toEqual({ role: 'user', content: 'second question' });

    const edited = await chat({ threadId, model, action: { kind: 'edit', messageId: firstQuestion?.id ?? '', text: 'first question, rephrased' } });
    const start = edited.chunks[0] as Extract<AiChatChunk, { kind: 'start' }>;
    expect(start.removedMessageIds).toHaveLength(4);
    expect(start.removedMessageIds).toContain(firstAnswer?.id);
    expect(start.removedMessageIds).toContain(secondQuestion?.id);
    expect(ai.service.getThread(threadId).messages.map((message) => message.content)).toEqual(['first question, rephrased', 'answer']);
  });

  it('trims the oldest history to fit a small window, and says so', async () => {
    ai.settings['ai.compatible.servers'] = [{ id: 'fake', preset: 'custom', baseUrl: `${server.url}/v1`, contextWindow: 600 }];
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['ok']) });
    const thread = ai.service.createThread('long');
    for (let index = 0; index < 6; index += 1) {
      ai.service.appendMessage(thread.id, 'user', `question ${index} ${'x'.repeat(400)}`);
      ai.service.appendMessage(thread.id, 'assistant', `answer ${index} ${'y'.repeat(400)}`);
    }
    const { chunks } = await chat({ threadId: thread.id, model: { provider: 'fake', model: 'coder' }, maxOutputTokens: 100, action: { kind: 'send', text: 'latest question' } });
    const notice = chunks.find((chunk) => chunk.kind === 'notice');
    expect(notice).toMatchObject({ kind: 'notice', code: 'history-trimmed' });
    expect(notice && 'message' in notice ? notice.message : '').toMatch(/earlier messages were left out/);
    const sent = requestBody().messages;
    expect(sent[0]?.role).toBe('system');
    expect(sent.at(-1)?.content).toBe('latest question');
    expect(sent.length).toBeLessThan(14);
  });
});

describe('chat through Anthropic', () => {
  it('streams text and tool use with the key in its header and the system prompt apart', async () => {
    ai.settings['ai.anthropic.baseUrl'] = server.url;
    ai.secrets.set('anthropic.apiKey', 'sk-ant-test-key-0123456789abcdefghij');
    ai.settings['ai.prices'] = [{ provider: 'anthropic', model: 'claude-sonnet-5*', inputPerMillion: 3, outputPerMillion: 15 }];
    server.on('POST /v1/messages', { kind: 'sse', events: anthropicStream(['Sure', ', reading.'], { toolUse: { id: 'toolu_1', name: 'read_file', input: '{"path":"a.rs"}' }, usage: { input: 30, output: 9 } }) });
    const { chunks, error } = await chat(send('Read a.rs', { model: { provider: 'anthropic', model: 'claude-sonnet-5-5' }, tools: [{ name: 'read_file' }] }));
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('Sure, reading.');
    expect(chunks.find((chunk) => chunk.kind === 'toolCall')).toEqual({ kind: 'toolCall', call: { id: 'toolu_1', name: 'read_file', arguments: '{"path":"a.rs"}' } });
    const done = chunks.at(-1) as Extract<AiChatChunk, { kind: 'done' }>;
    expect(done.finishReason).toBe('tool-calls');
    expect(done.message.usage).toMatchObject({ inputTokens: 30, outputTokens: 9, exact: true });
    expect(done.message.usage?.costUsd).toBeCloseTo((30 * 3 + 9 * 15) / 1_000_000, 12);
    const [request] = server.requestsTo('/v1/messages');
    expect(request?.headers.authorization).toBe('Bearer sk-ant-test-key-0123456789abcdefghij');
    expect(request?.body).toMatchObject({ model: 'claude-sonnet-5-5', stream: true, system: expect.stringContaining('Lathe'), messages: [{ role: 'user', content: 'Read a.rs' }] });
  });
});

describe('context sent with a message', () => {
  beforeEach(() => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['ok']) });
    const root = ai.workspaceRoot;
    mkdirSync(join(root, '.lathe', 'rules'), { recursive: true });
    writeFileSync(join(root, 'AGENTS.md'), 'Always answer in British English.');
    writeFileSync(join(root, '.lathe', 'rules', 'style.md'), 'Prefer iterators over index loops.');
    writeFileSync(join(root, '.env'), 'DATABASE_PASSWORD=hunter2hunter2');
    writeFileSync(join(root, 'secrets.yaml'), 'token: abc');
    writeFileSync(join(root, '.lathe', 'ai-ignore'), '# private\nsecrets.yaml\n');
    writeFileSync(join(root, 'config.rs'), 'const KEY: &str = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";\nfn main() {}\n');
  });

  it('includes rules files in the system prompt and reports them', async () => {
    const { chunks } = await chat(send('hi', { model: { provider: 'fake', model: 'coder' } }));
    expect((chunks[0] as Extract<AiChatChunk, { kind: 'start' }>).rules.map((rule) => rule.path)).toEqual(['AGENTS.md', '.lathe/rules/style.md']);
    const system = requestBody().messages[0]?.content ?? '';
    expect(system).toContain('Always answer in British English.');
    expect(system).toContain('Prefer iterators over index loops.');
  });

  it('refuses files on the deny list unless allowed, and masks secrets in what is sent', async () => {
    const { chunks } = await chat({
      model: { provider: 'fake', model: 'coder' },
      action: {
        kind: 'send',
        text: 'look',
        attachments: [
          { kind: 'file', path: '.env' },
          { kind: 'file', path: 'secrets.yaml' },
          { kind: 'file', path: 'config.rs' },
          { kind: 'file', path: '../outside.txt' },
          { kind: 'text', label: 'Terminal', text: 'export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
        ],
      },
    });
    const reports = (chunks[0] as Extract<AiChatChunk, { kind: 'start' }>).userMessage?.attachments ?? [];
    expect(reports.map((report) => [report.label, report.status, report.redactions])).toEqual([
      ['.env', 'refused', 0],
      ['secrets.yaml', 'refused', 0],
      ['config.rs', 'attached', 1],
      ['../outside.txt', 'refused', 0],
      ['Terminal', 'attached', 1],
    ]);
    const sent = requestBody().messages.at(-1)?.content ?? '';
    expect(sent).toContain('<file path="config.rs">');
    expect(sent).toContain('[REDACTED openai key]');
    expect(sent).toContain('[REDACTED github token]');
    expect(sent).not.toContain('sk-proj-abcdefghij');
    expect(sent).not.toContain('ghp_abcdefghij');
    expect(sent).not.toContain('hunter2');

    await chat({ model: { provider: 'fake', model: 'coder' }, action: { kind: 'send', text: 'look', attachments: [{ kind: 'file', path: '.env', allowSensitive: true }] } });
    const allowed = requestBody(1).messages.at(-1)?.content ?? '';
    expect(allowed).toContain('<file path=".env">');
    expect(allowed).toContain('DATABASE_PASSWORD=[REDACTED secret]');
  });
});

describe('threads', () => {
  it('creates, renames, lists, searches and deletes threads', async () => {
    const first = ai.service.createThread('Borrow checker');
    const second = ai.service.createThread(undefined);
    ai.service.appendMessage(first.id, 'user', 'Why does the borrow checker reject this closure?');
    ai.service.appendMessage(second.id, 'user', 'How do I configure cargo workspaces?');
    expect(ai.service.renameThread(second.id, 'Cargo').title).toBe('Cargo');
    expect(ai.service.listThreads(10, 0).map((thread) => [thread.title, thread.messageCount])).toEqual([
      ['Cargo', 1],
      ['Borrow checker', 1],
    ]);
    const [hit] = ai.service.searchThreads('borrow clos', 10);
    expect(hit).toMatchObject({ threadId: first.id, threadTitle: 'Borrow checker', role: 'user' });
    const words = hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end));
    expect(words).toEqual(['borrow', 'closure']);
    expect(ai.service.searchThreads('"; DROP TABLE ai_threads; --', 10)).toEqual([]);
    ai.service.deleteThread(first.id);
    expect(ai.service.searchThreads('borrow', 10)).toEqual([]);
    expect(() => ai.service.getThread(first.id)).toThrow(/no chat thread/);
  });
});
