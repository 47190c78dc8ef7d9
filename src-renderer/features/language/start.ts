import type { Disposable } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { loadMonaco, openFileAt, pathOfModel } from '../editor';
import { checkOnSave } from './cargo/check-on-save';
import { registerRunLenses } from './cargo/run-lenses';
import { yieldBuiltInTypeScript } from './lsp/builtin-typescript';
import { followDocuments } from './lsp/document-sync';
import { formatOnSave } from './lsp/format-on-save';
import { followServerFeatures } from './lsp/language-providers';
import { registerDiagnosticFixes, registerEditCommands } from './lsp/providers/code-actions';
import { renameSymbol } from './lsp/rename';
import { coveredLanguages, followServerStatus, useServerStatus } from './lsp/server-status';
import { followProblemsWithMarkers } from './problems/markers';
import { setProblems } from './problems/problems-store';
import { followSettingsProblems } from './problems/settings-problems';

/**
 * Language intelligence in the workbench: problems and squiggles, the host's language servers behind
 * Monaco's providers, files kept in step with them, and cargo's lenses and checks. Runs once connected,
 * and is done before the first editor opens: whether Monaco's own TypeScript service runs is decided here.
 */
export async function startLanguageFeatures(): Promise<Disposable> {
  const monaco = await loadMonaco();
  const servers = await followServerStatus();
  yieldBuiltInTypeScript(monaco, coveredLanguages(useServerStatus.getState().servers));
  const subscriptions: Disposable[] = [
    followProblemsWithMarkers(monaco),
    followSettingsProblems(),
    host().language.onDidPublishDiagnostics(({ server, path, diagnostics }) => setProblems(server, path, diagnostics)),
    servers,
    followDocuments(monaco),
    followServerFeatures(monaco),
    ...registerEditCommands(monaco),
    registerDiagnosticFixes(monaco),
    ...registerRunLenses(monaco),
    formatOnSave(),
    checkOnSave(),
    // Going to a definition or reference in another file opens it in the workbench's editor.
    monaco.editor.registerEditorOpener({
      openCodeEditor(_source, resource, selectionOrPosition) {
        const model = monaco.editor.getModel(resource);
        const path = model ? pathOfModel(model) : undefined;
        if (!path) return false;
        const position = !selectionOrPosition
          ? { line: 1, column: 1 }
          : 'lineNumber' in selectionOrPosition
            ? { line: selectionOrPosition.lineNumber, column: selectionOrPosition.column }
            : { line: selectionOrPosition.startLineNumber, column: selectionOrPosition.startColumn };
        void openFileAt(path, position.line, position.column);
        return true;
      },
    }),
    monaco.editor.addEditorAction({
      id: 'lathe.renameSymbol',
      label: 'Rename Symbol',
      keybindings: [monaco.KeyCode.F2],
      contextMenuGroupId: '1_modification',
      contextMenuOrder: 1.1,
      run: () => renameSymbol(monaco),
    }),
  ];
  return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
}
