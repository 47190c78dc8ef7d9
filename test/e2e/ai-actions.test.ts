import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiStream, type FakeAiServer } from '../unit/helpers/fake-ai-server';
import { startFakeAiProfile } from './fake-ai-profile';
import { workspaceDir } from './fixture';
import { editorText, openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';

let server: FakeAiServer;
let workbench: OpenWorkbench;

const chatCompletions = 'POST /v1/chat/completions';
const identity = { GIT_AUTHOR_NAME: 'Ada Tester', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Tester', GIT_COMMITTER_EMAIL: 'ada@example.com' };

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceDir, env: { ...process.env, ...identity }, encoding: 'utf8' });
}

/** The text of every message of the last request the test server received. */
function lastPrompt(): string {
  const body = server.requestsTo('/v1/chat/completions').at(-1)?.body as { messages: { content: string }[] } | undefined;
  return (body?.messages ?? []).map((message) => message.content).join('\n');
}

/** Two findings the file's lines back, and one about lines it does not have. */
const reviewAnswer = [
  '```json\n[\n',
  '{"category": "bug", "severity": "error", "startLine": 2, "endLine": 4, "message": "greeting accepts an empty name", "suggestion": "Greet the world when the name is empty"},\n',
  '{"category": "performance", "severity": "warning", "startLine": 7, "endLine": 7, "message": "println! locks stdout on every call"},\n',
  '{"category": "smell", "severity": "info", "startLine": 40, "endLine": 41, "message": "lines the file does not have"}\n',
  ']\n```',
];

beforeAll(async () => {
  server = await startFakeAiProfile({
    'ai.routing.chat': [{ provider: 'fake', model: 'fake-model' }],
    'ai.routing.edit': [{ provider: 'fake', model: 'fake-model' }],
    // Each review and edit asks the test server anew, rather than replaying an earlier answer.
    'ai.cache.enabled': false,
  });
  git('init', '-q');
  git('config', 'user.name', 'Ada Tester');
  git('config', 'user.email', 'ada@example.com');
  git('add', '-A');
  git('commit', '-q', '-m', 'Initial commit');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench?.close();
  await server?.close().catch(() => undefined);
});

async function openMainRs(page: Page): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.getByTestId('quick-open-input').fill('src/main.rs');
  await page.locator('[data-path="src/main.rs"]').first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toContain('fn greeting');
}

const reviewRow = (page: Page, text: string) => page.getByTestId('problem-row').filter({ hasText: text });

