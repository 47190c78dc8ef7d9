import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';

let workbench: OpenWorkbench;

// `b` waits for `a`; `flaky` fails on its own, so a rerun of failed jobs runs only `flaky` again.
const pipeline = `name: CI
jobs:
  a:
    name: Build
    steps:
      - name: Compile
        run: printf '\\033[32mcompiled ok\\033[0m\\n'
      - name: Count
        run: seq 1 20000
  b:
    name: Test
    needs: a
    steps:
      - name: Check
        run: sleep 0.3 && echo tested
  flaky:
    name: Lint
    steps:
      - name: Lint sources
        run: echo '::error file=README.md,line=1::lint-annotation here' && echo hi-from-lint && exit 3
`;

// A `needs` naming a job that does not exist: an error at its line, before anything runs.
const broken = `name: Broken
jobs:
  only:
    needs: missing
    steps:
      - run: echo never
`;

// Long enough to be cancelled while it runs.
const slow = `name: Slow
jobs:
  wait:
    name: Wait
    steps:
      - run: sleep 60
`;

beforeAll(async () => {
  mkdirSync(join(workspaceDir, '.lathe', 'pipelines'), { recursive: true });
  writeFileSync(join(workspaceDir, '.lathe', 'pipelines', 'ci.yml'), pipeline);
  writeFileSync(join(workspaceDir, '.lathe', 'pipelines', 'broken.yml'), broken);
  writeFileSync(join(workspaceDir, '.lathe', 'pipelines', 'slow.yml'), slow);
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

const jobStates = () =>
  workbench.page.getByTestId('pipeline-dag-job').evaluateAll((boxes) => Object.fromEntries(boxes.map((box) => [box.getAttribute('data-job'), box.getAttribute('data-state')])));

const runRows = () => workbench.page.getByTestId('pipeline-run-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')));

