import { describe, expect, it } from 'vitest';
import type { Workbench } from '../../../plugins/api/runtime/connection';
import type { RuntimeContext } from '../../../plugins/api/runtime/context';
import { createPipelineSteps } from '../../../plugins/api/runtime/pipeline-steps';

const step = { with: { name: 'demo' }, env: { CI: 'true' }, workingDirectory: 'crates/demo' };

describe('lathe.pipelines.registerStepKind in the runtime', () => {
  const logged: [string, string][] = [];
  const context: RuntimeContext = {
    pluginId: 'me.steps',
    workbench: { pipelineStepLog: (requestId: string, line: string) => void logged.push([requestId, line]) } as unknown as Workbench,
  };

  it('runs the handler with the step, sends its log lines under the request, answers its outputs as strings', async () => {
    const steps = createPipelineSteps(context);
    steps.registerStepKind('greet', async (given, log) => {
      log.write(`hello ${given.with.name} in ${given.workingDirectory}`);
      return { outputs: { greeting: `Hello ${given.with.name}`, count: 3 as unknown as string } };
    });
    expect(await steps.run('greet', step, 'r1')).toEqual({ outputs: { greeting: 'Hello demo', count: '3' } });
    expect(logged).toContainEqual(['r1', 'hello demo in crates/demo']);
  });

  it('answers no outputs for a handler that returns nothing, and fails with what a handler throws', async () => {
    const steps = createPipelineSteps(context);
    steps.registerStepKind('quiet', async () => undefined);
    steps.registerStepKind('broken', async () => {
      throw new Error('No crate named demo');
    });
    expect(await steps.run('quiet', step, 'r2')).toEqual({ outputs: {} });
    await expect(steps.run('broken', step, 'r3')).rejects.toThrow('No crate named demo');
  });

  it('cancels the token of the step the workbench cancels', async () => {
    const steps = createPipelineSteps(context);
    let release: () => void = () => undefined;
    const heard: boolean[] = [];
    steps.registerStepKind('wait', (_given, _log, token) => {
      token.onCancellationRequested(() => heard.push(token.isCancellationRequested));
      return new Promise<void>((resolve) => (release = resolve));
    });
    const result = steps.run('wait', step, 'r4');
    steps.cancel('r4');
    expect(heard).toEqual([true]);
    release();
    await result;
  });

  it('refuses a kind it cannot be named by, a second registration, and a kind it no longer has', async () => {
    const steps = createPipelineSteps(context);
    expect(() => steps.registerStepKind('two words', async () => undefined)).toThrow(/may have only letters, digits/);
    const registration = steps.registerStepKind('once', async () => undefined);
    expect(() => steps.registerStepKind('once', async () => undefined)).toThrow('The step kind once is already registered');
    registration.dispose();
    await expect(steps.run('once', step, 'r5')).rejects.toThrow('The plugin me.steps has not registered the step kind once');
  });
});