describe('AI actions', () => {
  it('reviews a file: progress in the status bar, then the findings in Problems with their lines and severity', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', delayMs: 150, events: openAiStream(reviewAnswer) });
    await openMainRs(page);
    await runFromPalette(page, 'AI: Review File');
    await page.getByTestId('ai-review-status').waitFor();
    expect(await page.getByTestId('ai-review-status').textContent()).toContain('Reviewing main.rs');

    await expect.poll(() => reviewRow(page, 'AI review').count(), { timeout: 15_000 }).toBe(2);
    await page.getByTestId('ai-review-status').waitFor({ state: 'detached' });
    const bug = reviewRow(page, 'Bug: greeting accepts an empty name');
    expect(await bug.getAttribute('data-severity')).toBe('error');
    expect(await bug.textContent()).toContain('[Ln 2, Col 1]');
    // The suggestion goes with the finding, after its first line.
    expect(await bug.getAttribute('title')).toContain('Suggestion: Greet the world when the name is empty');
    const slow = reviewRow(page, 'Performance: println! locks stdout on every call');
    expect(await slow.getAttribute('data-severity')).toBe('warning');
    expect(await slow.textContent()).toContain('[Ln 7, Col 5]');
    const told = page.getByTestId('notification').filter({ hasText: 'AI review of src/main.rs' });
    expect(await told.textContent()).toContain('2 findings');
    expect(await told.textContent()).toContain('1 more dropped');
    // The model was shown the file with its line numbers, and the findings squiggle in the editor.
    expect(lastPrompt()).toContain('2| fn greeting(name: &str) -> String {');
    await page.locator('.view-overlays .squiggly-error').first().waitFor();
  });

  it('fixes a finding with AI from its row in Problems: the edit request carries the finding, and accepting removes it', async () => {
    const { page } = workbench;
    // A region rewrite of the finding's lines, as many lines as before.
    server.on(chatCompletions, {
      kind: 'sse',
      events: openAiStream(['fn greeting(name: &str) -> String {\n', '    format!("Hello, {}!", if name.is_empty() { "world" } else { name })\n', '}\n']),
    });
    const bug = reviewRow(page, 'Bug: greeting accepts an empty name');
    await bug.hover();
    await bug.getByTestId('problem-action-fix-with-ai').click();
    await page.locator('[data-testid="ai-edit-box"][data-status="pending"]').waitFor({ timeout: 15_000 });
    const prompt = lastPrompt();
    expect(prompt).toContain('Instruction: Fix this problem: Bug: greeting accepts an empty name');
    expect(prompt).toContain('reported by AI review at src/main.rs:2:1-4:2');
    expect(prompt).toContain('Suggestion: Greet the world when the name is empty');
    // The finding's lines, and only those, are the ones to rewrite.
    expect(prompt).toMatch(/\[REWRITE START\]\nfn greeting\(name: &str\) -> String \{\n {4}format!\("Hello, \{name\}!"\)\n\}\n\[REWRITE END\]/);

    await page.getByTestId('ai-edit-accept-all').click();
    await expect.poll(() => editorText(page)).toContain('if name.is_empty()');
    await expect.poll(() => bug.count()).toBe(0);
    expect(await reviewRow(page, 'AI review').count()).toBe(1);
  });

  it('offers Fix with AI as a quick fix on a finding (Ctrl+.); a rejected fix leaves the finding', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['    let text = greeting("Lathe");\n', '    println!("{text}");\n']) });
    await page.locator('.view-lines .view-line').filter({ hasText: 'println!' }).click();
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.action').filter({ hasText: 'Fix with AI' });
    await fix.click();
    await page.locator('[data-testid="ai-edit-box"][data-status="pending"]').waitFor({ timeout: 15_000 });
    expect(lastPrompt()).toContain('Instruction: Fix this problem: Performance: println! locks stdout on every call');
    await page.getByTestId('ai-edit-reject-all').click();
    await page.getByTestId('ai-edit-box').waitFor({ state: 'detached' });
    expect(await editorText(page)).not.toContain('let text');
    expect(await reviewRow(page, 'Performance: println! locks stdout').count()).toBe(1);
  });

  it('replaces the findings of a file when it is reviewed again', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream([reviewAnswer[0] ?? '', reviewAnswer[3] ?? '', ']\n```']) });
    await runFromPalette(page, 'AI: Review File');
    await page.getByTestId('notification').filter({ hasText: 'nothing to report (1 more dropped' }).waitFor({ timeout: 15_000 });
    expect(await reviewRow(page, 'AI review').count()).toBe(0);
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(reviewAnswer) });
    await runFromPalette(page, 'AI: Review File');
    await expect.poll(() => reviewRow(page, 'AI review').count(), { timeout: 15_000 }).toBe(2);
  });

  it('cancels a review from the status bar', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['Still thinking'], { finishReason: null, done: false }), end: 'stall' });
    const before = server.requestsTo('/v1/chat/completions').length;
    await runFromPalette(page, 'AI: Review File');
    await expect.poll(() => server.requestsTo('/v1/chat/completions').length).toBe(before + 1);
    const request = server.requestsTo('/v1/chat/completions').at(-1);
    await page.getByTestId('ai-review-status').click();
    await page.getByTestId('ai-review-status').waitFor({ state: 'detached' });
    // The provider's request is closed, and the earlier findings stay.
    await request?.closed;
    expect(await reviewRow(page, 'AI review').count()).toBe(2);
  });

  it('moves the other findings with the lines an accepted fix adds or an undo takes away', async () => {
    const { page } = workbench;
    const slow = reviewRow(page, 'Performance: println! locks stdout on every call');
    expect(await slow.textContent()).toContain('[Ln 7, Col 5]');
    // The fix of lines 2-4 is a line longer: the finding on line 7 is on line 8 after it.
    server.on(chatCompletions, {
      kind: 'sse',
      events: openAiStream(['fn greeting(name: &str) -> String {\n', '    let name = if name.is_empty() { "world" } else { name };\n', '    format!("Hello, {name}!")\n', '}\n']),
    });
    const bug = reviewRow(page, 'Bug: greeting accepts an empty name');
    await bug.hover();
    await bug.getByTestId('problem-action-fix-with-ai').click();
    await page.locator('[data-testid="ai-edit-box"][data-status="pending"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('ai-edit-accept-all').click();
    await expect.poll(() => editorText(page)).toContain('let name = if name.is_empty()');
    await expect.poll(() => bug.count()).toBe(0);
    await expect.poll(() => slow.textContent()).toContain('[Ln 8, Col 5]');

    // The editor's marker moved with it: the quick fix is offered on line 8 and names the finding's new place.
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['    print!("{}\\n", greeting("Lathe"));\n']) });
    await page.locator('.view-lines .view-line').filter({ hasText: 'println!' }).click();
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row.action').filter({ hasText: 'Fix with AI' }).click();
    await page.locator('[data-testid="ai-edit-box"][data-status="pending"]').waitFor({ timeout: 15_000 });
    expect(lastPrompt()).toContain('reported by AI review at src/main.rs:8:5-8:39');
    await page.getByTestId('ai-edit-reject-all').click();
    await page.getByTestId('ai-edit-box').waitFor({ state: 'detached' });

    // Undoing the accepted fix takes its line away again: the finding goes back to line 7.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).not.toContain('let name');
    await expect.poll(() => slow.textContent()).toContain('[Ln 7, Col 5]');
  });

  it('explains the file in a new chat thread, with its code attached', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['It greets Lathe.']) });
    await runFromPalette(page, 'AI: Explain Selection or File');
    await expect.poll(() => page.getByTestId('chat-question').last().textContent()).toContain('Explain the file `src/main.rs`');
    await expect.poll(() => lastPrompt()).toContain('fn greeting(name: &str) -> String {');
    await expect.poll(() => page.locator('[data-testid="chat-answer"] .chat-answer-body').last().textContent()).toContain('It greets Lathe.');
  });

  it("generates Rust tests into the file's tests module, with the function as context", async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['    #[test]\n', '    fn greets_the_world() {\n', '        assert_eq!(greeting(""), "Hello, world!");\n', '    }\n']) });
    await page.locator('.view-lines .view-line').filter({ hasText: 'fn greeting' }).click();
    await runFromPalette(page, 'AI: Generate Tests');
    await page.locator('[data-testid="ai-edit-box"][data-status="pending"]').waitFor({ timeout: 15_000 });
    const prompt = lastPrompt();
    // Without a language server the cursor's line is the code to test; the tests go before the module's closing brace.
    expect(prompt).toContain('The code to test, from `src/main.rs:2`');
    expect(prompt).toMatch(/assert_eq!\(greeting\("you"\), "Hello, you!"\);\n {4}\}\n\[INSERT HERE\]\n\}/);
    await page.getByTestId('ai-edit-reject-all').click();
    await page.getByTestId('ai-edit-box').waitFor({ state: 'detached' });
  });

  it('writes a commit message for the staged changes into the commit box, streamed', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+G');
    await page.getByTestId('scm-commit-message').waitFor();

    // Nothing is staged yet: the typed failure is told, and the box keeps its text.
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['never asked']) });
    const asked = server.requestsTo('/v1/chat/completions').length;
    await page.getByTestId('scm-commit-message').fill('my draft');
    await page.getByTestId('scm-generate-message').click();
    await page.getByTestId('notification').filter({ hasText: 'nothing is staged' }).waitFor();
    expect(await page.getByTestId('scm-commit-message').inputValue()).toBe('my draft');
    expect(server.requestsTo('/v1/chat/completions').length).toBe(asked);

    writeFileSync(join(workspaceDir, 'README.md'), 'A fixture workspace that greets by name.\n');
    git('add', 'README.md');
    await page.locator('[data-testid="scm-change"][data-group="staged"][data-path="README.md"]').waitFor({ timeout: 15_000 });
    server.on(chatCompletions, {
      kind: 'sse',
      delayMs: 250,
      events: openAiStream(['docs(readme): ', 'say that the fixture ', 'greets by name', '\n\nThe readme now tells what the fixture does.\n']),
    });
    await page.getByTestId('scm-generate-message').click();
    // It streams: part of the message shows while the button spins.
    await expect.poll(() => page.getByTestId('scm-commit-message').inputValue()).toMatch(/^docs\(readme\): say/);
    expect(await page.getByTestId('scm-generate-message').getAttribute('data-generating')).toBe('true');
    await expect.poll(() => page.getByTestId('scm-generate-message').getAttribute('data-generating'), { timeout: 15_000 }).toBe('false');
    expect(await page.getByTestId('scm-commit-message').inputValue()).toBe(
      'docs(readme): say that the fixture greets by name\n\nThe readme now tells what the fixture does.',
    );
    // The model was given the staged diff.
    const prompt = lastPrompt();
    expect(prompt).toContain('+A fixture workspace that greets by name.');
    expect(prompt).toContain('README.md');
  });
});
