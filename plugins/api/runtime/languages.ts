import { report, type RuntimeContext } from './context';
import { Disposable } from './events';
import type { DiagnosticData, DiagnosticSeverityName } from './protocol';

const severities = new Set<DiagnosticSeverityName>(['error', 'warning', 'info', 'hint']);

function diagnosticData(diagnostic: DiagnosticData): DiagnosticData {
  const { range } = diagnostic;
  return {
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    message: String(diagnostic.message),
    severity: severities.has(diagnostic.severity) ? diagnostic.severity : 'error',
    ...(diagnostic.code === undefined ? {} : { code: String(diagnostic.code) }),
  };
}

/** `lathe.languages`. */
export function createLanguages(context: RuntimeContext) {
  return {
    createDiagnosticCollection(name?: string) {
      const collection = name === undefined ? context.pluginId : String(name);
      const disposable = new Disposable(() => report(context.workbench.clearDiagnostics(collection)));
      return Object.freeze({
        name: collection,
        set: (path: string, diagnostics: readonly DiagnosticData[]): void =>
          report(context.workbench.setDiagnostics(collection, String(path), diagnostics.map(diagnosticData))),
        delete: (path: string): void => report(context.workbench.setDiagnostics(collection, String(path), [])),
        clear: (): void => report(context.workbench.clearDiagnostics(collection)),
        dispose: () => disposable.dispose(),
      });
    },
  };
}
