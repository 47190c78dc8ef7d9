import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import type { PluginSession } from '../host/plugin-session';
import { closeWebview, openWebview, postToWebview, updateWebview } from '../webviews/webview-store';
import { parseArguments, webviewHandleSchema, webviewOptionsSchema } from './schemas';

/** `window.createWebviewPanel`: panels the workbench shows in sandboxed frames, keyed by plugin and handle. */
export function webviewFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'openWebview' | 'updateWebview' | 'postToWebview' | 'disposeWebview'> {
  const key = (handle: unknown): string => `${session.pluginId}/${parseArguments('WebviewPanel', webviewHandleSchema, handle)}`;
  return {
    async openWebview(handle, options) {
      const id = key(handle);
      const { title, html } = parseArguments('window.createWebviewPanel', webviewOptionsSchema, options);
      openWebview({
        id,
        plugin: session.pluginId,
        title,
        html,
        onMessage: (message) => void session.runtime.webviewMessage(String(handle), message),
        onClose: () => void session.runtime.webviewClosed(String(handle)),
      });
      session.track({ dispose: () => closeWebview(id, { notify: false }) });
    },
    async updateWebview(handle, options) {
      updateWebview(key(handle), parseArguments('WebviewPanel', webviewOptionsSchema.partial(), options));
    },
    async postToWebview(handle, message) {
      return postToWebview(key(handle), message);
    },
    async disposeWebview(handle) {
      closeWebview(key(handle), { notify: false });
    },
  };
}
