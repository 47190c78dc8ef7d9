import type { Range, editor, languages } from 'monaco-editor';
import type { Disposable, DocumentSymbol } from '../../../src-shared/contract';
import { commandLabel, getCommand, runCommand } from '../../app/commands';
import { errorMessage } from '../../platform/errors';
import { pathOfModel, type Monaco } from '../editor';
import type { Problem } from '../language';
import { notify } from '../notifications';
import type { CursorCode } from './cursor-code';
import { selectedLines } from './editor-target';
import { explainCode } from './explain';
import { fixWithAi } from './fix-problem';
import { generateDocs } from './generate-docs';
import { generateTests } from './generate-tests';
import { problemsOfMarkers } from './problems-at';
import { reviewLines } from './review';
import { declarationAt, documentSymbols, functionAt, symbolLines } from './symbols';

const fixCommand = 'lathe.ai.fixProblemAt';
const codeCommand = 'lathe.ai.actOnCode';
/** The AI actions that are not fixes, kept apart from the language server's refactorings in the lightbulb's menu. */
const aiKind = 'refactor.ai';
const longestHeadline = 60;

type CodeAct = 'explain' | 'review' | 'document' | 'test';

const acts: Record<CodeAct, { title: string; run(code: CursorCode): void | Promise<void> }> = {
  explain: { title: 'Explain with AI', run: (code) => explainCode(code.region) },
  review: { title: 'Review selection', run: (code) => reviewLines(code.region) },
  document: { title: 'Generate documentation', run: generateDocs },
  test: { title: 'Generate tests', run: generateTests },
};

/** Runs a code action's work; a failure becomes a toast, as a palette command's would. */
function reporting(title: string, run: () => void | Promise<void>): void {
  Promise.resolve()
    .then(run)
    .catch((error: unknown) => notify({ severity: 'error', message: `${title}: ${errorMessage(error)}` }));
}

function codeAction(act: CodeAct, code: CursorCode): languages.CodeAction {
  const { title } = acts[act];
  return { title, kind: aiKind, isAI: true, command: { id: codeCommand, title, arguments: [act, code] } };
}

function fixAction(problem: Problem, marker: editor.IMarkerData, alone: boolean): languages.CodeAction {
  const [headline = ''] = problem.diagnostic.message.split('\n');
  const short = headline.length > longestHeadline ? `${headline.slice(0, longestHeadline - 1)}…` : headline;
  const title = alone ? 'Fix with AI' : `Fix with AI: ${short}`;
  return { title, kind: 'quickfix', isAI: true, diagnostics: [marker], command: { id: fixCommand, title, arguments: [problem] } };
}

/** The symbol whose declaration starts on the line (its name is there), found by `pick`. */
function declaredOn(symbols: readonly DocumentSymbol[], line: number, pick: typeof declarationAt): DocumentSymbol | undefined {
  const symbol = pick(symbols, line);
  return symbol?.selectionRange.start.line === line ? symbol : undefined;
}

/** Explain, review, document and test a selection; explain, document and test the declaration the cursor is on. */
async function codeActions(model: editor.ITextModel, path: string, range: Range): Promise<languages.CodeAction[]> {
  const selected = selectedLines(range);
  if (selected) return (['explain', 'review', 'document', 'test'] as const).map((act) => codeAction(act, { region: selected, name: undefined }));
  const symbols = await documentSymbols(model, path);
  const declaration = declaredOn(symbols, range.startLineNumber, declarationAt);
  const fn = declaredOn(symbols, range.startLineNumber, functionAt);
  const about = (symbol: DocumentSymbol): CursorCode => ({ region: symbolLines(symbol), name: symbol.name });
  return [
    ...(declaration ? [codeAction('explain', about(declaration)), codeAction('document', about(declaration))] : []),
    ...(fn ? [codeAction('test', about(fn))] : []),
  ];
}

/** The lightbulb's AI actions for every language: Fix with AI on problems, and the code actions above. */
function registerCodeActions(monaco: Monaco): Disposable {
  return monaco.languages.registerCodeActionProvider(
    '*',
    {
      async provideCodeActions(model, range, context) {
        const path = pathOfModel(model);
        if (!path) return undefined;
        // Hints (an unused name drawn faded) are not worth a request.
        const markers = context.markers.filter((marker) => marker.severity !== monaco.MarkerSeverity.Hint);
        const problems = problemsOfMarkers(monaco, path, markers);
        const fixes = markers.flatMap((marker, index) => {
          const problem = problems[index];
          return problem ? [fixAction(problem, marker, markers.length === 1)] : [];
        });
        const wantsCode = !context.only || aiKind === context.only || aiKind.startsWith(`${context.only}.`);
        return { actions: [...fixes, ...(wantsCode ? await codeActions(model, path, range) : [])], dispose: () => undefined };
      },
    },
    { providedCodeActionKinds: ['quickfix', aiKind] },
  );
}

/** Palette commands the editor's context menu offers, in this order. */
const contextMenuCommands = ['lathe.ai.explain', 'lathe.ai.reviewSelection', 'lathe.ai.reviewFile', 'lathe.ai.generateDocs', 'lathe.ai.generateTests', 'lathe.ai.generateCode'];

function registerContextMenu(monaco: Monaco): Disposable[] {
  return contextMenuCommands.flatMap((id, index) => {
    const command = getCommand(id);
    if (!command) return [];
    return [
      monaco.editor.addEditorAction({
        id,
        label: commandLabel(command),
        contextMenuGroupId: '1_ai',
        contextMenuOrder: index + 1,
        ...(id === 'lathe.ai.reviewSelection' ? { precondition: 'editorHasSelection' } : {}),
        run: () => runCommand(id),
      }),
    ];
  });
}

/** The AI actions in Monaco: the lightbulb's and Ctrl/Cmd+. actions, and the editor's context menu. */
export function registerAiEditorActions(monaco: Monaco): Disposable[] {
  return [
    monaco.editor.registerCommand(fixCommand, (_accessor, problem: Problem) => reporting('Fix with AI', () => fixWithAi(problem))),
    monaco.editor.registerCommand(codeCommand, (_accessor, act: CodeAct, code: CursorCode) => reporting(acts[act].title, () => acts[act].run(code))),
    registerCodeActions(monaco),
    ...registerContextMenu(monaco),
  ];
}
