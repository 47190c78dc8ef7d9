import { cancellationSource, type CancellationSource, type CancellationToken } from './cancellation';
import type { RuntimeContext } from './context';
import { Disposable } from './events';
import type { PipelineStepData } from './protocol';

type StepHandler = (step: PipelineStepData, log: { write(line: string): void }, token: CancellationToken) => unknown;

/** As `uses: plugin:<publisher>.<name>/<kind>` may name it. */
const kindPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A handler's result as step outputs: each value a string (others converted), nothing else accepted. */
function stepOutputs(result: unknown): Record<string, string> {
  if (result === undefined || result === null) return {};
  const outputs = (result as { outputs?: unknown }).outputs;
  if (outputs === undefined) return {};
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) throw new Error('The step\'s outputs must be an object of strings');
  return Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, typeof value === 'string' ? value : String(value)]));
}

/** `lathe.pipelines.registerStepKind`, and the pipeline steps the workbench runs in this plugin. */
export function createPipelineSteps(context: RuntimeContext) {
  const handlers = new Map<string, StepHandler>();
  const running = new Map<string, CancellationSource>();
  return {
    registerStepKind(kind: string, handler: StepHandler): Disposable {
      const name = String(kind);
      if (!kindPattern.test(name)) throw new Error(`The step kind "${name.slice(0, 100)}" may have only letters, digits, "_" and "-" (at most 64)`);
      if (handlers.has(name)) throw new Error(`The step kind ${name} is already registered`);
      handlers.set(name, handler);
      return new Disposable(() => {
        if (handlers.get(name) === handler) handlers.delete(name);
      });
    },
    async run(kind: string, step: PipelineStepData, requestId: string): Promise<{ outputs: Record<string, string> }> {
      const handler = handlers.get(kind);
      if (!handler) throw new Error(`The plugin ${context.pluginId} has not registered the step kind ${kind}`);
      const source = cancellationSource();
      running.set(requestId, source);
      const log = Object.freeze({ write: (line: string) => void context.workbench.pipelineStepLog(requestId, String(line)) });
      try {
        return { outputs: stepOutputs(await handler(Object.freeze({ ...step }), log, source.token)) };
      } finally {
        running.delete(requestId);
      }
    },
    cancel(requestId: string): void {
      running.get(requestId)?.cancel();
    },
  };
}
