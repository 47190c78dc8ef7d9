import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiProposeEditChunkSchema, aiProposeEditInputSchema, type AiProposeEditChunk } from '../../../../src-shared/contract';
import { applyAcceptedHunks } from '../../../../src-shared/apply';
import { FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { collect, startAi, textOf, type AiHarness } from './harness';

let server: FakeAiServer;
let ai: AiHarness;

beforeEach(async () => {
  server = await FakeAiServer.start();
  ai = await startAi({
    'ai.compatible.servers': [{ id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1` }],
    'ai.routing.edit': [{ provider: 'ollama', model: 'coder' }],
    // Every request must reach the server, to be counted.
    'ai.cache.enabled': false,
  });
});

afterEach(async () => {
  await ai.dispose();
  await server.close();
});

const source = ['function add(a, b) {', '  return a + b;', '}', '', 'function sub(a, b) {', '  return a - b;', '}', ''].join('\n');

type Sent = { temperature?: number; messages: { role: string; content: string }[] };
const sent = (index: number): Sent => server.requestsTo('/v1/chat/completions')[index]?.body as Sent;

function block(search: string, replace: string): string {
  return `<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n`;
}

async function propose(input: Record<string, unknown>, signal = new AbortController().signal) {
  return collect(ai.service.proposeEdit(aiProposeEditInputSchema.parse({ path: 'src/math.js', content: source, ...input }), signal), (chunk) => aiProposeEditChunkSchema.parse(chunk));
}

function planOf(chunks: AiProposeEditChunk[]): Extract<AiProposeEditChunk, { kind: 'plan' }> {
  const plan = chunks.find((chunk) => chunk.kind === 'plan');
  if (!plan || plan.kind !== 'plan') throw new Error(`no plan in ${JSON.stringify(chunks.map((chunk) => chunk.kind))}`);
  return plan;
}

const acceptAll = (edit: { original: string; hunks: { id: number; oldStart: number; oldLines: string[]; newStart: number; newLines: string[] }[] }) =>
  applyAcceptedHunks(edit.original, edit.hunks, edit.hunks.map((hunk) => hunk.id));

describe('proposeEdit', () => {
  it('rewrites a region: streams the answer and plans hunks that apply to the file', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['  const sum = a + b;\n', '  return sum;'], { usage: { prompt: 40, completion: 9 } }) });
    const { chunks, error } = await propose({ instruction: 'name the sum', region: { startLine: 2, endLine: 2 } });
    expect(error).toBeUndefined();
    expect(chunks.map((chunk) => chunk.kind)).toEqual(['answering', 'text', 'text', 'plan', 'done']);
    expect(textOf(chunks)).toBe('  const sum = a + b;\n  return sum;');
    const plan = planOf(chunks);
    expect(plan).toMatchObject({ retried: false, answer: '  const sum = a + b;\n  return sum;', edit: { path: 'src/math.js', original: source, refusals: [] } });
    expect(acceptAll(plan.edit)).toBe(source.replace('  return a + b;\n', '  const sum = a + b;\n  return sum;\n'));
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', answeredBy: { provider: 'ollama', model: 'coder' }, cached: false, usage: { inputTokens: 40, outputTokens: 9, exact: true } });

    const request = sent(0);
    expect(request.temperature).toBe(0);
    expect(request.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(request.messages[1]?.content).toContain('[REWRITE START]\n  return a + b;\n[REWRITE END]');
    expect(request.messages[1]?.content).toContain('Instruction: name the sum');
  });

  it('sends refused blocks back once with why, and applies the corrected block on top of the ones that applied', async () => {
    const first = block('  return a + b;', '  return a + b; // checked') + block('  return subtract(a, b);', '  return a - b; // checked');
    const corrected = block('  return a - b;', '  return a - b; // checked');
    server.on(
      'POST /v1/chat/completions',
      { kind: 'sse', events: openAiStream([first], { usage: { prompt: 100, completion: 30 } }) },
      { kind: 'sse', events: openAiStream([corrected], { usage: { prompt: 180, completion: 12 } }) },
    );
    const { chunks, error } = await propose({ instruction: 'mark both returns as checked' });
    expect(error).toBeUndefined();
    expect(chunks.map((chunk) => chunk.kind)).toEqual(['answering', 'text', 'retry', 'answering', 'text', 'plan', 'done']);
    expect(chunks.find((chunk) => chunk.kind === 'retry')).toMatchObject({ refusals: [{ blockIndex: 1, reason: 'not-found', search: ['  return subtract(a, b);'] }] });

    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(2);
    const retry = sent(1).messages;
    expect(retry.slice(0, 2)).toEqual(sent(0).messages);
    expect(retry[2]).toEqual({ role: 'assistant', content: first });
    expect(retry[3]?.role).toBe('user');
    expect(retry[3]?.content).toContain('Block 2 (not-found)');
    expect(retry[3]?.content).toContain('The other 1 block(s) applied');

    const plan = planOf(chunks);
    expect(plan).toMatchObject({ retried: true, answer: corrected, edit: { original: source, refusals: [] } });
    expect(acceptAll(plan.edit)).toBe(source.replace('  return a + b;', '  return a + b; // checked').replace('  return a - b;', '  return a - b; // checked'));
    expect(plan.edit.hunks).toHaveLength(2);
    expect(chunks.at(-1)).toMatchObject({ kind: 'done', usage: { inputTokens: 280, outputTokens: 42, exact: true } });
  });

  it('asks only once more: a corrected answer that fails again leaves its refusals to the user', async () => {
    server.on(
      'POST /v1/chat/completions',
      { kind: 'sse', events: openAiStream([block('  return times(a, b);', '  return a * b;')]) },
      { kind: 'sse', events: openAiStream([block('  return divide(a, b);', '  return a / b;')]) },
    );
    const { chunks, error } = await propose({ instruction: 'multiply' });
    expect(error).toBeUndefined();
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(2);
    expect(chunks.map((chunk) => chunk.kind)).toEqual(['answering', 'text', 'retry', 'answering', 'text', 'plan', 'done']);
    const plan = planOf(chunks);
    expect(plan).toMatchObject({ retried: true, edit: { newText: source, hunks: [], refusals: [{ blockIndex: 0, reason: 'not-found', search: ['  return divide(a, b);'] }] } });
  });

  it('stops the request when cancelled while the answer streams', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['<<<<<<< SEARCH\n'], { finishReason: null, done: false }), end: 'stall' });
    const controller = new AbortController();
    const { chunks, error } = await collect(
      ai.service.proposeEdit(aiProposeEditInputSchema.parse({ path: 'src/math.js', content: source, instruction: 'anything' }), controller.signal),
      (chunk) => {
        if (chunk.kind === 'text') controller.abort();
      },
    );
    await server.requestsTo('/v1/chat/completions')[0]?.closed;
    expect(error).toBeUndefined();
    expect(chunks.map((chunk) => chunk.kind)).toEqual(['answering', 'text']);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(1);
  });

  it('sends earlier turns as the conversation, with the context, so a follow-up refines the last answer', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream([block('  return a - b;', '  return b - a;')]) });
    const earlier = block('  return a - b;', '  return Math.abs(a - b);');
    const { chunks } = await propose({
      instruction: 'no, swap the operands instead',
      history: [{ instruction: 'make sub never negative', answer: earlier }],
      context: 'ESLint: prefer-swapped-operands on line 6',
    });
    const messages = sent(0).messages;
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[0]?.content).toContain('<<<<<<< SEARCH');
    expect(messages[1]?.content).toContain('<file path="src/math.js">\nfunction add(a, b) {');
    expect(messages[1]?.content).toContain('ESLint: prefer-swapped-operands on line 6');
    expect(messages[1]?.content).toContain('Instruction: make sub never negative');
    expect(messages[2]).toEqual({ role: 'assistant', content: earlier });
    expect(messages[3]?.content).toContain('no, swap the operands instead');
    expect(acceptAll(planOf(chunks).edit)).toBe(source.replace('  return a - b;', '  return b - a;'));
  });

  it('refuses a region outside the file before asking anyone', async () => {
    const { error } = await propose({ instruction: 'x', region: { startLine: 20, endLine: 22 } });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not in the file/) });
    expect(server.requests).toHaveLength(0);
  });
});

describe('planEdit', () => {
  it('plans blocks anywhere, a fenced region rewrite in its place, and refuses what it cannot place', async () => {
    const blocks = await ai.service.planEdit({ path: 'src/math.js', content: source, answer: block('  return a - b;', '  return a - b - 0;') });
    expect(blocks).toMatchObject({ path: 'src/math.js', refusals: [], applied: [{ blockIndex: 0, layer: 'exact', startLine: 6, endLine: 6 }] });
    expect(acceptAll(blocks)).toBe(source.replace('a - b;', 'a - b - 0;'));

    const region = await ai.service.planEdit({ path: 'src/math.js', content: source, answer: '```js\nfunction add(x, y) {\n```', region: { startLine: 1, endLine: 1 } });
    expect(acceptAll(region)).toBe(source.replace('function add(a, b) {', 'function add(x, y) {'));

    const insertion = await ai.service.planEdit({ path: 'src/math.js', content: source, answer: '// math helpers', region: { startLine: 1, endLine: 0 } });
    expect(insertion.newText).toBe(`// math helpers\n${source}`);

    const unparsed = await ai.service.planEdit({ path: 'src/math.js', content: source, answer: 'Just subtract the other way round.' });
    expect(unparsed).toMatchObject({ newText: source, hunks: [], refusals: [{ blockIndex: -1, reason: 'unparsed' }] });

    await expect(ai.service.planEdit({ path: 'src/math.js', content: source, answer: 'x', region: { startLine: 9, endLine: 9 } })).rejects.toThrow(/not in the file/);
  });
});
