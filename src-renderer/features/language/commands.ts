import type { CargoCommand, Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { showSideBarView } from '../../app/layout/show-side-bar-view';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { activeCodeEditor, loadMonaco, showEditorPicker } from '../editor';
import { notify } from '../notifications';
import { revealCargoOutput } from './cargo/cargo-output';
import { runCargo } from './cargo/run-cargo';
import { runInTerminal } from './cargo/run-lenses';
import { refreshTests, runTests } from './cargo/run-tests';
import { renameSymbol } from './lsp/rename';
import { pickServerLog } from './lsp/server-log';
import { useServerStatus } from './lsp/server-status';
import { showWorkspaceSymbols } from './lsp/WorkspaceSymbols';
import { showProblems } from './problems/show-problems';

const cargoCommands: { command: CargoCommand; title: string }[] = [
  { command: 'check', title: 'Check' },
  { command: 'clippy', title: 'Clippy' },
  { command: 'build', title: 'Build' },
  { command: 'doc', title: 'Document' },
  { command: 'fmt', title: 'Format' },
];

function restartServer(): void {
  const servers = useServerStatus.getState().servers.filter((server) => server.state !== 'disabled');
  showEditorPicker({
    placeholder: 'Restart a language server',
    items: servers.map((server) => ({ id: server.id, label: server.name, description: server.state })),
    emptyText: 'No language servers are configured',
    onPick: (item) =>
      void host()
        .language.restartServer({ server: item.id })
        .catch((error: unknown) => notify({ severity: 'error', message: `Could not restart ${item.label}: ${errorMessage(error)}` })),
  });
}

/** Cargo: Run…: picks one of the workspace's binaries and examples, and runs it in a terminal. */
async function pickAndRun(): Promise<void> {
  const workspace = await host().cargo.workspace();
  if (!workspace) {
    notify({ severity: 'info', message: 'The open folder has no Cargo.toml.' });
    return;
  }
  const runnable = workspace.packages.flatMap((pkg) => pkg.targets.filter((target) => target.kind === 'bin' || target.kind === 'example').map((target) => ({ pkg, target })));
  showEditorPicker({
    placeholder: 'Run a binary or example with cargo run',
    items: runnable.map(({ pkg, target }, index) => ({ id: String(index), label: target.name, description: `${target.kind} · ${pkg.name}` })),
    emptyText: 'This workspace has no binaries or examples',
    onPick: (item) => {
      const choice = runnable[Number(item.id)];
      if (choice) void runInTerminal(choice.pkg, choice.target);
    },
  });
}

export function registerLanguageCommands(): Disposable[] {
  return [
    registerCommand({ id: 'workbench.actions.view.problems', category: 'View', title: 'Focus Problems', keybinding: 'mod+shift+m', run: showProblems }),
    registerCommand({ id: 'workbench.action.showAllSymbols', category: 'Go', title: 'Go to Symbol in Workspace…', keybinding: 'mod+t', run: showWorkspaceSymbols }),
    // F2 in the editor runs the same through Monaco's keybinding (see start.ts).
    registerCommand({ id: 'editor.action.rename', category: 'Editor', title: 'Rename Symbol', run: () => loadMonaco().then(renameSymbol) }),
    registerCommand({
      id: 'editor.action.formatDocument',
      category: 'Editor',
      title: 'Format Document',
      run: async () => {
        await activeCodeEditor()?.editor.getAction('editor.action.formatDocument')?.run();
      },
    }),
    registerCommand({ id: 'lathe.language.restartServer', category: 'Language', title: 'Restart Language Server', run: restartServer }),
    registerCommand({ id: 'lathe.language.showServerLog', category: 'Language', title: 'Show Language Server Log…', run: pickServerLog }),
    ...cargoCommands.map(({ command, title }) =>
      registerCommand({ id: `lathe.cargo.${command}`, category: 'Cargo', title, run: () => runCargo(command, { reveal: true }).then(() => undefined) }),
    ),
    registerCommand({
      id: 'lathe.cargo.test',
      category: 'Cargo',
      title: 'Test',
      run: async () => {
        revealCargoOutput();
        await runTests({});
      },
    }),
    registerCommand({ id: 'lathe.cargo.run', category: 'Cargo', title: 'Run…', run: pickAndRun }),
    registerCommand({ id: 'outline.focus', category: 'View', title: 'Focus on Outline View', run: () => showSideBarView('outline') }),
    registerCommand({
      id: 'workbench.view.testing',
      category: 'Testing',
      title: 'Focus on Test View',
      run: async () => {
        await showSideBarView('tests');
        await refreshTests();
      },
    }),
  ];
}
