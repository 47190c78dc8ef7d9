import { z } from 'zod';
import { LatheError, type Disposable } from '../../../../src-shared/contract';
import type { AiToolData, WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { toolNameProblem } from '../ai-tool-names';
import type { PluginSession } from '../host/plugin-session';
import { setAiTool } from '../plugin-ai-tools';
import { parseArguments } from './schemas';

const aiToolDataSchema = z.object({
  name: z.string().min(1).max(64),
  description: z.string().max(4000),
  parameters: z.record(z.string(), z.unknown()).refine((schema) => JSON.stringify(schema).length <= 64 * 1024, 'parameters may be at most 64 KiB as JSON'),
}) satisfies z.ZodType<AiToolData>;

/** `ai.registerTool`: a plugin granted `ai` offers tools to the chat's model, under names namespaced by its id. */
export function aiToolFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'registerAiTool' | 'unregisterAiTool'> {
  const registrations = new Map<string, Disposable>();
  return {
    async registerAiTool(tool) {
      const data = parseArguments('ai.registerTool', aiToolDataSchema, tool);
      // The tool's calls reach the model through the user's providers, as `ai.chat` does.
      if (!session.info.grantedPermissions.flags.includes('ai')) {
        throw new LatheError('PERMISSION_DENIED', `${session.pluginId} was not granted the "ai" permission, which AI tools need`).toData();
      }
      const problem = toolNameProblem(session.pluginId, data.name);
      if (problem) throw new Error(problem);
      if (registrations.has(data.name)) throw new Error(`The AI tool ${data.name} is already registered`);
      const registration = setAiTool(session, data);
      registrations.set(data.name, registration);
      session.track(registration);
    },
    async unregisterAiTool(name) {
      const toolName = parseArguments('ai.registerTool', z.string().max(64), name);
      registrations.get(toolName)?.dispose();
      registrations.delete(toolName);
    },
  };
}
