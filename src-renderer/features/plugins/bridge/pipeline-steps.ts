import { z } from 'zod';
import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { host } from '../../../platform/host';
import type { PluginSession } from '../host/plugin-session';
import { parseArguments } from './schemas';

/** The longest log line main takes; a longer one is cut. */
const maxLineChars = 64 * 1024;

/** `log.write` of a running pipeline step, forwarded as this plugin's: main takes it only for a step it asked this plugin to run. */
export function pipelineStepFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'pipelineStepLog'> {
  return {
    pipelineStepLog(requestId, line) {
      const id = parseArguments('pipelines.registerStepKind', z.string().max(100), requestId);
      const text = parseArguments('pipelines.registerStepKind', z.string(), line).slice(0, maxLineChars);
      void host()
        .plugins.stepLog({ plugin: session.pluginId, requestId: id, line: text })
        .catch(() => undefined);
    },
  };
}
