import { z } from 'zod';
import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import type { PluginSession } from '../host/plugin-session';
import { aiToolFunctions } from './ai-tools';
import { commandFunctions } from './commands';
import { decorationFunctions } from './decorations';
import { diagnosticFunctions } from './diagnostics';
import { messageFunctions } from './messages';
import { pipelineStepFunctions } from './pipeline-steps';
import { parseArguments } from './schemas';
import type { PluginHostServices } from './services';
import { terminalFunctions } from './terminals';
import { viewFunctions } from './views';
import { webviewFunctions } from './webviews';
import { workspaceFunctions } from './workspace';

const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

/** Everything the workbench serves one plugin session, each call checked and bound to the session's plugin. */
export function workbenchFunctions(session: PluginSession, services: PluginHostServices): WorkbenchFunctions {
  const terminals = terminalFunctions(session);
  const functions: WorkbenchFunctions = {
    heartbeat: () => session.beat(),
    log: (level, text) => services.log(session.pluginId, parseArguments('console', logLevelSchema, level), parseArguments('console', z.string().max(64 * 1024), text)),
    ...workspaceFunctions(session, terminals.created),
    ...commandFunctions(session, services),
    ...messageFunctions(session.info.manifest.displayName ?? session.info.manifest.name),
    ...viewFunctions(session),
    ...webviewFunctions(session),
    ...diagnosticFunctions(session),
    ...decorationFunctions(session),
    ...aiToolFunctions(session),
    ...pipelineStepFunctions(session),
    watchTerminal: terminals.watchTerminal,
  };
  // birpc looks functions up by the name in the message: only these own members answer.
  return Object.freeze(functions);
}
