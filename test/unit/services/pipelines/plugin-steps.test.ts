import { afterEach, describe, expect, it } from 'vitest';
import type { PluginStepRequest } from '../../../../src-shared/contract';
import { PluginStepRequests } from '../../../../src-main/services/plugins/step-requests';
import { parsePipeline } from '../../../../src-main/services/pipelines/parser/parse-pipeline';
import { createHarness, job, texts, type Harness } from './pipelines-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

type RunRequest = Extract<PluginStepRequest, { kind: 'run' }>;

/**
 * Stands in for the workbench: reads the step requests of one connection, as the plugin host does,
 * and answers each run with `answer` (which may log, complete, or leave the step running).
 */
function fakeWorkbench(requests: PluginStepRequests, answer: (request: RunRequest) => void) {
  const seen: PluginStepRequest[] = [];
  const connection = new AbortController();
  let arrived: (request: RunRequest) => void = () => undefined;
  const firstRun = new Promise<RunRequest>((resolve) => (arrived = resolve));
  void (async () => {
    for await (const request of requests.serve('window-1', connection.signal)) {
      seen.push(request);
      if (request.kind !== 'run') continue;
      arrived(request);
      answer(request);
    }
  })();
  return { seen, firstRun, close: () => connection.abort() };
}

/** The pipelines service with plugin steps served by `requests`, and a pipeline file using them. */
async function open(requests: PluginStepRequests, pipeline: string): Promise<Harness> {
  harness = await createHarness(undefined, { '.lathe/pipelines/plugin.yml': pipeline }, {}, {
    run: (request, log, signal) => requests.run(request.plugin, request.kind, request.step, log, signal),
  });
  return harness;
}

const greetPipeline = `
env:
  GREETING_STYLE: warm
jobs:
  build:
    steps:
      - id: greet
        uses: plugin:lathe-tests.pipeline-steps/greet
        with:
          name: \${{ github.job }}
      - run: echo "got \${{ steps.greet.outputs.greeting }}"
`;

