import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDir } from './fixture';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, waitForLog } from './plugins-support';

let workbench: OpenWorkbench;

const plugin = 'lathe-tests.pipeline-steps';

// `greet` runs in the plugin and sets an output the next step reads; `fail` throws in the plugin.
const pipeline = `name: Plugin Steps
jobs:
  greet:
    env:
      STYLE: warm
    steps:
      - id: hello
        uses: plugin:${plugin}/greet
        with:
          name: \${{ github.job }}-lathe
      - name: Echo
        run: echo "said \${{ steps.hello.outputs.greeting }}"
  fails:
    steps:
      - uses: plugin:${plugin}/fail
      - run: echo never
`;

beforeAll(async () => {
  mkdirSync(join(workspaceDir, '.lathe', 'pipelines'), { recursive: true });
  writeFileSync(join(workspaceDir, '.lathe', 'pipelines', 'plugin-steps.yml'), pipeline);
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'pipeline-steps'), plugin);
});

afterAll(async () => {
  await workbench?.close();
});

const jobStates = () =>
  workbench.page.getByTestId('pipeline-dag-job').evaluateAll((boxes) => Object.fromEntries(boxes.map((box) => [box.getAttribute('data-job'), box.getAttribute('data-state')])));

/** Opens a step's log in the run view and waits for all of it. */
async function stepLog(job: string, index: number): Promise<string> {
  const { page } = workbench;
  await page.locator(`[data-testid="pipeline-dag-job"][data-job="${job}"]`).click();
  await page.locator(`[data-testid="pipeline-job"][data-job="${job}"] [data-testid="pipeline-step"]`).nth(index).click();
  await expect.poll(() => page.getByTestId('pipeline-log').getAttribute('data-ended')).toBe('true');
  return (await page.getByTestId('pipeline-log').textContent()) ?? '';
}

describe('pipeline steps contributed by plugins', () => {
  it('runs the plugin step kinds of a pipeline and shows their results', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Show Pipelines');
    const row = page.locator('[data-testid="pipeline-row"][data-pipeline=".lathe/pipelines/plugin-steps.yml"]');
    await row.waitFor();
    await row.hover();
    await row.getByTestId('pipeline-run').click();
    await page.getByTestId('pipeline-run-view').waitFor();
    await expect.poll(jobStates, { timeout: 30_000 }).toEqual({ greet: 'success', fails: 'failure' });
  });

  it("puts the plugin's log lines in the step's log, and its outputs in the next step's reach", async () => {
    expect(await stepLog('greet', 0)).toContain('Greeting greet-lathe from the root (job env warm)');
    expect(await stepLog('greet', 1)).toContain('said Hello greet-lathe');
  });

  it("fails the step with the plugin's error and skips the rest of the job", async () => {
    const log = await stepLog('fails', 0);
    expect(log).toContain('about to fail');
    // The error crosses the sandbox as "<name>: <message>", as a command's does.
    expect(log).toContain('The step failed: Error: the disk is on fire');
    await expect(workbench.page.locator('[data-testid="pipeline-job"][data-job="fails"] [data-testid="pipeline-step"]').nth(1).getAttribute('data-state')).resolves.toBe('skipped');
  });

  it('started the plugin once, for whichever of its steps came first: it has no activation event of its own', async () => {
    const log = await waitForLog(workbench.page, plugin, `Starting ${plugin} 1.0.0 (pipeline step `);
    expect(log.match(/Starting /g)).toHaveLength(1);
  });
});
