import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiStream, type FakeAiServer } from '../unit/helpers/fake-ai-server';
import { startFakeAiProfile } from './fake-ai-profile';
import { repoRoot } from './lathe-server';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, waitForLog } from './plugins-support';

let server: FakeAiServer;
let workbench: OpenWorkbench;

const plugin = 'lathe-tests.ai-tools';
const chatCompletions = 'POST /v1/chat/completions';
const countWords = 'lathe-tests_ai-tools__count_words';

interface SentRequest {
  messages: { role: string; content: unknown; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description: string; parameters: unknown } }[];
}

beforeAll(async () => {
  server = await startFakeAiProfile({ 'ai.routing.chat': [{ provider: 'fake', model: 'fake-model' }] });
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'ai-tools'), plugin);
});

afterAll(async () => {
  await workbench?.close();
  await server?.close().catch(() => undefined);
});

/** The last answer's status and text, read in one go. */
function lastAnswer(page: Page): Promise<{ status: string; text: string }> {
  return page.evaluate(() => {
    const answers = document.querySelectorAll<HTMLElement>('[data-testid="chat-answer"]');
    const answer = answers[answers.length - 1];
    return { status: answer?.dataset.status ?? '', text: answer?.querySelector('.chat-answer-body')?.textContent ?? '' };
  });
}

/**
 * Asks a question the server answers with one tool call, then (once the results come back) with
 * `finalText`. Returns the call's block and the requests the server received from now on.
 */
async function askForToolCall(page: Page, call: { id: string; name: string; arguments: string }, finalText: string) {
  server.on(chatCompletions, { kind: 'sse', events: openAiStream([], { toolCalls: [call] }) }, { kind: 'sse', events: openAiStream([finalText]) });
  const before = server.requestsTo('/v1/chat/completions').length;
  const input = page.getByTestId('chat-input');
  await input.click();
  await input.fill(`Please use ${call.name}.`);
  await input.press('Enter');
  return {
    block: page.locator(`[data-testid="chat-tool-call"][data-call-id="${call.id}"]`),
    sent: () => server.requestsTo('/v1/chat/completions').slice(before).map((request) => request.body as SentRequest),
  };
}

/** Waits for the model's final answer, and returns the tool result the second request carried. */
async function finalAnswerAndToolResult(page: Page, sent: () => SentRequest[], callId: string, finalText: string): Promise<string> {
  await expect.poll(async () => lastAnswer(page), { timeout: 20_000 }).toEqual({ status: 'complete', text: expect.stringContaining(finalText) as unknown });
  const requests = sent();
  expect(requests).toHaveLength(2);
  const result = requests[1]?.messages.find((message) => message.role === 'tool' && message.tool_call_id === callId);
  expect(result).toBeDefined();
  return String(result?.content);
}

