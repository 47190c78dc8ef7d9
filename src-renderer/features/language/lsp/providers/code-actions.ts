import type { languages } from 'monaco-editor';
import type { Disposable, WorkspaceEdit } from '../../../../../src-shared/contract';
import { host } from '../../../../platform/host';
import { errorMessage } from '../../../../platform/errors';
import { notify } from '../../../notifications';
import { pathOfModel, type Monaco } from '../../../editor';
import { fromMonacoRange } from '../../monaco-convert';
import { problemsOf, useProblemsStore } from '../../problems/problems-store';
import { applyWorkspaceEdit } from '../../workspace-edit';
import { askHost } from './ask-host';
import { whenOffered, type ProviderSpec } from './provider-spec';

const applyEditCommand = 'lathe.applyWorkspaceEdit';
const applyServerActionCommand = 'lathe.applyCodeAction';

async function applyReporting(edit: () => Promise<WorkspaceEdit>): Promise<void> {
  try {
    await applyWorkspaceEdit(await edit());
  } catch (error) {
    notify({ severity: 'error', message: `Could not apply the change: ${errorMessage(error)}` });
  }
}

/** The commands code actions and lenses run: Monaco executes them with the arguments the actions carry. */
export function registerEditCommands(monaco: Monaco): Disposable[] {
  return [
    monaco.editor.registerCommand(applyEditCommand, (_accessor, edit: WorkspaceEdit) => void applyReporting(async () => edit)),
    monaco.editor.registerCommand(applyServerActionCommand, (_accessor, path: string, id: number) =>
      void applyReporting(() => host().language.applyCodeAction({ path, id })),
    ),
  ];
}

export const codeActions: ProviderSpec = {
  offered: whenOffered((features) => features.codeActions),
  register: (monaco, languageId) =>
    monaco.languages.registerCodeActionProvider(languageId, {
      async provideCodeActions(model, range, context) {
        const only = context.only;
        const actions = await askHost(model, (path) => host().language.codeActions({ path, range: fromMonacoRange(range), ...(only ? { only } : {}) }));
        if (!actions) return undefined;
        const path = pathOfModel(model);
        return {
          actions: actions.map(
            (action): languages.CodeAction => ({
              title: action.title,
              isPreferred: action.preferred,
              ...(action.kind ? { kind: action.kind } : {}),
              ...(action.disabledReason ? { disabled: action.disabledReason } : {}),
              diagnostics: context.markers.filter((marker) => action.fixes.includes(marker.message)),
              command: { id: applyServerActionCommand, title: action.title, arguments: [path, action.id] },
            }),
          ),
          dispose: () => undefined,
        };
      },
    }),
};

/**
 * Quick fixes a source of problems carries with its diagnostics (rustc's suggestions from cargo), for
 * every language, with or without a language server.
 */
export function registerDiagnosticFixes(monaco: Monaco): Disposable {
  return monaco.languages.registerCodeActionProvider(
    '*',
    {
      provideCodeActions(model, range) {
        const path = pathOfModel(model);
        if (!path) return undefined;
        const wanted = fromMonacoRange(range);
        const actions = problemsOf(useProblemsStore.getState().bySource, path).flatMap(({ diagnostic }) => {
          const { start, end } = diagnostic.range;
          const touches = !(end.line < wanted.start.line || start.line > wanted.end.line);
          return touches
            ? (diagnostic.fixes ?? []).map(
                (fix, index): languages.CodeAction => ({
                  title: fix.title,
                  kind: 'quickfix',
                  isPreferred: index === 0,
                  command: { id: applyEditCommand, title: fix.title, arguments: [fix.edit] },
                }),
              )
            : [];
        });
        return { actions, dispose: () => undefined };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}
