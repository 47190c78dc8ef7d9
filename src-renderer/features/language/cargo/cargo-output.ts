import type { CargoFileDiagnostics } from '../../../../src-shared/contract';
import { appendOutput, selectOutputChannel } from '../../panel';
import { replaceProblems } from '../problems/problems-store';
import { showPanelView } from '../problems/show-problems';

const channel = { id: 'cargo', label: 'Cargo' };

/**
 * Cargo's problems: builds and lints (check, clippy, build, doc) form one source, each run replacing
 * the last; test builds another, with their errors only (their warnings are the lints' to report).
 */
export const cargoProblemSources = { build: 'cargo', tests: 'cargo test' } as const;

export function cargoOutput(text: string): void {
  appendOutput(channel.id, channel.label, text);
}

export function revealCargoOutput(): void {
  selectOutputChannel(channel.id);
  showPanelView('output');
}

/** Collects a run's diagnostics and publishes them together at its end, so squiggles do not flicker on every build. */
export class CargoProblems {
  private readonly files: CargoFileDiagnostics[] = [];

  constructor(private readonly kind: keyof typeof cargoProblemSources) {}

  add(files: readonly CargoFileDiagnostics[]): void {
    for (const file of files) {
      const diagnostics = this.kind === 'tests' ? file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : file.diagnostics;
      if (diagnostics.length > 0) this.files.push({ path: file.path, diagnostics });
    }
  }

  publish(): void {
    replaceProblems(cargoProblemSources[this.kind], this.files);
  }
}
