import { pipelineStepKindSchema, type PluginStep } from '../../../../src-shared/contract';
import { pluginIdSchema } from '../../../../src-shared/plugins/manifest';
import type { StepOutput } from '../logs/step-output';

/** Runs a step in the plugin that contributes its kind (the plugins service, through the workbench that hosts plugins). */
export interface PluginStepRunner {
  run(request: { plugin: string; kind: string; step: PluginStep }, log: (line: string) => void, signal: AbortSignal): Promise<{ outputs: Record<string, string> }>;
}

/** A step kind a plugin contributes, as `uses: plugin:<publisher>.<name>/<kind>` names it. */
export interface PluginStepTarget {
  plugin: string;
  kind: string;
}

/** How long a plugin step may run when it sets no `timeout-minutes`. */
export const defaultPluginStepTimeoutMs = 10 * 60_000;

export function isPluginReference(reference: string): boolean {
  return reference.startsWith('plugin:');
}

/** The plugin and kind of a `plugin:` reference; undefined when it is not written as one. */
export function parsePluginReference(reference: string): PluginStepTarget | undefined {
  const match = /^plugin:([^/]*)\/(.*)$/s.exec(reference);
  const plugin = pluginIdSchema.safeParse(match?.[1]);
  const kind = pipelineStepKindSchema.safeParse(match?.[2]);
  return plugin.success && kind.success ? { plugin: plugin.data, kind: kind.data } : undefined;
}

/** Runs the step in its plugin: the plugin's log lines are the step's output, its outputs the step's. */
export async function runPluginStep(
  runner: PluginStepRunner | undefined,
  target: PluginStepTarget,
  step: PluginStep,
  output: StepOutput,
  signal: AbortSignal,
  outputs: Record<string, string>,
): Promise<{ exitCode: number }> {
  if (!runner) throw new Error('Plugin steps cannot run here: Lathe has no plugins in this mode');
  output.info(`Run ${target.kind} of the plugin ${target.plugin}`);
  const result = await runner.run({ ...target, step }, (line) => output.write('stdout', Buffer.from(`${line}\n`)), signal);
  Object.assign(outputs, result.outputs);
  return { exitCode: 0 };
}
