import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginStepRequest } from '../../../../src-shared/contract';
import { installApproved, removeScratch, startPlugins, writePlugin, type PluginsHarness } from './plugins-harness';

let harness: PluginsHarness;
afterEach(() => removeScratch(harness));

const step = { with: {}, env: {}, workingDirectory: '' };

/** Reads the step requests of a connection, as a workbench does. */
function serve(connectionId: string) {
  const seen: PluginStepRequest[] = [];
  const connection = new AbortController();
  let arrived: (request: PluginStepRequest) => void = () => undefined;
  const first = new Promise<PluginStepRequest>((resolve) => (arrived = resolve));
  void (async () => {
    for await (const request of harness.service.stepRequests(connectionId, connection.signal)) {
      seen.push(request);
      arrived(request);
    }
  })();
  return { seen, first, close: () => connection.abort() };
}

describe('plugin steps through the plugins service', () => {
  it('fails at once when the plugin is not installed, is disabled, or no workbench is open', async () => {
    harness = await startPlugins();
    const { id } = await installApproved(harness, writePlugin(join(harness.scratch, 'sources'), { name: 'steps' }));
    const signal = new AbortController().signal;
    await expect(harness.service.runStep({ plugin: 'acme.missing', kind: 'greet', step }, () => undefined, signal)).rejects.toThrow('No plugin acme.missing is installed');
    await expect(harness.service.runStep({ plugin: id, kind: 'greet', step }, () => undefined, signal)).rejects.toThrow(/No Lathe window is open/);
    harness.service.setEnabled(id, false);
    const workbench = serve('window-1');
    await expect(harness.service.runStep({ plugin: id, kind: 'greet', step }, () => undefined, signal)).rejects.toThrow(`The plugin ${id} cannot run the step: it is disabled`);
    workbench.close();
    expect(workbench.seen).toEqual([]);
  });

  it('takes answers only from the connection asked, for the plugin asked', async () => {
    harness = await startPlugins();
    const { id } = await installApproved(harness, writePlugin(join(harness.scratch, 'sources'), { name: 'steps' }));
    const other = serve('window-1');
    const workbench = serve('window-2');
    const lines: string[] = [];
    const result = harness.service.runStep({ plugin: id, kind: 'greet', step }, (line) => lines.push(line), new AbortController().signal);
    const request = await workbench.first;
    expect(other.seen).toEqual([]);
    if (request.kind !== 'run') throw new Error('expected a run request');
    expect(request).toMatchObject({ plugin: id, stepKind: 'greet', step });

    const answer = { plugin: id, requestId: request.requestId, ok: true, outputs: { done: 'yes' } };
    expect(() => harness.service.completeStep('window-1', answer)).toThrow(/No step .* is waiting/);
    expect(() => harness.service.stepLog('window-2', 'acme.other', request.requestId, 'forged')).toThrow(/No step .* is waiting/);
    harness.service.stepLog('window-2', id, request.requestId, 'working');
    harness.service.completeStep('window-2', answer);
    expect(await result).toEqual({ outputs: { done: 'yes' } });
    expect(lines).toEqual(['working']);
    expect(() => harness.service.completeStep('window-2', answer)).toThrow(/No step .* is waiting/);
    other.close();
    workbench.close();
  });

  it('refuses a step too large for the stream, and the stream goes on serving', async () => {
    harness = await startPlugins();
    const { id } = await installApproved(harness, writePlugin(join(harness.scratch, 'sources'), { name: 'steps' }));
    const workbench = serve('window-1');
    const signal = new AbortController().signal;
    const huge = { ...step, env: { BIG: 'x'.repeat(2 * 1024 * 1024) } };
    await expect(harness.service.runStep({ plugin: id, kind: 'greet', step: huge }, () => undefined, signal)).rejects.toThrow(/cannot be sent to the plugin: env.BIG/);
    const result = harness.service.runStep({ plugin: id, kind: 'greet', step }, () => undefined, signal);
    const request = await workbench.first;
    harness.service.completeStep('window-1', { plugin: id, requestId: request.requestId, ok: false, error: 'not today' });
    await expect(result).rejects.toThrow('not today');
    expect(workbench.seen).toHaveLength(1);
    workbench.close();
  });
});
