import { createAiTools } from './ai-tools';
import { createCommands } from './commands';
import type { RuntimeContext } from './context';
import { createDocuments } from './documents';
import { createEditor } from './editor';
import { Disposable, EventEmitter } from './events';
import { deepFreeze } from './freeze';
import { createLanguages } from './languages';
import { createPipelineSteps } from './pipeline-steps';
import type { PluginInit } from './protocol';
import { createAi, createClipboard, createNetwork, createProcess, createStorage } from './services';
import { createTerminals } from './terminals';
import { createTreeViews } from './tree-views';
import { createWebviews } from './webviews';
import { createWindow } from './window';
import { createConfiguration, createWorkspace, WorkspaceEdit } from './workspace';

/**
 * Builds the `lathe` object a plugin requires (see lathe.d.ts), frozen through and through, and
 * the hooks through which the workbench's events reach its parts.
 */
export function createApi(context: RuntimeContext, init: PluginInit) {
  const documents = createDocuments(init.documents);
  const configuration = createConfiguration(init.configuration);
  const commands = createCommands(context);
  const trees = createTreeViews(context);
  const webviews = createWebviews(context);
  const workspace = createWorkspace(context, { name: init.workspaceName, documents, configuration });
  const editor = createEditor(context, documents, init.activeEditor);
  const terminals = createTerminals(context);
  const aiTools = createAiTools(context);
  const pipelineSteps = createPipelineSteps(context);

  const api = deepFreeze({
    version: init.apiVersion,
    Disposable,
    EventEmitter,
    WorkspaceEdit,
    commands: commands.api,
    window: createWindow(context, trees, webviews),
    workspace: workspace.api,
    editor: editor.api,
    terminals: terminals.api,
    languages: createLanguages(context),
    ai: { ...createAi(context), registerTool: aiTools.registerTool },
    storage: createStorage(context),
    process: createProcess(context),
    network: createNetwork(context),
    clipboard: createClipboard(context),
    pipelines: { registerStepKind: pipelineSteps.registerStepKind },
  });

  return { api, commands, trees, webviews, documents, configuration, workspace, editor, terminals, aiTools, pipelineSteps };
}

export type Api = ReturnType<typeof createApi>;