describe('AI tools contributed by plugins', () => {
  it('offers the tool namespaced, asks before running it, and sends its result back so the model continues', async () => {
    const { page } = workbench;
    await waitForLog(page, plugin, 'Activated');
    await runFromPalette(page, 'Chat: Focus Chat');
    await page.getByTestId('chat-view').waitFor();
    const call = { id: 'call_allow', name: countWords, arguments: '{"text":"one two three"}' };
    const { block, sent } = await askForToolCall(page, call, 'The text has three words.');

    await expect.poll(() => block.getAttribute('data-state'), { timeout: 15_000 }).toBe('asking');
    expect(await block.textContent()).toContain('AI Tools wants to run count_words');
    expect(await block.getByTestId('chat-tool-call-arguments').textContent()).toContain('"text": "one two three"');
    const offered = sent()[0]?.tools?.map((tool) => tool.function) ?? [];
    expect(offered).toContainEqual({
      name: countWords,
      description: 'Counts the words of a text.',
      parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    });
    expect(offered.map((tool) => tool.name)).toEqual(expect.arrayContaining(['lathe-tests_ai-tools__fail', 'lathe-tests_ai-tools__hang']));
    // Nothing ran before the user allowed it.
    expect(sent()).toHaveLength(1);
    expect(await waitForLog(page, plugin, 'Activated')).not.toContain('COUNT');
    await runFromPalette(page, 'Chat: Focus Chat');
    await block.scrollIntoViewIfNeeded();
    await block.screenshot({ path: join(repoRoot, 'test-results', 'plugins-ai-tools.png') });

    await block.getByTestId('chat-tool-allow').click();
    expect(await finalAnswerAndToolResult(page, sent, call.id, 'The text has three words.')).toBe('{"words":3}');
    expect(await block.getAttribute('data-state')).toBe('done');
    expect(await block.getByTestId('chat-tool-call-result').textContent()).toBe('{"words":3}');
    expect(await waitForLog(page, plugin, 'COUNT')).toContain('COUNT {"text":"one two three"}');
  });

  it('sends an error text when the user denies the call, and does not run it', async () => {
    const { page } = workbench;
    const call = { id: 'call_deny', name: countWords, arguments: '{"text":"never counted"}' };
    const { block, sent } = await askForToolCall(page, call, 'Understood, no counting.');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 15_000 }).toBe('asking');
    await block.getByTestId('chat-tool-deny').click();
    expect(await finalAnswerAndToolResult(page, sent, call.id, 'Understood, no counting.')).toBe(`Error (tool ${countWords}): the user denied this call.`);
    expect(await block.getAttribute('data-state')).toBe('denied');
    expect(await waitForLog(page, plugin, 'COUNT')).not.toContain('never counted');
  });

  it('sends the reason when the tool throws', async () => {
    const { page } = workbench;
    const call = { id: 'call_fail', name: 'lathe-tests_ai-tools__fail', arguments: '{}' };
    const { block, sent } = await askForToolCall(page, call, 'The tool failed.');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 15_000 }).toBe('asking');
    await block.getByTestId('chat-tool-allow').click();
    expect(await finalAnswerAndToolResult(page, sent, call.id, 'The tool failed.')).toContain('the disk is on fire');
    expect(await block.getAttribute('data-state')).toBe('failed');
  });

  it('remembers "Always" for the tool: its next call runs without asking', async () => {
    const { page } = workbench;
    const first = { id: 'call_always', name: countWords, arguments: '{"text":"a b"}' };
    const asked = await askForToolCall(page, first, 'Two words.');
    await expect.poll(() => asked.block.getAttribute('data-state'), { timeout: 15_000 }).toBe('asking');
    await asked.block.getByTestId('chat-tool-always').click();
    expect(await finalAnswerAndToolResult(page, asked.sent, first.id, 'Two words.')).toBe('{"words":2}');

    const second = { id: 'call_again', name: countWords, arguments: '{"text":"a b c d"}' };
    const again = await askForToolCall(page, second, 'Four words.');
    expect(await finalAnswerAndToolResult(page, again.sent, second.id, 'Four words.')).toBe('{"words":4}');
    expect(await again.block.getAttribute('data-state')).toBe('done');
    expect(await again.block.getByTestId('chat-tool-allow').count()).toBe(0);
  });

  it('fails the call with the reason when the plugin crashes during it', async () => {
    const { page } = workbench;
    const call = { id: 'call_hang', name: 'lathe-tests_ai-tools__hang', arguments: '{}' };
    const { block, sent } = await askForToolCall(page, call, 'The plugin crashed.');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 15_000 }).toBe('asking');
    await block.getByTestId('chat-tool-allow').click();
    const result = await finalAnswerAndToolResult(page, sent, call.id, 'The plugin crashed.');
    expect(result).toContain('The plugin AI Tools stopped: no heartbeat');
    expect(await block.getAttribute('data-state')).toBe('failed');
  });

  it('refuses a tool of a plugin without the ai permission, and never offers it to the model', async () => {
    const { page } = workbench;
    const id = 'lathe-tests.ai-tools-no-permission';
    await installPlugin(page, join(pluginFixtures, 'ai-tools-no-permission'), id);
    expect(await waitForLog(page, id, 'Could not register the AI tool sneak')).toContain('was not granted the "ai" permission');
    await runFromPalette(page, 'Chat: Focus Chat');
    const call = { id: 'call_sneak', name: 'lathe-tests_ai-tools-no-permission__sneak', arguments: '{}' };
    const { block, sent } = await askForToolCall(page, call, 'No such tool.');
    expect(await finalAnswerAndToolResult(page, sent, call.id, 'No such tool.')).toBe(`Error (tool ${call.name}): no running plugin offers this tool.`);
    expect(sent()[0]?.tools?.map((tool) => tool.function.name)).not.toContain(call.name);
    expect(await block.getAttribute('data-state')).toBe('stored');
  });
});
