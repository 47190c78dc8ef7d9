/**
 * The plugin runtime: the first part of every plugin worker's script. The workbench appends the
 * plugin's code as `latheDefinePlugin(function (exports, module, require) { … })`; the runtime
 * waits for the port the frame hands over, then serves the workbench's calls: evaluate the
 * module, activate, run commands, AI tools and pipeline steps, answer views, deliver events. A
 * timer sends the heartbeat: a plugin that blocks the worker stops it, and the workbench restarts
 * the plugin.
 */
import { connectToWorkbench } from './connection';
import { forwardConsole } from './console';
import { createApi, type Api } from './create-api';
import { evaluatePluginModule, type PluginExports, type PluginFactory } from './module-loader';
import { heartbeatIntervalMs, type RuntimeFunctions } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope & { latheDefinePlugin?: (factory: PluginFactory) => void };

let factory: PluginFactory | undefined;
Object.defineProperty(scope, 'latheDefinePlugin', {
  configurable: true,
  value: (definition: PluginFactory) => {
    factory ??= definition;
    delete scope.latheDefinePlugin;
  },
});

scope.addEventListener('message', function takePort(event: MessageEvent) {
  const port = event.ports[0];
  if (!port) return;
  scope.removeEventListener('message', takePort);
  serve(port);
});

function serve(port: MessagePort): void {
  let api: Api | undefined;
  let pluginId = '';
  let exports: PluginExports = {};
  const subscriptions: { dispose(): unknown }[] = [];
  const started = (): Api => {
    if (!api) throw new Error('The plugin has not been started');
    return api;
  };

  const functions: RuntimeFunctions = {
    async start(init) {
      if (api) throw new Error('The plugin was already started');
      if (!factory) throw new Error('The plugin script defined no module');
      pluginId = init.id;
      api = createApi({ pluginId, workbench }, init);
      exports = evaluatePluginModule(factory, api.api);
    },
    async activate() {
      started();
      await exports.activate?.(Object.freeze({ pluginId, subscriptions }));
    },
    async deactivate() {
      try {
        await exports.deactivate?.();
      } finally {
        for (const subscription of subscriptions.splice(0).reverse()) {
          try {
            subscription.dispose();
          } catch (error) {
            console.error('A subscription failed to dispose:', error);
          }
        }
      }
    },
    runCommand: (id, args) => started().commands.run(id, args),
    treeChildren: (viewId, parent) => started().trees.children(viewId, parent),
    documentOpened: (document) => started().documents.open(document),
    documentChanged: (change) => started().documents.change(change),
    documentSaved: (path) => started().documents.save(path),
    documentClosed: (path) => started().documents.close(path),
    activeEditorChanged: (editor) => started().editor.update(editor),
    configurationChanged: (values) => started().configuration.update(values),
    webviewMessage: (handle, message) => started().webviews.received(handle, message),
    webviewClosed: (handle) => started().webviews.closed(handle),
    hostEvent: (event) => {
      if (event.kind === 'workspace.didChangeFiles') started().workspace.filesChanged(event.changes);
      else started().terminals.closed(event.terminalId);
    },
    terminalData: (terminalId, data) => started().terminals.data(terminalId, data),
    runAiTool: (name, args, callId) => started().aiTools.run(name, args, callId),
    cancelAiTool: (callId) => started().aiTools.cancel(callId),
    runPipelineStep: (kind, step, requestId) => started().pipelineSteps.run(kind, step, requestId),
    cancelPipelineStep: (requestId) => started().pipelineSteps.cancel(requestId),
  };

  const workbench = connectToWorkbench(port, functions);
  forwardConsole(workbench);
  // What the plugin leaves uncaught goes to its log; the frame then hears only of scripts that do not parse.
  scope.addEventListener('error', (event) => {
    event.preventDefault();
    console.error('Uncaught', event.error ?? event.message);
  });
  scope.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    console.error('Unhandled rejection', event.reason);
  });
  setInterval(() => void workbench.heartbeat(), heartbeatIntervalMs);
  void workbench.heartbeat();
}
