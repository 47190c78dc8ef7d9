import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';
import { editorText, openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';

let workbench: OpenWorkbench;

const identity = { GIT_AUTHOR_NAME: 'Ada Tester', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Tester', GIT_COMMITTER_EMAIL: 'ada@example.com' };

/** Real git on the workspace, to set the scene and to check what the workbench did. */
function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceDir, env: { ...process.env, ...identity }, encoding: 'utf8' });
}

const notesPath = join(workspaceDir, 'notes.txt');
const notesLines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
const writeNotes = (lines: readonly string[]): void => writeFileSync(notesPath, `${lines.join('\n')}\n`);

beforeAll(async () => {
  writeNotes(notesLines);
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

const change = (group: string, path: string) => workbench.page.locator(`[data-testid="scm-change"][data-group="${group}"][data-path="${path}"]`);

async function showScm(): Promise<void> {
  await workbench.page.keyboard.press('Control+Shift+G');
  await workbench.page.getByTestId('scm-view').waitFor();
}

describe('source control', () => {
  it('offers to initialize a repository in a folder that has none', async () => {
    const { page } = workbench;
    await showScm();
    await page.getByTestId('scm-no-repository').waitFor();
    await page.getByTestId('scm-init').click();
    await page.getByTestId('scm-commit-message').waitFor();
    expect(existsSync(join(workspaceDir, '.git'))).toBe(true);
    // Untracked files are listed once the repository exists.
    await change('untracked', 'notes.txt').waitFor();
  });

  it('shows the history of every branch as a graph', async () => {
    const { page } = workbench;
    // Commits made by the workbench need an identity; the repository gets its own.
    git('config', 'user.name', 'Ada Tester');
    git('config', 'user.email', 'ada@example.com');
    git('add', '-A');
    git('commit', '-q', '-m', 'Initial commit');
    const main = git('branch', '--show-current').trim();
    git('switch', '-q', '-c', 'topic');
    mkdirSync(join(workspaceDir, 'docs'), { recursive: true });
    writeFileSync(join(workspaceDir, 'docs', 'topic.md'), '# Topic\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'Write the topic down');
    git('switch', '-q', main);
    writeFileSync(join(workspaceDir, 'README.md'), 'A fixture workspace, now with history.\n');
    git('commit', '-q', '-am', 'Reword the readme');
    git('merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic');

    await expect.poll(() => page.getByTestId('scm-change').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('scm-graph-commit').count(), { timeout: 15_000 }).toBe(4);
    const subjects = await page.locator('[data-testid="scm-graph-commit"] .scm-graph-subject').allTextContents();
    // Commits made in the same second may come in either order between the merge and the root.
    expect(subjects[0]).toBe('Merge branch topic');
    expect(subjects[3]).toBe('Initial commit');
    expect([...subjects].sort()).toEqual(['Initial commit', 'Merge branch topic', 'Reword the readme', 'Write the topic down']);
    // The merge draws two lanes; its refs are badges.
    const mergeRow = page.getByTestId('scm-graph-commit').first();
    expect(await mergeRow.locator('path').count()).toBeGreaterThanOrEqual(2);
    expect(await mergeRow.getByTestId('scm-graph-ref').allTextContents()).toContain(main);
  });

  it('decorates a modified file in the explorer, the changes and its tab', async () => {
    const { page } = workbench;
    const edited = [...notesLines];
    edited[2] = 'line 3, changed first';
    edited[24] = 'line 25, changed second';
    writeNotes(edited);
    await change('unstaged', 'notes.txt').waitFor({ timeout: 15_000 });
    expect(await change('unstaged', 'notes.txt').getByTestId('scm-change-letter').textContent()).toBe('M');
    await expect.poll(() => page.getByTestId('scm-badge').textContent()).toBe('1');

    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('[data-testid="explorer-row"][data-path="notes.txt"]');
    await expect.poll(() => row.getByTestId('explorer-git-decoration').textContent()).toBe('M');
    await row.click();
    const tab = page.locator('[data-testid="tab"][data-path="notes.txt"][data-view="text"]');
    await expect.poll(() => tab.getByTestId('tab-git-decoration').textContent()).toBe('M');
  });

  it('stages one hunk of two from the diff editor and commits it', async () => {
    const { page } = workbench;
    await showScm();
    await change('unstaged', 'notes.txt').click();
    const diffTab = page.locator('[data-testid="tab"][data-view="diff"][data-path="notes.txt"]');
    await expect.poll(() => diffTab.textContent()).toContain('notes.txt (Working Tree)');
    const hunks = page.getByTestId('hunk-actions');
    await expect.poll(() => hunks.count(), { timeout: 15_000 }).toBe(2);
    await hunks.filter({ hasText: '@@ -1,' }).getByTestId('stage-hunk').click();

    await change('staged', 'notes.txt').waitFor({ timeout: 15_000 });
    await change('unstaged', 'notes.txt').waitFor();
    // The diff shows the change that is left, and only that one.
    await expect.poll(() => hunks.count(), { timeout: 15_000 }).toBe(1);
    const staged = git('diff', '--cached', '--', 'notes.txt');
    expect(staged).toContain('+line 3, changed first');
    expect(staged).not.toContain('line 25, changed second');
    if (process.env.LATHE_SCM_SHOTS) await page.screenshot({ path: join(process.env.LATHE_SCM_SHOTS, 'scm-staged.png') });

    await page.getByTestId('scm-commit-message').fill('Change the third line');
    await page.getByTestId('scm-commit-message').press('Control+Enter');
    await expect.poll(() => git('log', '-1', '--format=%s').trim(), { timeout: 15_000 }).toBe('Change the third line');
    await expect.poll(() => page.getByTestId('scm-commit-message').inputValue()).toBe('');

    const committed = git('show', 'HEAD', '--format=', '--', 'notes.txt');
    expect(committed).toContain('+line 3, changed first');
    expect(committed).not.toContain('line 25');
    expect(git('diff', '--cached')).toBe('');
    const unstaged = git('diff', '--', 'notes.txt');
    expect(unstaged).toContain('+line 25, changed second');
    expect(unstaged).not.toContain('line 3, changed first');

    // The new commit heads the graph, with the branch it is on.
    await expect.poll(() => page.locator('[data-testid="scm-graph-commit"] .scm-graph-subject').first().textContent(), { timeout: 15_000 }).toBe(
      'Change the third line',
    );
    await expect.poll(() => page.getByTestId('scm-graph-commit').count()).toBe(5);
    await expect.poll(() => change('staged', 'notes.txt').count()).toBe(0);
    await change('unstaged', 'notes.txt').waitFor();
  });

  it('lists a commit’s files and opens one of them as a diff', async () => {
    const { page } = workbench;
    await page.getByTestId('scm-graph-commit').first().click();
    const file = page.locator('[data-testid="scm-graph-file"][data-path="notes.txt"]');
    await file.waitFor();
    await file.click();
    await expect.poll(() => page.locator('[data-testid="tab"][data-view="diff"][aria-selected="true"]').textContent()).toMatch(/notes\.txt \([0-9a-f]{7}\)/);
  });

  it('creates a branch from the status bar picker', async () => {
    const { page } = workbench;
    await page.getByTestId('statusbar-branch').click();
    await page.getByTestId('editor-picker').waitFor();
    await page.locator('[data-testid="editor-picker"] [data-id="action:create"]').click();
    const input = page.getByTestId('editor-picker-input');
    await input.fill('feature/scm-e2e');
    await page.locator('[data-testid="editor-picker"] [data-id="accept"]').waitFor();
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('statusbar-branch').textContent(), { timeout: 15_000 }).toContain('feature/scm-e2e');
    expect(git('branch', '--show-current').trim()).toBe('feature/scm-e2e');
  });

  it('shows change bars in the gutter, and blame on demand', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+E');
    await page.locator('[data-testid="explorer-row"][data-path="notes.txt"]').dblclick();
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('notes.txt');
    const editor = page.locator('[data-testid="editor-group"][data-active="true"] [data-testid="editor"]');
    await expect.poll(() => editor.locator('.scm-gutter-modified').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await runFromPalette(page, 'Git: Toggle Blame');
    // Monaco writes spaces as non-breaking ones.
    const annotations = async () => (await editor.locator('.scm-blame-annotation').allTextContents()).map((text) => text.replaceAll('\u00a0', ' '));
    await expect.poll(async () => (await annotations())[0]).toContain('Ada Tester');
    expect(await annotations()).toEqual(expect.arrayContaining([expect.stringContaining('Uncommitted changes')]));
    await runFromPalette(page, 'Git: Toggle Blame');
    await expect.poll(() => editor.locator('.scm-blame-annotation').count()).toBe(0);
  });

  it('discards a change after asking, and undoes the discard', async () => {
    const { page } = workbench;
    await showScm();
    const row = change('unstaged', 'notes.txt');
    await row.hover();
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await row.getByTestId('scm-change-discard').click();
    await expect.poll(() => readFileSync(notesPath, 'utf8'), { timeout: 15_000 }).not.toContain('line 25, changed second');
    expect(question).toContain('notes.txt');
    expect(question).toContain('can be undone');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);

    await page.getByTestId('notification').filter({ hasText: 'Discarded' }).getByTestId('notification-action').filter({ hasText: 'Undo' }).click();
    await expect.poll(() => readFileSync(notesPath, 'utf8'), { timeout: 15_000 }).toContain('line 25, changed second');
    await row.waitFor({ timeout: 15_000 });
  });

  it('resolves a merge conflict with the actions above it, then marks it resolved', async () => {
    const { page } = workbench;
    const branch = git('branch', '--show-current').trim();
    git('commit', '-q', '-am', 'Change line 25 here');
    git('switch', '-q', '-c', 'other', 'HEAD~1');
    const theirs = readFileSync(notesPath, 'utf8').replace('line 25', 'line 25, changed elsewhere');
    writeFileSync(notesPath, theirs);
    git('commit', '-q', '-am', 'Change line 25 elsewhere');
    git('switch', '-q', branch);
    expect(() => git('merge', '-q', 'other')).toThrow();

    const conflicted = change('merge', 'notes.txt');
    await conflicted.waitFor({ timeout: 15_000 });
    expect(await conflicted.getByTestId('scm-change-letter').textContent()).toBe('C');
    await conflicted.click();
    const editor = page.locator('[data-testid="editor-group"][data-active="true"] [data-testid="editor"]');
    const lens = (title: string) => editor.locator('.codelens-decoration a', { hasText: title });
    await lens('Accept Incoming Change').waitFor({ timeout: 15_000 });
    if (process.env.LATHE_SCM_SHOTS) await page.screenshot({ path: join(process.env.LATHE_SCM_SHOTS, 'scm-conflict.png') });
    await lens('Accept Incoming Change').click();
    await expect.poll(() => editorText(page)).toContain('line 25, changed elsewhere');
    expect(await editorText(page)).not.toContain('<<<<<<<');

    await lens('Mark as Resolved').click();
    await expect.poll(() => git('ls-files', '-u'), { timeout: 15_000 }).toBe('');
    expect(readFileSync(notesPath, 'utf8')).not.toContain('>>>>>>>');
    await change('staged', 'notes.txt').waitFor({ timeout: 15_000 });
    await page.getByTestId('scm-commit-message').fill('Merge branch other');
    await page.getByTestId('scm-commit').click();
    await expect.poll(() => git('log', '-1', '--format=%s').trim(), { timeout: 15_000 }).toBe('Merge branch other');
    expect(git('log', '-1', '--format=%p').trim().split(' ')).toHaveLength(2);
  });

  it('publishes the branch to a remote, then syncs what is ahead', async () => {
    const { page } = workbench;
    const remote = join(workspaceDir, '..', 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote]);
    git('remote', 'add', 'origin', remote);
    await page.getByTestId('statusbar-publish').click();
    await page.getByTestId('statusbar-sync').waitFor({ timeout: 15_000 });
    const branch = git('branch', '--show-current').trim();
    expect(git('ls-remote', 'origin', branch)).toContain(git('rev-parse', 'HEAD').trim());

    writeFileSync(join(workspaceDir, 'ahead.txt'), 'one commit ahead\n');
    git('add', 'ahead.txt');
    git('commit', '-q', '-m', 'Get ahead');
    await expect.poll(() => page.getByTestId('statusbar-sync').textContent(), { timeout: 15_000 }).toBe('0↓ 1↑');
    await page.getByTestId('statusbar-sync').click();
    await expect.poll(() => page.getByTestId('statusbar-sync').textContent(), { timeout: 15_000 }).toBe('');
    expect(git('ls-remote', 'origin', branch)).toContain(git('rev-parse', 'HEAD').trim());
  });

  it('looks right', async () => {
    const { page } = workbench;
    const edited = readFileSync(notesPath, 'utf8').replace('line 8\n', 'line 8, edited for the picture\n').replace('line 18\n', '');
    writeFileSync(notesPath, edited);
    writeFileSync(join(workspaceDir, 'src', 'lib.rs'), 'pub fn answer() -> u32 {\n    42\n}\n');
    writeFileSync(join(workspaceDir, 'README.md'), 'A fixture workspace, with history and a staged change.\n');
    git('add', 'README.md');
    await showScm();
    await change('unstaged', 'notes.txt').click({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('hunk-actions').count(), { timeout: 15_000 }).toBe(2);
    await change('untracked', 'src/lib.rs').waitFor();
    await change('staged', 'README.md').waitFor();
    await page.locator('[data-testid="scm-graph-commit"] .scm-graph-subject').first().waitFor();
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'scm.png') });
  });

  it('stages the selected lines from the palette', async () => {
    const { page } = workbench;
    const modified = page.locator('[data-testid="diff-editor"] .editor.modified');
    await modified.locator('.view-line', { hasText: 'edited for the picture' }).click();
    await runFromPalette(page, 'Git: Stage Selected Lines');
    await expect.poll(() => git('diff', '--cached', '--', 'notes.txt'), { timeout: 15_000 }).toContain('+line 8, edited for the picture');
    expect(git('diff', '--cached', '--', 'notes.txt')).not.toContain('-line 18');
    expect(git('diff', '--', 'notes.txt')).toContain('-line 18');
    await expect.poll(() => page.getByTestId('hunk-actions').count(), { timeout: 15_000 }).toBe(1);
    if (process.env.LATHE_SCM_SHOTS) {
      await runFromPalette(page, 'Toggle Light/Dark Theme');
      await page.screenshot({ path: join(process.env.LATHE_SCM_SHOTS, 'scm-light.png') });
    }
  });

  it('reports no problems in the console', () => {
    expect(workbench.problems).toEqual([]);
  });
});
