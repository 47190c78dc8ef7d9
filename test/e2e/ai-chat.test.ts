import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAiServer, openAiStream } from '../unit/helpers/fake-ai-server';
import { writeTinyModel } from '../unit/helpers/tiny-gguf';
import { userDataDir, workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';
import { editorIn, editorText, openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';

let server: FakeAiServer;
let workbench: OpenWorkbench;

const chatCompletions = 'POST /v1/chat/completions';

beforeAll(async () => {
  server = await FakeAiServer.start();
  server.on('GET /v1/models', { kind: 'json', body: { object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'test' }] } });
  mkdirSync(userDataDir, { recursive: true });
  const modelPath = writeTinyModel(join(userDataDir, 'tiny.gguf'));
  // The profile points chat at the test server first and at the embedded model after it; no key is needed.
  writeFileSync(
    join(userDataDir, 'settings.json'),
    JSON.stringify(
      {
        'ai.compatible.servers': [{ id: 'fake', preset: 'custom', baseUrl: `${server.url}/v1`, label: 'Test Server', contextWindow: 8192 }],
        'ai.routing.chat': [{ provider: 'fake', model: 'fake-model' }, { provider: 'local' }],
        'ai.local.modelPath': modelPath,
        'ai.local.threads': 1,
        'ai.local.contextSize': 2048,
        'ai.local.gpu': 'cpu',
        'ai.chat.maxOutputTokens': 40,
        'ai.request.maxRetries': 0,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(workspaceDir, 'AGENTS.md'), '# Rules\n\nAnswer briefly and show Rust code.\n');
  mkdirSync(join(workspaceDir, 'certs'), { recursive: true });
  writeFileSync(join(workspaceDir, 'certs', 'server.pem'), '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench?.close();
  await server?.close().catch(() => undefined);
});

/** The last answer's status, answering provider and text, read in one go (so a check sees one moment). */
function lastAnswer(page: Page): Promise<{ status: string; provider: string; text: string; id: string }> {
  return page.evaluate(() => {
    const answers = document.querySelectorAll<HTMLElement>('[data-testid="chat-answer"]');
    const answer = answers[answers.length - 1];
    return {
      status: answer?.dataset.status ?? '',
      provider: answer?.dataset.provider ?? '',
      text: answer?.querySelector('.chat-answer-body')?.textContent ?? '',
      id: answer?.dataset.messageId ?? '',
    };
  });
}

async function ask(page: Page, question: string): Promise<void> {
  const input = page.getByTestId('chat-input');
  await input.click();
  await input.fill(question);
  await input.press('Enter');
}

describe('AI chat', () => {
  it('opens in the secondary side bar and streams an answer from the test server as it arrives', async () => {
    const { page } = workbench;
    server.on(chatCompletions, {
      kind: 'sse',
      delayMs: 400,
      events: openAiStream(['Hello', ' from the', ' test server.\n\n', '```rust\nfn main() {\n    println!("hi");\n}\n```\n', 'Done.'], {
        usage: { prompt: 120, completion: 30 },
      }),
    });
    await runFromPalette(page, 'Chat: Focus Chat');
    await page.getByTestId('chat-view').waitFor();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="chat-view"]'))).toBe(true);
    await page.getByTestId('chat-welcome').waitFor();

    await ask(page, 'How do I print in Rust?');
    await expect.poll(() => page.getByTestId('chat-question').first().textContent()).toContain('How do I print in Rust?');
    // Streaming is visible: part of the answer is on screen while the rest has not arrived yet.
    await expect
      .poll(async () => {
        const answer = await lastAnswer(page);
        return answer.status === 'streaming' && answer.text.includes('Hello') && !answer.text.includes('Done.');
      })
      .toBe(true);
    await page.getByTestId('chat-stop').waitFor();

    await expect.poll(async () => (await lastAnswer(page)).status, { timeout: 15_000 }).toBe('complete');
    const answer = await lastAnswer(page);
    expect(answer.provider).toBe('fake');
    expect(answer.text).toContain('Hello from the test server.');
    expect(answer.text).toContain('Done.');
    expect(await page.getByTestId('chat-answerer').last().textContent()).toBe('fake-model');
    // The code block is its own block, highlighted by Monaco's tokenizer.
    const block = page.getByTestId('chat-code-block').last();
    expect(await block.getAttribute('data-language')).toBe('rust');
    await expect.poll(() => block.locator('.chat-code-body span[class^="mtk"]').count()).toBeGreaterThan(1);

    // The rules file went with the request, and the indicator names it.
    const sent = server.requestsTo('/v1/chat/completions').at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]?.content).toContain('Answer briefly and show Rust code.');
    expect(await page.getByTestId('chat-rules').textContent()).toContain('1 rule');
    // The thread got its title from the question.
    await expect.poll(() => page.getByTestId('chat-thread-title').textContent()).toContain('How do I print in Rust');
  });

  it('shows a token count against the context window as a draft is typed', async () => {
    const { page } = workbench;
    const meter = page.getByTestId('chat-token-meter');
    await page.getByTestId('chat-input').fill('A longer draft about lifetimes, borrowing and the '.repeat(20));
    await expect.poll(async () => Number(await meter.getAttribute('data-tokens'))).toBeGreaterThan(200);
    expect(await meter.textContent()).toMatch(/\d+(\.\d)?k? \/ 8\.2k/);
    await page.getByTestId('chat-input').fill('');
  });

  it('inserts a code block at the cursor as one undo step, and opens one as a new file', async () => {
    const { page } = workbench;
    await page.getByText('src', { exact: true }).click();
    await page.getByText('main.rs', { exact: true }).click();
    await expect.poll(() => editorText(page)).toContain('fn greeting');
    // The active editor offers its file to the next question.
    await expect.poll(() => page.getByTestId('chat-active-editor-chip').textContent()).toContain('main.rs');
    await editorIn(page).locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.getByTestId('chat-code-insert').first().click();
    await expect.poll(() => editorText(page)).toContain('println!("hi");');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).not.toContain('println!("hi");');

    await page.getByTestId('chat-code-new-file').first().click();
    const name = page.getByTestId('editor-picker-input');
    await name.waitFor();
    expect(await name.inputValue()).toBe('untitled-1.rs');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('untitled-1.rs');
    expect(readFileSync(join(workspaceDir, 'untitled-1.rs'), 'utf8')).toBe('fn main() {\n    println!("hi");\n}\n');
    // The questions that follow go without an editor's file.
    await runFromPalette(page, 'Close All Editors in Group');
    await page.getByTestId('chat-active-editor-chip').waitFor({ state: 'detached' });
  });

  it('stops an answer mid-stream: what arrived stays, marked stopped', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['Partial ', 'answer that never ends'], { finishReason: null, done: false }), end: 'stall' });
    await ask(page, 'Tell me everything');
    await expect.poll(async () => (await lastAnswer(page)).text, { timeout: 15_000 }).toContain('Partial answer that never ends');
    await page.getByTestId('chat-stop').click();
    // The provider's request is cancelled, not left running.
    await server.requestsTo('/v1/chat/completions').at(-1)?.closed;
    await expect.poll(async () => (await lastAnswer(page)).status).toBe('stopped');
    await page.getByTestId('chat-stopped').last().waitFor();
    // The host keeps the stopped answer: it comes back with its id, text intact.
    await expect.poll(async () => (await lastAnswer(page)).id).not.toBe('');
    expect((await lastAnswer(page)).text).toContain('Partial answer that never ends');
    await page.getByTestId('chat-send').waitFor();
  });

  it("shows a failed answer with each provider's failure, and retries it", async () => {
    const { page } = workbench;
    server.on(
      chatCompletions,
      { kind: 'sse', events: openAiStream(['Half an '], { finishReason: null, done: false }), end: 'reset' },
      { kind: 'sse', events: openAiStream(['Whole answer.']) },
    );
    await ask(page, 'Explain borrowing');
    const error = page.getByTestId('chat-error').last();
    await error.waitFor({ timeout: 15_000 });
    const failed = await lastAnswer(page);
    expect(failed.status).toBe('error');
    expect(failed.text).toContain('Half an');
    expect(await error.textContent()).toContain('Test Server');
    await error.getByTestId('chat-retry').click();
    await expect.poll(async () => (await lastAnswer(page)).text, { timeout: 15_000 }).toContain('Whole answer.');
    expect((await lastAnswer(page)).status).toBe('complete');
    await expect.poll(() => page.getByTestId('chat-error').count()).toBe(0);
  });

  it('asks before sending a file that may hold secrets, and sends it once allowed', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['The certificate looks fine.']) });
    await runFromPalette(page, 'Chat: Add File to Chat…');
    const picker = page.getByTestId('editor-picker-input');
    await picker.waitFor();
    await picker.fill('server.pem');
    await page.getByRole('option').filter({ hasText: 'server.pem' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="chat-chip"][data-kind="file"]').waitFor();
    await ask(page, 'Is this certificate valid?');
    await page.getByTestId('chat-sensitive-prompt').waitFor();
    expect(await page.getByTestId('chat-sensitive-prompt').textContent()).toContain('certs/server.pem');
    // Nothing answered without the file shows while the question waits.
    expect((await lastAnswer(page)).text).not.toContain('The certificate looks fine.');
    const before = server.requestsTo('/v1/chat/completions').length;
    await page.getByTestId('chat-sensitive-attach').click();
    await expect.poll(async () => (await lastAnswer(page)).text, { timeout: 15_000 }).toContain('The certificate looks fine.');
    const requests = server.requestsTo('/v1/chat/completions');
    expect(requests.length).toBeGreaterThan(before);
    // The file went with the request, its key masked by the host.
    const body = JSON.stringify(requests.at(-1)?.body);
    expect(body).toContain('certs/server.pem');
    expect(body).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    await expect.poll(() => page.locator('[data-testid="chat-attachment"][data-status="attached"]').count()).toBeGreaterThan(0);
  });

  it('edits a question and answers it anew (its context sent again), and regenerates the last answer', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['Edited answer.']) }, { kind: 'sse', events: openAiStream(['Regenerated answer.']) });
    const questions = page.getByTestId('chat-question');
    await questions.last().hover();
    await questions.last().getByTestId('chat-edit').click();
    const input = page.getByTestId('chat-edit-input');
    await input.fill('Is this certificate still valid?');
    await input.press('Enter');
    await expect.poll(async () => (await lastAnswer(page)).text, { timeout: 15_000 }).toContain('Edited answer.');
    expect(await questions.count()).toBe(4);
    expect(await questions.last().textContent()).toContain('still valid');
    expect(JSON.stringify(server.requestsTo('/v1/chat/completions').at(-1)?.body)).toContain('certs/server.pem');

    const answers = await page.getByTestId('chat-answer').count();
    await page.getByTestId('chat-answer').last().hover();
    await page.getByTestId('chat-regenerate').click();
    await expect.poll(async () => (await lastAnswer(page)).text, { timeout: 15_000 }).toContain('Regenerated answer.');
    expect(await page.getByTestId('chat-answer').count()).toBe(answers);
  });

  it('keeps the thread, and the side bar open at its width, across a reload', async () => {
    const { page } = workbench;
    const sideBar = page.getByTestId('secondary-side-bar');
    const sash = await page.getByRole('separator', { name: 'Resize Secondary Side Bar' }).boundingBox();
    if (!sash) throw new Error('The secondary side bar has no resize handle');
    await page.mouse.move(sash.x + 3, sash.y + 200);
    await page.mouse.down();
    await page.mouse.move(sash.x - 97, sash.y + 200, { steps: 5 });
    await page.mouse.up();
    const width = await sideBar.evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(450);

    await page.reload();
    await page.getByTestId('statusbar-workspace').waitFor();
    // The secondary side bar comes back open, as wide, on the same thread.
    await page.getByTestId('chat-view').waitFor();
    expect(await sideBar.evaluate((element) => element.getBoundingClientRect().width)).toBe(width);
    await expect.poll(() => page.getByTestId('chat-question').count()).toBe(4);
    expect(await page.getByTestId('chat-question').first().textContent()).toContain('How do I print in Rust?');
    await expect.poll(async () => (await lastAnswer(page)).text).toContain('Regenerated answer.');
    await page.getByTestId('chat-history-toggle').click();
    await expect.poll(() => page.getByTestId('chat-thread').count()).toBe(1);
    await page.getByTestId('chat-history-search').fill('certificate');
    await expect.poll(() => page.getByTestId('chat-search-hit').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chat-search-hit').first().locator('mark').first().textContent()).toMatch(/certificate/i);
    await page.getByTestId('chat-search-hit').first().click();
    await page.getByTestId('chat-conversation').waitFor();
  });

  it('hides and shows again, focused, with Ctrl+Alt+I', async () => {
    const { page } = workbench;
    await page.getByTestId('chat-input').click();
    await page.keyboard.press('Control+Alt+I');
    await page.getByTestId('secondary-side-bar').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Alt+I');
    await page.getByTestId('secondary-side-bar').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-input');
  });

  it('falls back to the embedded model when the test server is unreachable, and says so', async () => {
    const { page } = workbench;
    await server.close();
    await page.getByTestId('chat-new').click();
    await ask(page, 'hello world');
    await expect.poll(async () => (await lastAnswer(page)).status, { timeout: 60_000 }).toBe('complete');
    const answer = await lastAnswer(page);
    expect(answer.provider).toBe('local');
    expect(answer.text.trim().length).toBeGreaterThan(0);
    expect(await page.getByTestId('chat-fallback').last().textContent()).toContain('Test Server failed (unreachable), answered by Local model');
  });

  it('answers from the embedded model picked in the model picker', async () => {
    const { page } = workbench;
    await page.getByTestId('chat-model-picker').click();
    const local = page.locator('[data-testid="chat-model-option"][data-provider="local"]');
    await local.waitFor();
    await local.click();
    expect(await page.getByTestId('chat-model-picker').textContent()).toContain('tiny.gguf');
    const answersBefore = await page.getByTestId('chat-answer').count();
    await ask(page, 'write rust code');
    await expect.poll(() => page.getByTestId('chat-answer').count()).toBe(answersBefore + 1);
    await expect.poll(async () => (await lastAnswer(page)).status, { timeout: 60_000 }).toBe('complete');
    const answer = await lastAnswer(page);
    expect(answer.provider).toBe('local');
    expect(answer.text.trim().length).toBeGreaterThan(0);
    expect(await page.getByTestId('chat-answerer').last().textContent()).toBe('tiny.gguf');
    // The screenshot shows the first thread again, opened from the history: markdown, code, a stopped answer, an attachment.
    await page.getByTestId('chat-history-toggle').click();
    await page.locator('[data-testid="chat-thread"]', { hasText: 'How do I print in Rust' }).click();
    await page.getByTestId('chat-code-block').first().waitFor();
    await page.screenshot({ path: join(repoRoot, 'test-results', 'ai-chat.png') });
    expect(workbench.problems).toEqual([]);
  });
});
