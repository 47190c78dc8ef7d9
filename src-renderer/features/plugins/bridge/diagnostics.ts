import { z } from 'zod';
import type { WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { clearProblems, setProblems } from '../../language';
import type { PluginSession } from '../host/plugin-session';
import { diagnosticsSchema, documentPathSchema, parseArguments } from './schemas';
import { toTextRange } from './workspace';

/**
 * `languages.createDiagnosticCollection`: each collection is a source in the Problems registry,
 * named after the plugin, so a plugin can replace only its own problems.
 */
export function diagnosticFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'setDiagnostics' | 'clearDiagnostics'> {
  const sources = new Set<string>();
  const sourceOf = (collection: unknown): string => {
    const name = parseArguments('DiagnosticCollection', z.string().min(1).max(100), collection);
    const source = name === session.pluginId ? session.pluginId : `${session.pluginId}: ${name}`;
    if (!sources.has(source)) {
      sources.add(source);
      session.track({ dispose: () => clearProblems(source) });
    }
    return source;
  };
  return {
    async setDiagnostics(collection, path, diagnostics) {
      const source = sourceOf(collection);
      const file = parseArguments('DiagnosticCollection.set', documentPathSchema, path);
      const items = parseArguments('DiagnosticCollection.set', diagnosticsSchema, diagnostics);
      setProblems(
        source,
        file,
        items.map((item) => ({ range: toTextRange(item.range), severity: item.severity, message: item.message, source: session.info.manifest.displayName ?? session.pluginId, ...(item.code === undefined ? {} : { code: item.code }) })),
      );
    },
    async clearDiagnostics(collection) {
      clearProblems(sourceOf(collection));
    },
  };
}
