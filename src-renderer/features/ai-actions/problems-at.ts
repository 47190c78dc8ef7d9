import type { editor } from 'monaco-editor';
import type { Diagnostic, DiagnosticSeverity } from '../../../src-shared/contract';
import type { Monaco } from '../editor';
import { useProblemsStore, type Problem } from '../language';

function sameSpot(marker: editor.IMarkerData, diagnostic: Diagnostic): boolean {
  const { start, end } = diagnostic.range;
  return (
    marker.message === diagnostic.message &&
    marker.startLineNumber === start.line &&
    marker.startColumn === start.column &&
    marker.endLineNumber === end.line &&
    marker.endColumn === end.column
  );
}

/** A marker Monaco's own language services set (not from the Problems registry), as a problem. */
function editorProblem(monaco: Monaco, path: string, marker: editor.IMarkerData): Problem {
  const severities: [number, DiagnosticSeverity][] = [
    [monaco.MarkerSeverity.Error, 'error'],
    [monaco.MarkerSeverity.Warning, 'warning'],
    [monaco.MarkerSeverity.Info, 'info'],
  ];
  const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
  return {
    source: marker.source ?? 'editor',
    path,
    diagnostic: {
      range: { start: { line: marker.startLineNumber, column: marker.startColumn }, end: { line: marker.endLineNumber, column: marker.endColumn } },
      severity: severities.find(([severity]) => severity === marker.severity)?.[1] ?? 'hint',
      message: marker.message,
      ...(marker.source ? { source: marker.source } : {}),
      ...(code ? { code } : {}),
    },
  };
}

/** The problems behind a file's markers: the registry's own entry (its source and diagnostic) where there is one. */
export function problemsOfMarkers(monaco: Monaco, path: string, markers: readonly editor.IMarkerData[]): Problem[] {
  const { bySource } = useProblemsStore.getState();
  return markers.map((marker) => {
    for (const [source, files] of Object.entries(bySource)) {
      const diagnostic = files[path]?.find((candidate) => sameSpot(marker, candidate));
      if (diagnostic) return { source, path, diagnostic };
    }
    return editorProblem(monaco, path, marker);
  });
}
