import { pluginStepValuesSchema, type Disposable, type PluginStepAnswer, type PluginStepRequest } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import type { PluginSession } from './host/plugin-session';
import { activatePlugin } from './plugin-host';
import { logToPluginOutput } from './plugin-output';
import { usePluginsStore } from './store';

/** The steps main asked this workbench to run, by request id; `session` once the plugin runs. */
const steps = new Map<string, { session?: PluginSession }>();

/** The longest error text main takes for a failed step. */
const maxErrorChars = 10_000;

/** Serves the pipeline steps main asks plugins to run, while the workbench runs plugins. */
export function servePipelineSteps(): Disposable {
  return host().plugins.stepRequests(undefined, {
    next: (request) => (request.kind === 'run' ? void runStep(request) : cancelStep(request.requestId)),
  });
}

/** Starts the plugin when it is not running (as a command would), runs the step, answers main. */
async function runStep({ requestId, plugin, stepKind, step }: Extract<PluginStepRequest, { kind: 'run' }>): Promise<void> {
  const entry: { session?: PluginSession } = {};
  steps.set(requestId, entry);
  let answer: Omit<PluginStepAnswer, 'plugin' | 'requestId'>;
  try {
    const session = await activatePlugin(plugin, `pipeline step ${stepKind}`);
    if (!session) throw new Error(`The plugin ${plugin} is not running${notRunningReason(plugin)}`);
    // Cancelled while the plugin started: the step never runs.
    if (steps.get(requestId) !== entry) return;
    entry.session = session;
    const { outputs } = await session.runtime.runPipelineStep(stepKind, step, requestId);
    const checked = pluginStepValuesSchema.safeParse(outputs);
    answer = checked.success ? { ok: true, outputs: checked.data } : { ok: false, error: 'The step\'s outputs must be names to strings, each at most 1 MB' };
  } catch (error) {
    answer = { ok: false, error: errorMessage(error).slice(0, maxErrorChars) };
  }
  // A step main gave up on (cancelled, timed out) has no one waiting for its answer.
  if (steps.get(requestId) !== entry) return;
  steps.delete(requestId);
  await host()
    .plugins.completeStep({ plugin, requestId, ...answer })
    .catch((error: unknown) => logToPluginOutput(plugin, 'warn', `The answer to a pipeline step was refused: ${errorMessage(error)}`));
}

function cancelStep(requestId: string): void {
  const session = steps.get(requestId)?.session;
  steps.delete(requestId);
  if (session && !session.isClosed) void Promise.resolve(session.runtime.cancelPipelineStep(requestId)).catch(() => undefined);
}

function notRunningReason(plugin: string): string {
  const detail = usePluginsStore.getState().run[plugin]?.detail;
  return detail ? `: ${detail}` : '';
}
