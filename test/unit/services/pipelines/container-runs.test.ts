import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, job, texts } from './pipelines-harness';
import { latheContainers, startPodman, testImage, type PodmanSetup } from './podman';

let podman: PodmanSetup = { skip: 'not started yet' };

beforeAll(async () => {
  podman = await startPodman();
  // A skip must say why, where the test output is read.
  if ('skip' in podman) console.warn(`Container executor tests skipped: ${podman.skip}`);
}, 120_000);

afterAll(async () => {
  if (!('skip' in podman)) await podman.stop();
});

describe('the container executor against Podman’s Docker API', () => {
  it('runs steps in the job’s container with the workspace mounted, reaches services by name, replaces a container a timeout removed, leaves nothing behind', async (context) => {
    if ('skip' in podman) return context.skip();
    const { socket, docker } = podman;
    const h = await createHarness('container', {}, { 'pipelines.container.socket': `unix://${socket}` });
    try {
      const detail = await h.run('.lathe/pipelines/container.yml');
      const steps = job(detail, 'in-container').steps;
      expect(steps.map((step) => step.state)).toEqual(['success', 'success', 'success', 'success']);
      expect(job(detail, 'in-container').executor).toBe('container');
      expect(texts(await h.log(detail.run.id, 'in-container', 0), 'info')).toContain('shell: sh -e {0}');
      expect(texts(await h.log(detail.run.id, 'in-container', 0), 'stdout')[0]).toMatch(/^inside tail -f \/dev\/null/);
      expect(texts(await h.log(detail.run.id, 'in-container', 1), 'stdout')).toContain('service said pong');
      expect(steps[2]).toMatchObject({ outcome: 'failure', attempts: [{ timedOut: true }] });
      expect(readFileSync(join(h.root, 'made-in-container.txt'), 'utf8').trim()).toBe('from-container');
      expect(await latheContainers(docker)).toEqual([]);
      const networks = await docker.listNetworks();
      expect(networks.filter((network) => network.Name.startsWith('lathe-'))).toEqual([]);
    } finally {
      await h.dispose();
    }
  }, 120_000);

  it('cancelling a container step stops and removes the container', async (context) => {
    if ('skip' in podman) return context.skip();
    const { socket, docker } = podman;
    const h = await createHarness(undefined, { '.lathe/pipelines/long.yml': `jobs:\n  long:\n    container: ${testImage}\n    steps:\n      - run: echo up; sleep 300\n` }, { 'pipelines.container.socket': `unix://${socket}` });
    try {
      const result = await h.start('.lathe/pipelines/long.yml');
      if (result.kind !== 'started') throw new Error('did not start');
      await h.waitFor((event) => event.kind === 'step' && event.step.state === 'running' && event.step.attempts.length > 0, 60_000);
      h.service.cancel(result.run.id);
      const detail = await h.waitForEnd(result.run.id);
      expect(detail.run.state).toBe('cancelled');
      expect(await latheContainers(docker)).toEqual([]);
    } finally {
      await h.dispose();
    }
  }, 120_000);

  it('says the engine is not running, at the job, before anything runs', async () => {
    const h = await createHarness('container', {}, { 'pipelines.container.socket': 'unix:///nonexistent/lathe.sock' });
    try {
      expect(await h.start('.lathe/pipelines/container.yml')).toMatchObject({
        kind: 'invalid',
        diagnostics: [{ line: 4, column: 5, message: expect.stringMatching(/container engine is not running .*unix:\/\/\/nonexistent\/lathe\.sock/) }],
      });
      expect(existsSync(join(h.profile, 'pipelines', 'runs'))).toBe(false);
    } finally {
      await h.dispose();
    }
  });
});
