import { z } from 'zod';
import { pluginMethods, type PluginMethod, type TextRange } from '../../../../src-shared/contract';
import type { Range, WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { host } from '../../../platform/host';
import { openFileAt } from '../../editor';
import { applyWorkspaceEdit } from '../../language';
import type { PluginSession } from '../host/plugin-session';
import { documentPathSchema, parseArguments, rangeSchema, workspaceEditSchema } from './schemas';

/** The API's 0-based positions as the editor's 1-based ones. */
export function toTextRange(range: Range): TextRange {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

const methodSchema = z.enum(pluginMethods as [PluginMethod, ...PluginMethod[]]);

/**
 * Sends a member main serves to the gateway under this session's plugin id (never one the
 * message names); main checks the permission. Returns the member's result.
 */
async function callGateway(session: PluginSession, method: PluginMethod, params: unknown): Promise<unknown> {
  const response = await host().plugins.call({ plugin: session.pluginId, request: { method, params } as never });
  return response.result;
}

/** The gateway, workspace edits, opening files and the clipboard. */
export function workspaceFunctions(
  session: PluginSession,
  onTerminalCreated: (terminalId: string) => void,
): Pick<WorkbenchFunctions, 'gateway' | 'applyEdit' | 'showTextDocument' | 'readClipboard' | 'writeClipboard'> {
  return {
    async gateway(method, params) {
      const member = parseArguments('the gateway', methodSchema, method);
      const result = await callGateway(session, member, params);
      if (member === 'terminal.create') onTerminalCreated((result as { terminalId: string }).terminalId);
      return result;
    },
    async applyEdit(edit) {
      const { files } = parseArguments('workspace.applyEdit', workspaceEditSchema, edit);
      if (files.length === 0) return true;
      // Main checks the permission and every path before any buffer changes.
      const { paths } = (await callGateway(session, 'workspace.checkEdit', { paths: files.map((file) => file.path) })) as { paths: string[] };
      const changed = await applyWorkspaceEdit({
        files: files.map((file, index) => ({ path: paths[index] ?? file.path, edits: file.edits.map((textEdit) => ({ range: toTextRange(textEdit.range), newText: textEdit.newText })) })),
      });
      return changed === files.filter((file) => file.edits.length > 0).length;
    },
    async showTextDocument(path, selection) {
      const file = parseArguments('window.showTextDocument', documentPathSchema, path);
      const range = selection === null ? null : parseArguments('window.showTextDocument', rangeSchema, selection);
      // Main checks the permission and the path: the plugin will see the document's text.
      await callGateway(session, 'workspace.stat', { path: file });
      await openFileAt(file, (range?.start.line ?? 0) + 1, (range?.start.character ?? 0) + 1);
    },
    async readClipboard() {
      await callGateway(session, 'clipboard.check', { access: 'read' });
      return navigator.clipboard.readText();
    },
    async writeClipboard(text) {
      const value = parseArguments('clipboard.writeText', z.string().max(16 * 1024 * 1024), text);
      await callGateway(session, 'clipboard.check', { access: 'write' });
      await navigator.clipboard.writeText(value);
    },
  };
}
