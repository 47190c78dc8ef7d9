import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiReviewChunkSchema, aiReviewInputSchema } from '../../../../src-shared/contract';
import { FakeAiServer, openAiStream } from '../../helpers/fake-ai-server';
import { collect, startAi, textOf, type AiHarness } from './harness';

let server: FakeAiServer;
let ai: AiHarness;

beforeEach(async () => {
  server = await FakeAiServer.start();
  ai = await startAi({
    'ai.compatible.servers': [{ id: 'ollama', preset: 'ollama', baseUrl: `${server.url}/v1` }],
    'ai.routing.chat': [{ provider: 'ollama', model: 'reviewer' }],
  });
});

afterEach(async () => {
  await ai.dispose();
  await server.close();
});

const source = ['import os', '', 'def run(name):', '    os.system("echo " + name)', '    return eval(name)', '', 'print(run("x"))', ''].join('\n');

function review(input: Record<string, unknown>) {
  return collect(ai.service.review(aiReviewInputSchema.parse({ path: 'tool.py', content: source, ...input }), new AbortController().signal), (chunk) => aiReviewChunkSchema.parse(chunk));
}

const injection = { category: 'security', severity: 'error', startLine: 4, endLine: 4, message: 'Shell injection through name', suggestion: 'subprocess.run(["echo", name])' };

describe('review', () => {
  it('streams the answer, keeps the findings that check out and counts the rest', async () => {
    const findings = [
      injection,
      { category: 'bug', severity: 'warning', startLine: 5, endLine: 5, message: 'eval of user input' },
      // Outside the lines shown, of a kind that does not exist, a range that runs backwards, no message:
      { category: 'smell', severity: 'info', startLine: 7, endLine: 7, message: 'print at import time' },
      { category: 'style', severity: 'info', startLine: 4, endLine: 4, message: 'long line' },
      { category: 'bug', severity: 'info', startLine: 5, endLine: 4, message: 'backwards' },
      { category: 'bug', severity: 'info', startLine: 4, endLine: 4 },
    ];
    const answer = `Two problems stand out.\n\n\`\`\`json\n${JSON.stringify(findings, null, 2)}\n\`\`\`\n`;
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream([answer.slice(0, 40), answer.slice(40)]) });
    const { chunks, error } = await review({ region: { startLine: 3, endLine: 5 }, categories: ['security', 'bug', 'smell'], language: 'python' });
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe(answer);
    expect(chunks.slice(-2)).toEqual([
      { kind: 'findings', path: 'tool.py', findings: [injection, findings[1]], dropped: 4 },
      expect.objectContaining({ kind: 'done', answeredBy: { provider: 'ollama', model: 'reviewer' } }),
    ]);

    const body = server.requestsTo('/v1/chat/completions')[0]?.body as { temperature: number; messages: { content: string }[] };
    expect(body.temperature).toBe(0);
    expect(body.messages[0]?.content).toContain('"security" (security holes), "bug" (bugs), "smell" (code smells)');
    expect(body.messages[0]?.content).not.toContain('performance');
    const shown = body.messages[1]?.content ?? '';
    expect(shown).toContain('<file path="tool.py" lines="3-5 of 7">\n3| def run(name):\n4|     os.system("echo " + name)\n5|     return eval(name)\n</file>');
    expect(shown).not.toContain('import os');
  });

  it('takes a bare JSON list, and an empty one means nothing was found', async () => {
    server.on(
      'POST /v1/chat/completions',
      { kind: 'sse', events: openAiStream([`Findings: ${JSON.stringify([injection])} (that is all)`]) },
      { kind: 'sse', events: openAiStream(['[]']) },
    );
    expect((await review({})).chunks.find((chunk) => chunk.kind === 'findings')).toMatchObject({ findings: [injection], dropped: 0 });
    expect((await review({ temperature: 0.1 })).chunks.find((chunk) => chunk.kind === 'findings')).toMatchObject({ findings: [], dropped: 0 });
  });

  it('ends with a malformed-response failure when the answer holds no list of findings', async () => {
    server.on('POST /v1/chat/completions', { kind: 'sse', events: openAiStream(['The code looks fine to me, [mostly].']) });
    const { chunks, error } = await review({});
    expect(chunks.some((chunk) => chunk.kind === 'findings' || chunk.kind === 'done')).toBe(false);
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/reviewer answered the review without a JSON list of findings/),
      details: { failures: [{ provider: 'ollama', model: 'reviewer', reason: { code: 'malformed-response' } }] },
    });
  });

  it('refuses an empty selection without asking anyone', async () => {
    const { error } = await review({ region: { startLine: 3, endLine: 2 } });
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(server.requests).toHaveLength(0);
  });
});