describe('plugin steps (uses: plugin:<publisher>.<name>/<kind>)', () => {
  it('run in the plugin: its inputs evaluated, its log lines in the step log, its outputs read by a later step', async () => {
    const requests = new PluginStepRequests();
    const workbench = fakeWorkbench(requests, (request) => {
      requests.log('window-1', request.plugin, request.requestId, `greeting ${request.step.with.name}`);
      requests.complete('window-1', { plugin: request.plugin, requestId: request.requestId, ok: true, outputs: { greeting: `Hello ${request.step.with.name}` } });
    });
    const h = await open(requests, greetPipeline);
    const detail = await h.run('.lathe/pipelines/plugin.yml');
    workbench.close();

    expect(detail.run.state).toBe('success');
    const request = await workbench.firstRun;
    expect(request).toMatchObject({ plugin: 'lathe-tests.pipeline-steps', stepKind: 'greet', step: { with: { name: 'build' }, workingDirectory: '' } });
    expect(request.step.env.GREETING_STYLE).toBe('warm');
    const steps = job(detail, 'build').steps;
    expect(steps.map((step) => step.state)).toEqual(['success', 'success']);
    expect(steps[0]?.command).toBe('plugin:lathe-tests.pipeline-steps/greet');
    expect(texts(await h.log(detail.run.id, 'build', 0), 'stdout')).toEqual(['greeting build']);
    expect(texts(await h.log(detail.run.id, 'build', 1), 'stdout')).toEqual(['got Hello build']);
  });

  it('fails when the plugin fails it, with the plugin\'s message; later steps are skipped', async () => {
    const requests = new PluginStepRequests();
    const workbench = fakeWorkbench(requests, (request) =>
      requests.complete('window-1', { plugin: request.plugin, requestId: request.requestId, ok: false, error: 'No crate named demo' }),
    );
    const h = await open(requests, greetPipeline);
    const detail = await h.run('.lathe/pipelines/plugin.yml');
    workbench.close();

    expect(detail.run.state).toBe('failure');
    expect(job(detail, 'build').steps.map((step) => step.state)).toEqual(['failure', 'skipped']);
    expect(texts(await h.log(detail.run.id, 'build', 0))).toContain('The step failed: No crate named demo');
  });

  it('fails at once, saying why, when no workbench serves plugin steps', async () => {
    const h = await open(new PluginStepRequests(), greetPipeline);
    const detail = await h.run('.lathe/pipelines/plugin.yml');
    expect(job(detail, 'build').steps[0]?.state).toBe('failure');
    expect(texts(await h.log(detail.run.id, 'build', 0)).join('\n')).toMatch(/No Lathe window is open to run the plugin/);
  });

  it('cancelling the run cancels the plugin\'s step', async () => {
    const requests = new PluginStepRequests();
    const workbench = fakeWorkbench(requests, () => undefined);
    const h = await open(requests, greetPipeline);
    const started = await h.start('.lathe/pipelines/plugin.yml');
    if (started.kind !== 'started') throw new Error('the pipeline did not start');
    const request = await workbench.firstRun;
    h.service.cancel(started.run.id);
    const detail = await h.waitForEnd(started.run.id);
    workbench.close();

    expect(detail.run.state).toBe('cancelled');
    expect(job(detail, 'build').steps[0]?.state).toBe('cancelled');
    expect(workbench.seen).toContainEqual({ kind: 'cancel', requestId: request.requestId });
    expect(() => requests.complete('window-1', { plugin: request.plugin, requestId: request.requestId, ok: true })).toThrow(/No step/);
  });

  it('a step past its timeout-minutes is stopped in the plugin and fails as timed out', async () => {
    const requests = new PluginStepRequests();
    const workbench = fakeWorkbench(requests, () => undefined);
    const h = await open(requests, greetPipeline.replace('        with:', '        timeout-minutes: 0.002\n        with:'));
    const detail = await h.run('.lathe/pipelines/plugin.yml');
    workbench.close();

    const step = job(detail, 'build').steps[0];
    expect(step?.state).toBe('failure');
    expect(step?.attempts[0]?.timedOut).toBe(true);
    expect(workbench.seen.map((request) => request.kind)).toEqual(['run', 'cancel']);
  });

  it('fails with the reason when the workbench running the step closes', async () => {
    const requests = new PluginStepRequests();
    const workbench = fakeWorkbench(requests, () => undefined);
    const h = await open(requests, greetPipeline);
    const started = await h.start('.lathe/pipelines/plugin.yml');
    if (started.kind !== 'started') throw new Error('the pipeline did not start');
    await workbench.firstRun;
    workbench.close();
    const detail = await h.waitForEnd(started.run.id);

    expect(job(detail, 'build').steps[0]?.state).toBe('failure');
    expect(texts(await h.log(detail.run.id, 'build', 0)).join('\n')).toMatch(/closed before the step ended/);
  });
});

describe('the uses: plugin: form in the file', () => {
  const parse = (uses: string) =>
    parsePipeline(
      { id: '.lathe/pipelines/p.yml', kind: 'lathe', content: `jobs:\n  build:\n    steps:\n      - uses: ${uses}\n` },
      { defaultExecutor: 'local', defaultImage: '', hasProgram: async () => true },
    );

  it('accepts plugin:<publisher>.<name>/<kind>', async () => {
    const { summary } = await parse('plugin:acme.crates/new-crate');
    expect(summary.diagnostics).toEqual([]);
  });

  it.each(['plugin:acme/new-crate', 'plugin:acme.crates', 'plugin:Acme.crates/x', 'plugin:acme.crates/a b', 'plugin:acme.crates/x/y'])('refuses %s, saying how to write it', async (uses) => {
    const { summary } = await parse(uses);
    expect(summary.valid).toBe(false);
    expect(summary.diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringContaining('is not a plugin step: write `plugin:<publisher>.<name>/<kind>`'));
  });

  it('still refuses other actions without a local stand-in', async () => {
    const { summary } = await parse('someone/something@v1');
    expect(summary.diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringContaining('cannot run here: Lathe runs only local stand-ins'));
  });
});
