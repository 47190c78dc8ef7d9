import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineList } from '../../../../src-shared/contract';
import { createHarness, type Harness } from './pipelines-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('automatic triggers', () => {
  it('start a pipeline on save (debounced, path filters) and on commit when the setting allows it', async () => {
    harness = await createHarness('triggers', {}, { 'pipelines.automaticTriggers': true });
    const h = harness;
    await h.service.list();
    await h.service.handleFileChanges([{ path: 'README.md', kind: 'changed' }]);
    await h.service.handleFileChanges([{ path: 'src/main.rs', kind: 'changed' }]);
    await h.service.handleFileChanges([{ path: 'src/deep/lib.rs', kind: 'created' }]);
    const run = await h.waitFor((event) => event.kind === 'run' && event.run.trigger === 'save', 5000);
    if (run.kind !== 'run') throw new Error('not a run event');
    expect(run.run.pipelineId).toBe('.lathe/pipelines/on-save.yml');
    await h.waitForEnd(run.run.id);
    expect(h.service.runs(undefined, 10, undefined).map((entry) => entry.trigger)).toEqual(['save']);

    h.service.handleHead('a'.repeat(40));
    h.service.handleHead('a'.repeat(40));
    expect(h.service.runs(undefined, 10, undefined)).toHaveLength(1);
    h.service.handleHead('b'.repeat(40));
    const commit = await h.waitFor((event) => event.kind === 'run' && event.run.trigger === 'commit', 5000);
    if (commit.kind !== 'run') throw new Error('not a run event');
    await h.waitForEnd(commit.run.id);
    expect(h.service.runs(undefined, 10, undefined).map((entry) => `${entry.pipelineId} ${entry.trigger}`)).toEqual([
      '.lathe/pipelines/on-save.yml commit',
      '.lathe/pipelines/on-save.yml save',
    ]);
  });

  it('never start anything while the setting is off (a cloned folder must not run its pipelines on its own)', async () => {
    harness = await createHarness('triggers');
    const h = harness;
    await h.service.list();
    await h.service.handleFileChanges([{ path: 'src/main.rs', kind: 'changed' }]);
    h.service.handleHead('a'.repeat(40));
    h.service.handleHead('b'.repeat(40));
    await wait(1500);
    expect(h.service.runs(undefined, 10, undefined)).toEqual([]);
    expect((await h.service.list()).automaticTriggers).toBe(false);
  });

  it('re-read pipeline files when they or the pipelines settings change, and tell listeners', async () => {
    harness = await createHarness('triggers');
    const h = harness;
    const lists: PipelineList[] = [];
    h.service.onDidChangePipelines((list) => lists.push(list));
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    writeFileSync(join(h.root, '.lathe', 'pipelines', 'manual.yml'), 'jobs:\n  broken:\n    needs: ghost\n    steps: [{run: x}]\n');
    await h.service.handleFileChanges([{ path: '.lathe/pipelines/manual.yml', kind: 'changed' }]);
    expect(lists).toHaveLength(1);
    expect(lists[0]?.pipelines.find((pipeline) => pipeline.id === '.lathe/pipelines/manual.yml')).toMatchObject({
      valid: false,
      diagnostics: [{ line: 2, column: 3 }, { line: 3, column: 12, message: "Job 'broken' depends on unknown job 'ghost'." }],
    });
    await h.service.handleFileChanges([{ path: 'src/main.rs', kind: 'changed' }]);
    expect(lists).toHaveLength(1);
    await h.service.handleSettingsChanged();
    expect(lists).toHaveLength(1);
    h.settings['pipelines.automaticTriggers'] = true;
    await h.service.handleSettingsChanged();
    expect(lists.at(-1)?.automaticTriggers).toBe(true);
  });
});
