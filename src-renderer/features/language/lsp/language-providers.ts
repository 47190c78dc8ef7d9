import type { IDisposable } from 'monaco-editor';
import type { Disposable, LanguageServerStatus } from '../../../../src-shared/contract';
import type { Monaco } from '../../editor';
import { codeActions } from './providers/code-actions';
import { completion, formatting, rangeFormatting, signatureHelp } from './providers/editing';
import { foldingRanges, hover, inlayHints, semanticTokens } from './providers/insight';
import { declaration, definition, documentHighlights, documentSymbols, implementation, references, typeDefinition } from './providers/navigation';
import type { ProviderSpec } from './providers/provider-spec';
import { serverForLanguage, useServerStatus } from './server-status';

const specs: readonly ProviderSpec[] = [
  completion,
  signatureHelp,
  formatting,
  rangeFormatting,
  hover,
  inlayHints,
  semanticTokens,
  foldingRanges,
  definition,
  declaration,
  typeDefinition,
  implementation,
  references,
  documentHighlights,
  documentSymbols,
  codeActions,
];

/**
 * Registers Monaco's providers for each language while a running server for it offers the feature,
 * and takes them away when it stops (so Monaco's own language support, or nothing, answers again).
 */
export function followServerFeatures(monaco: Monaco): Disposable {
  const registered = new Map<string, { key: string; registration: IDisposable }>();
  const sync = (servers: readonly LanguageServerStatus[]): void => {
    const languages = new Set([...servers.flatMap((server) => server.languages), ...[...registered.keys()].map((key) => key.split('\0')[0] ?? '')]);
    for (const languageId of languages) {
      const server = serverForLanguage(servers, languageId);
      specs.forEach((spec, index) => {
        const slot = `${languageId}\0${String(index)}`;
        const key = server ? spec.offered(server.features) : null;
        const current = registered.get(slot);
        if (current?.key === key) return;
        current?.registration.dispose();
        registered.delete(slot);
        if (server && key !== null) registered.set(slot, { key, registration: spec.register(monaco, languageId, server.features) });
      });
    }
  };
  sync(useServerStatus.getState().servers);
  const unsubscribe = useServerStatus.subscribe((state, previous) => {
    if (state.servers !== previous.servers) sync(state.servers);
  });
  return {
    dispose() {
      unsubscribe();
      for (const { registration } of registered.values()) registration.dispose();
      registered.clear();
    },
  };
}
