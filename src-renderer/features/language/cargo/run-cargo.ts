import type { CargoCommand, Disposable } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import { CargoProblems, cargoOutput, revealCargoOutput } from './cargo-output';

/** Commands whose diagnostics describe the whole workspace (fmt reports none). */
const compiles: ReadonlySet<CargoCommand> = new Set(['check', 'clippy', 'build', 'doc']);

let running: Disposable | undefined;

/**
 * Runs a cargo command on the workspace: its output in the Cargo output channel, its diagnostics in
 * Problems when it finishes. A new run cancels the one still going. Resolves to whether it succeeded.
 */
export function runCargo(command: CargoCommand, options: { reveal: boolean }): Promise<boolean> {
  running?.dispose();
  cargoOutput(`> cargo ${command}`);
  if (options.reveal) revealCargoOutput();
  const problems = new CargoProblems('build');
  return new Promise((resolve) => {
    const subscription = host().cargo.run(
      { command },
      {
        next(chunk) {
          if (chunk.kind === 'output') cargoOutput(chunk.text);
          else if (chunk.kind === 'diagnostics') problems.add(chunk.files);
          else {
            if (compiles.has(command)) problems.publish();
            cargoOutput(chunk.success ? `cargo ${command} finished.\n` : `cargo ${command} failed (exit code ${String(chunk.exitCode)}).\n`);
            resolve(chunk.success);
          }
        },
        error(error) {
          if (error.code !== 'CANCELLED') cargoOutput(`cargo ${command} could not run: ${error.message}\n`);
          resolve(false);
        },
      },
    );
    running = {
      dispose() {
        subscription.dispose();
        resolve(false);
      },
    };
  });
}