describe('pipelines', () => {
  it('lists the pipeline in the Pipelines view', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Show Pipelines');
    await page.getByTestId('pipelines-view').waitFor();
    await page.locator('[data-testid="pipeline-row"][data-pipeline=".lathe/pipelines/ci.yml"]').waitFor();
  });

  it('runs it from the view and shows the jobs reach their final states in the graph', async () => {
    const { page } = workbench;
    const row = page.locator('[data-testid="pipeline-row"][data-pipeline=".lathe/pipelines/ci.yml"]');
    await row.hover();
    await row.getByTestId('pipeline-run').click();
    await page.getByTestId('pipeline-run-view').waitFor();
    await expect.poll(() => page.getByTestId('pipeline-dag-job').count()).toBe(3);
    await expect.poll(jobStates, { timeout: 30_000 }).toEqual({ a: 'success', b: 'success', flaky: 'failure' });
    await expect.poll(() => page.getByTestId('pipeline-run-view').getAttribute('data-state')).toBe('failure');
    // `b` needs `a`: it sits one column to the right.
    const a = await page.locator('[data-testid="pipeline-dag-job"][data-job="a"]').boundingBox();
    const b = await page.locator('[data-testid="pipeline-dag-job"][data-job="b"]').boundingBox();
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    // The longest chain sets the run's length: Build then Test.
    const critical = await page.getByTestId('pipeline-dag-job').evaluateAll((boxes) => boxes.filter((box) => box.getAttribute('data-critical') === 'true').map((box) => box.getAttribute('data-job')));
    expect(critical.sort()).toEqual(['a', 'b']);
    expect(await runRows()).toEqual(['failure']);
  });

  it("opens the failed step's log", async () => {
    const { page } = workbench;
    await page.locator('[data-testid="pipeline-dag-job"][data-job="flaky"]').click();
    const step = page.locator('[data-testid="pipeline-job"][data-job="flaky"] [data-testid="pipeline-step"][data-state="failure"]');
    await step.click();
    await expect.poll(() => page.getByTestId('pipeline-log').textContent()).toContain('hi-from-lint');
    await expect.poll(() => page.getByTestId('pipeline-log').getAttribute('data-ended')).toBe('true');
    await expect(step.textContent()).resolves.toContain('exit 3');

    // The filter keeps only the matching lines (the command Lathe echoes, and its output).
    const lines = page.getByTestId('pipeline-log-line');
    const total = await lines.count();
    await page.getByTestId('pipeline-log-filter').fill('hi-from');
    await expect.poll(() => lines.count()).toBeLessThan(total);
    for (const text of await lines.allTextContents()) expect(text).toContain('hi-from');
    await page.getByTestId('pipeline-log-filter').fill('');
    await expect.poll(() => lines.count()).toBe(total);
  });

  it('sends a failed step to the chat with Explain Failure', async () => {
    const { page } = workbench;
    const step = page.locator('[data-testid="pipeline-job"][data-job="flaky"] [data-testid="pipeline-step"][data-state="failure"]');
    await step.getByTestId('pipeline-explain').click();
    const question = page.getByTestId('chat-question').last();
    await expect.poll(() => question.textContent()).toContain('Exit code: 3');
    expect(await question.textContent()).toContain('hi-from-lint');
    expect(await question.textContent()).toContain('exit 3');
    // Back to the run for the tests that follow.
    await runFromPalette(page, 'View: Toggle Secondary Side Bar');
  });

  it('shows ANSI colours in a log', async () => {
    const { page } = workbench;
    await page.locator('[data-testid="pipeline-dag-job"][data-job="a"]').click();
    await page.locator('[data-testid="pipeline-job"][data-job="a"] [data-testid="pipeline-step"]').filter({ hasText: 'Compile' }).click();
    const coloured = page.getByTestId('pipeline-log').locator('.ansi-fg-2');
    await expect.poll(() => coloured.textContent()).toBe('compiled ok');
  });

  it('draws only the lines in view of a long log, following its end', async () => {
    const { page } = workbench;
    await page.locator('[data-testid="pipeline-job"][data-job="a"] [data-testid="pipeline-step"]').filter({ hasText: 'Count' }).click();
    const log = page.getByTestId('pipeline-log');
    await expect.poll(() => log.getAttribute('data-ended')).toBe('true');
    await expect.poll(() => log.getByTestId('pipeline-log-line').last().textContent()).toContain('20000');
    expect(await log.getByTestId('pipeline-log-line').count()).toBeLessThan(200);
  });

  it('reruns only the failed job', async () => {
    const { page } = workbench;
    await page.getByTestId('pipeline-rerun-failed').click();
    await expect.poll(runRows).toHaveLength(2);
    await expect.poll(() => page.getByTestId('pipeline-run-view').getAttribute('data-state'), { timeout: 30_000 }).toBe('failure');
    await expect.poll(jobStates).toEqual({ a: 'success', b: 'success', flaky: 'failure' });
    const reused = await page.getByTestId('pipeline-dag-job').evaluateAll((boxes) => Object.fromEntries(boxes.map((box) => [box.getAttribute('data-job'), box.getAttribute('data-reused')])));
    expect(reused).toEqual({ a: 'true', b: 'true', flaky: 'false' });
    // With two runs there is a history to chart.
    await page.getByTestId('pipeline-durations').waitFor();
    await page.locator('[data-testid="pipeline-dag-job"][data-job="flaky"]').click();
    await page.locator('[data-testid="pipeline-job"][data-job="flaky"] [data-testid="pipeline-step"]').click();
    await expect.poll(() => page.getByTestId('pipeline-log').textContent()).toContain('hi-from-lint');
  });

  it('pauses a failing job, retries its step, then lets the failure stand', async () => {
    const { page } = workbench;
    const row = page.locator('[data-testid="pipeline-row"][data-pipeline=".lathe/pipelines/ci.yml"]');
    await row.hover();
    await row.getByTestId('pipeline-run-paused').click();
    await expect.poll(runRows).toHaveLength(3);
    await expect.poll(jobStates, { timeout: 30_000 }).toEqual({ a: 'success', b: 'success', flaky: 'paused' });
    await page.locator('[data-testid="pipeline-dag-job"][data-job="flaky"]').click();
    await page.getByTestId('pipeline-retry').click();
    const step = page.locator('[data-testid="pipeline-job"][data-job="flaky"] [data-testid="pipeline-step"]');
    await expect.poll(() => step.textContent(), { timeout: 30_000 }).toContain('attempt 2');
    await expect.poll(jobStates, { timeout: 30_000 }).toEqual({ a: 'success', b: 'success', flaky: 'paused' });
    await page.getByTestId('pipeline-continue').click();
    await expect.poll(() => page.getByTestId('pipeline-run-view').getAttribute('data-state'), { timeout: 30_000 }).toBe('failure');
  });

  it('shows an invalid pipeline with its error at its line, and opens the file there', async () => {
    const { page } = workbench;
    const diagnostic = page.locator('[data-testid="pipeline-row"][data-pipeline=".lathe/pipelines/broken.yml"] ~ [data-testid="pipeline-diagnostic"]').filter({ hasText: 'missing' });
    await expect.poll(() => diagnostic.getAttribute('title')).toMatch(/^\.lathe\/pipelines\/broken\.yml:4:\d+: /);
    expect(await diagnostic.textContent()).toContain('Ln 4');
    await expect(page.locator('[data-testid="pipeline-row"][data-pipeline=".lathe/pipelines/broken.yml"] [data-testid="pipeline-run"]').isDisabled()).resolves.toBe(true);
    await diagnostic.click();
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('.lathe/pipelines/broken.yml');
    // The same errors are listed in Problems, with the shown run's annotations.
    await page.getByTestId('panel-tab-problems').click();
    await expect.poll(() => page.getByTestId('panel').textContent()).toContain('missing');
    await expect.poll(() => page.getByTestId('panel').textContent()).toContain('lint-annotation here');
    await page.getByTestId('panel-tab-pipeline-run').click();
  });

  it('runs and cancels a pipeline from the command palette', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Run Pipeline…');
    await page.getByTestId('editor-picker-input').fill('Slow');
    await page.getByTestId('editor-picker').getByRole('option').first().filter({ hasText: 'Slow' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(jobStates, { timeout: 30_000 }).toEqual({ wait: 'running' });
    await runFromPalette(page, 'Cancel Run');
    await expect.poll(() => page.getByTestId('pipeline-run-view').getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
    expect(await jobStates()).toEqual({ wait: 'cancelled' });
  });

  it('saves a screenshot, and saw no console error or CSP violation', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Close Editor');
    // A taller panel, as one would have it to follow a run.
    const sash = await page.getByRole('separator', { name: 'Resize Panel' }).boundingBox();
    if (sash) {
      await page.mouse.move(sash.x + sash.width / 2, sash.y + sash.height / 2);
      await page.mouse.down();
      await page.mouse.move(sash.x + sash.width / 2, sash.y - 260, { steps: 5 });
      await page.mouse.up();
    }
    await page.locator('[data-testid="pipeline-run-row"]', { hasText: 'CI #1' }).click();
    await page.locator('[data-testid="pipeline-dag-job"][data-job="flaky"]').click();
    await page.locator('[data-testid="pipeline-job"][data-job="flaky"] [data-testid="pipeline-step"]').click();
    await expect.poll(() => page.getByTestId('pipeline-log').textContent()).toContain('hi-from-lint');
    await page.screenshot({ path: join(repoRoot, 'test-results', 'pipelines.png') });
    expect(workbench.problems).toEqual([]);
  });
});
