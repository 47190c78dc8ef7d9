import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiStream, type FakeAiServer } from '../unit/helpers/fake-ai-server';
import { startFakeAiProfile } from './fake-ai-profile';
import { workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';
import { editorIn, editorText, openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';

let server: FakeAiServer;
let workbench: OpenWorkbench;

const chatCompletions = 'POST /v1/chat/completions';
const project = 'typescript-project';
const shapesPath = `${project}/src/shapes.ts`;

/** Written with Windows line endings: accepted changes must keep them. */
const shapes = [
  'export function area(width: number, height: number): number {',
  '  return width * height;',
  '}',
  '',
  'export function perimeter(width: number, height: number): number {',
  '  return 2 * (width + height);',
  '}',
  '',
  'export function label(width: number, height: number): string {',
  '  return `${width}x${height}`;',
  '}',
  '',
].join('\r\n');

const areaDoc = '/** The area of a rectangle. */';
const perimeterDoc = '/** The perimeter of a rectangle. */';

beforeAll(async () => {
  server = await startFakeAiProfile({
    'ai.routing.edit': [{ provider: 'fake', model: 'fake-model' }],
    'languageServers.servers': [{ id: 'typescript-language-server', command: join(repoRoot, 'node_modules', '.bin', 'typescript-language-server') }],
  });
  cpSync(join(repoRoot, 'test', 'fixtures', project), join(workspaceDir, project), { recursive: true });
  writeFileSync(join(workspaceDir, shapesPath), shapes);
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench?.close();
  await server?.close().catch(() => undefined);
});

async function openByQuickOpen(page: Page, path: string, text: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.getByTestId('quick-open-input').fill(path);
  await page.locator(`[data-path="${path}"]`).first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe(path);
  await expect.poll(() => editorText(page)).toContain(text);
}

/** Puts the cursor on the first line and selects `count` whole lines down from it. */
async function selectLines(page: Page, count: number): Promise<void> {
  await editorIn(page).locator('.view-line').first().click();
  await page.keyboard.press('Control+Home');
  for (let line = 0; line < count; line++) await page.keyboard.press('Shift+ArrowDown');
}

/** Ctrl+K alone, in the editor: the box opens once no second key of a chord has followed. */
async function openEditBox(page: Page): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.getByTestId('ai-edit-box').waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ai-edit-input');
}

async function sendInstruction(page: Page, instruction: string): Promise<void> {
  await page.getByTestId('ai-edit-input').fill(instruction);
  await page.keyboard.press('Enter');
}

/** The box's status and the text of every green zone of new lines, read at one moment. */
function liveState(page: Page): Promise<{ status: string; added: string[] }> {
  return page.evaluate(() => ({
    status: document.querySelector<HTMLElement>('[data-testid="ai-edit-box"]')?.dataset.status ?? '',
    added: Array.from(document.querySelectorAll('[data-testid="ai-edit-added"]'), (zone) => zone.textContent ?? ''),
  }));
}

/** The lines Monaco shows, top to bottom (its line elements are reused out of order). */
function shownLines(page: Page): Promise<string[]> {
  return editorIn(page)
    .locator('.view-line')
    .evaluateAll((lines) =>
      lines
        .map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: (line.textContent ?? '').replaceAll('\u00a0', ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
}

function lastRequestMessages(): { role: string; content: string }[] {
  const body = server.requestsTo('/v1/chat/completions').at(-1)?.body as { messages: { role: string; content: string }[] };
  return body.messages;
}

describe('inline AI edit', () => {
  it('keeps Ctrl+K chords working: Ctrl+K then U closes the saved editors instead of opening the box', async () => {
    const { page } = workbench;
    await openByQuickOpen(page, `${project}/src/math.ts`, 'export function add');
    await editorIn(page).locator('.view-line').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[data-testid="tab"]').count()).toBe(0);
    expect(await page.getByTestId('ai-edit-box').count()).toBe(0);
  });

  it('draws the rewrite of the selected lines as it streams, then accepts one change and rejects the other', async () => {
    const { page } = workbench;
    const answer = [
      `${areaDoc}\n`,
      'export function area(width: number, height: number): number {\n',
      '  return width * height;\n',
      '}\n',
      '\n',
      `${perimeterDoc}\n`,
      'export function perimeter(width: number, height: number): number {\n',
      '  return 2 * (width + height);\n',
      '}\n',
    ];
    server.on(chatCompletions, { kind: 'sse', delayMs: 250, events: openAiStream(answer) });
    await openByQuickOpen(page, shapesPath, 'export function perimeter');
    const original = await shownLines(page);
    await selectLines(page, 7);
    await openEditBox(page);
    await expect.poll(() => page.getByTestId('ai-edit-model').textContent()).toBe('Test Server · fake-model');

    await sendInstruction(page, 'Add a doc comment to each function');
    // The new lines show in the editor while the answer is still streaming, and the file is not changed by them.
    await expect
      .poll(async () => {
        const state = await liveState(page);
        return state.status === 'streaming' && state.added.some((text) => text.includes('The area of a rectangle'));
      })
      .toBe(true);
    expect(await shownLines(page)).toEqual(original);

    await expect.poll(() => page.getByTestId('ai-edit-hunk').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('ai-edit-box').getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('ai-edit-state').textContent()).toContain('2 changes to review');
    const sent = lastRequestMessages();
    expect(sent.at(-1)?.content).toContain('Add a doc comment to each function');
    expect(sent.at(-1)?.content).toContain('[REWRITE START]');

    await page.locator('[data-testid="ai-edit-hunk-accept"][data-hunk="0"]').click();
    await expect.poll(() => editorText(page)).toContain(areaDoc);
    await page.locator('[data-testid="ai-edit-hunk-reject"][data-hunk="1"]').click();
    await expect.poll(() => page.getByTestId('ai-edit-hunk').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ai-edit-added').count()).toBe(0);
    expect(await page.getByTestId('ai-edit-state').textContent()).toContain('1 of 2 changes accepted');
    expect(await editorText(page)).not.toContain(perimeterDoc);

    // On disk: the original bytes with the accepted line only, in the file's own line endings.
    await page.keyboard.press('Control+S');
    await expect.poll(() => readFileSync(join(workspaceDir, shapesPath), 'utf8')).toBe(`${areaDoc}\r\n${shapes}`);

    // One undo takes the accepted change back whole.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => shownLines(page)).toEqual(original);
    await page.getByTestId('ai-edit-close').click();
    await page.getByTestId('ai-edit-box').waitFor({ state: 'detached' });
  });

  it('stops the answer with Escape: the model request is cancelled and nothing stays drawn', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['// first line\n', '// second line'], { finishReason: null, done: false }), end: 'stall' });
    await selectLines(page, 3);
    await openEditBox(page);
    await sendInstruction(page, 'Rewrite this forever');
    await expect.poll(async () => (await liveState(page)).added.join('\n'), { timeout: 15_000 }).toContain('// second line');
    await page.keyboard.press('Escape');
    await server.requestsTo('/v1/chat/completions').at(-1)?.closed;
    await expect.poll(() => page.getByTestId('ai-edit-box').getAttribute('data-status')).toBe('idle');
    expect(await page.getByTestId('ai-edit-added').count()).toBe(0);
    // Idle, Escape closes the box.
    await page.keyboard.press('Escape');
    await page.getByTestId('ai-edit-box').waitFor({ state: 'detached' });

    // The editor's context menu opens it too.
    await editorIn(page).locator('.view-line').first().click({ button: 'right' });
    // Monaco's own menu: the pointer picks the item, Enter runs it.
    await page.getByRole('menuitem', { name: 'Edit with AI…' }).hover();
    await page.keyboard.press('Enter');
    await page.getByTestId('ai-edit-box').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('ai-edit-box').waitFor({ state: 'detached' });
  });

  it('refines the same edit with a follow-up instruction, sending the earlier turn along', async () => {
    const { page } = workbench;
    server.on(
      chatCompletions,
      { kind: 'sse', events: openAiStream(['export function area(w: number, h: number): number {\n  return w * h;\n}\n']) },
      { kind: 'sse', events: openAiStream(['export function area(width: number, height: number): number {\n  return height * width;\n}\n']) },
    );
    await selectLines(page, 3);
    await openEditBox(page);
    await sendInstruction(page, 'Shorten the parameter names');
    await expect.poll(() => page.getByTestId('ai-edit-box').getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
    await expect.poll(async () => (await liveState(page)).added.join('\n')).toContain('return w * h;');

    await sendInstruction(page, 'Keep the names, swap the factors instead');
    await expect.poll(async () => (await liveState(page)).added.join('\n'), { timeout: 15_000 }).toContain('return height * width;');
    await expect.poll(() => page.getByTestId('ai-edit-box').getAttribute('data-status')).toBe('pending');
    const messages = lastRequestMessages();
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1]?.content).toContain('Shorten the parameter names');
    expect(messages[2]?.content).toContain('return w * h;');
    expect(messages[3]?.content).toContain('Keep the names, swap the factors instead');
    expect(await page.getByTestId('ai-edit-sent').textContent()).toContain('swap the factors');

    // Accept All is Ctrl+Enter, from the box.
    await page.getByTestId('ai-edit-input').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editorText(page)).toContain('return height * width;');
    await expect.poll(() => page.getByTestId('ai-edit-box').getAttribute('data-status')).toBe('resolved');
    await page.getByTestId('ai-edit-close').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).toContain('return width * height;');
  });

  it('shows a whole-file edit as its answer streams, then its changes, the blocks still refused and the retry', async () => {
    const { page } = workbench;
    const block = (search: string, replace: string): string => `<<<<<<< SEARCH\n${search}\n=======\n${replace}\n${search}\n>>>>>>> REPLACE\n`;
    const labelLine = 'export function label(width: number, height: number): string {';
    const missing = 'export function volume(depth: number): number {';
    server.on(
      chatCompletions,
      { kind: 'sse', delayMs: 200, events: openAiStream([block(labelLine, '/** A "WxH" label for a rectangle. */'), block(missing, '/** The volume. */')]) },
      { kind: 'sse', events: openAiStream([block(missing, '/** The volume. */')]) },
    );
    await editorIn(page).locator('.view-line').first().click();
    await runFromPalette(page, 'AI: Generate Documentation for File');
    // Blocks cannot be drawn before they are planned: the answer streams in the box.
    await expect
      .poll(() => page.evaluate(() => ({ status: document.querySelector<HTMLElement>('[data-testid="ai-edit-box"]')?.dataset.status, answer: document.querySelector('[data-testid="ai-edit-answer"]')?.textContent ?? '' })))
      .toMatchObject({ status: 'streaming', answer: expect.stringContaining('<<<<<<< SEARCH') });
    await expect.poll(() => page.getByTestId('ai-edit-hunk').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('ai-edit-note').allTextContents()).toEqual([expect.stringContaining('the model was asked once more')]);
    expect(await page.getByTestId('ai-edit-refusal').textContent()).toContain('its search text is not in the file');
    expect(await page.getByTestId('ai-edit-box').textContent()).toContain(`Document ${shapesPath}`);
    await page.getByTestId('ai-edit-hunk-accept').click();
    await expect.poll(() => editorText(page)).toContain('/** A "WxH" label for a rectangle. */');
    expect(await editorText(page)).not.toContain('The volume');
    await page.getByTestId('ai-edit-close').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).not.toContain('label for a rectangle');
  });

  it('keeps pending changes on their lines as the buffer changes, and drops one whose lines were edited', async () => {
    const { page } = workbench;
    const renamed = 'export function area(w: number, h: number): number {\n  return w * h;\n}\n\nexport function perimeter(w: number, h: number): number {\n  return 2 * (w + h);\n}\n';
    server.on(chatCompletions, { kind: 'sse', events: openAiStream([renamed]) });
    await selectLines(page, 7);
    await openEditBox(page);
    await sendInstruction(page, 'Shorten the parameter names');
    await expect.poll(() => page.getByTestId('ai-edit-hunk').count(), { timeout: 15_000 }).toBe(2);

    // A line typed above both changes moves them down; an edit inside the second one's lines drops it.
    await editorIn(page).locator('.view-line').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('// header');
    for (let line = 1; line < 7; line++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' // kept');
    await expect.poll(() => page.getByTestId('ai-edit-hunk').count()).toBe(1);
    expect(await page.getByTestId('ai-edit-note').textContent()).toContain('The change at line 6 was dropped: the lines it replaces were edited.');

    await page.getByTestId('ai-edit-hunk-accept').click();
    await expect.poll(() => editorText(page)).toContain('return w * h;');
    expect((await shownLines(page)).slice(0, 8)).toEqual([
      '// header',
      'export function area(w: number, h: number): number {',
      '  return w * h;',
      '}',
      '',
      'export function perimeter(width: number, height: number): number {',
      '  return 2 * (width + height); // kept',
      '}',
    ]);
    await page.getByTestId('ai-edit-close').click();
  });

  it('lists the problems an accepted change brought in, and goes to one', async () => {
    const { page } = workbench;
    await openByQuickOpen(page, `${project}/src/math.ts`, 'export function add');
    await expect.poll(() => page.getByTestId('statusbar-language-server').getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['export const answer: number = "forty-two";\n']) });
    await editorIn(page).locator('.view-line').first().click();
    await page.keyboard.press('Control+End');
    await openEditBox(page);
    await sendInstruction(page, 'Export the answer');
    await page.getByTestId('ai-edit-accept-all').click();
    const problem = page.getByTestId('ai-edit-problem');
    await problem.first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ai-edit-check').textContent()).toContain('1 new problem');
    expect(await problem.first().textContent()).toContain("Type 'string' is not assignable to type 'number'");
    await problem.first().click();
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toMatch(/Ln 5,/);
    await page.getByTestId('ai-edit-close').click();
  });

  it('offers cargo check for a Rust file of the crate: the file is saved and what cargo finds is listed', async () => {
    const { page } = workbench;
    server.on(chatCompletions, { kind: 'sse', events: openAiStream(['    let count: u32 = "three";\n']) });
    await openByQuickOpen(page, 'src/main.rs', 'fn greeting');
    await editorIn(page).locator('.view-line').first().click();
    await page.keyboard.press('Control+Home');
    for (let line = 1; line < 7; line++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await openEditBox(page);
    await sendInstruction(page, 'Count to three instead');
    await page.getByTestId('ai-edit-accept-all').click();
    await page.getByTestId('ai-edit-cargo-check').click();
    const problems = page.getByTestId('ai-edit-problem');
    await problems.first().waitFor({ timeout: 120_000 });
    expect(readFileSync(join(workspaceDir, 'src', 'main.rs'), 'utf8')).toContain('    let count: u32 = "three";\n}');
    expect((await problems.allTextContents()).join('\n')).toContain('mismatched types');
    expect(workbench.problems).toEqual([]);
  }, 180_000);
});
