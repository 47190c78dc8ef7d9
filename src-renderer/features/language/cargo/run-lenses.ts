import type { Disposable, CargoPackage, CargoTarget } from '../../../../src-shared/contract';
import { currentSetting, useAppStore } from '../../../app/store';
import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { pathOfModel, type Monaco } from '../../editor';
import { notify } from '../../notifications';
import { createTerminal, quoteForShell, sendText, showTerminalView } from '../../terminal';
import { revealCargoOutput } from './cargo-output';
import { runTests } from './run-tests';
import { runnablesOf } from './runnables';

const runMainCommand = 'lathe.cargo.runMain';
const runTestCommand = 'lathe.cargo.runTest';

/** `cargo run` for a binary or example, in a new terminal in its package's folder (programs may read input). */
export async function runInTerminal(pkg: CargoPackage, target: CargoTarget): Promise<void> {
  const platform = useAppStore.getState().info?.platform ?? 'linux';
  const cargo = quoteForShell(currentSetting('cargo.path') || 'cargo', platform);
  const selector = target.kind === 'example' ? `--example ${target.name}` : `--bin ${target.name}`;
  await showTerminalView();
  const terminal = await createTerminal(pkg.root ? { cwd: pkg.root } : {});
  if (terminal) await sendText(terminal.id, `${cargo} run -p ${pkg.name} ${selector}\r`);
}

/** "Run" above `fn main` and "Run Test" above `#[test]` functions: from cargo's metadata and a scan of the file, no language server needed. */
export function registerRunLenses(monaco: Monaco): Disposable[] {
  return [
    monaco.editor.registerCommand(runMainCommand, (_accessor, pkg: CargoPackage, target: CargoTarget) =>
      void runInTerminal(pkg, target).catch((error: unknown) => notify({ severity: 'error', message: `Could not run ${target.name}: ${errorMessage(error)}` })),
    ),
    monaco.editor.registerCommand(runTestCommand, (_accessor, packageName: string, name: string) => {
      revealCargoOutput();
      void runTests({ package: packageName, name });
    }),
    monaco.languages.registerCodeLensProvider('rust', {
      async provideCodeLenses(model) {
        const path = pathOfModel(model);
        const workspace = path ? await host().cargo.workspace().catch(() => null) : null;
        if (!path || !workspace) return undefined;
        const lenses = runnablesOf(workspace, path, model.getValue()).map((runnable) => ({
          range: { startLineNumber: runnable.line, startColumn: 1, endLineNumber: runnable.line, endColumn: 1 },
          command:
            runnable.kind === 'main'
              ? { id: runMainCommand, title: '$(play) Run', arguments: [runnable.package, runnable.target] }
              : { id: runTestCommand, title: '$(play) Run Test', arguments: [runnable.package.name, runnable.testName] },
        }));
        return { lenses, dispose: () => undefined };
      },
    }),
  ];
}
