import type { Monaco } from '../../editor';

const nothing = {
  completionItems: false,
  hovers: false,
  documentSymbols: false,
  definitions: false,
  references: false,
  documentHighlights: false,
  rename: false,
  diagnostics: false,
  documentRangeFormattingEdits: false,
  signatureHelp: false,
  onTypeFormattingEdits: false,
  codeActions: false,
  inlayHints: false,
};

/**
 * Monaco has a TypeScript service of its own (one file at a time, no project). When a language server
 * will serve TypeScript or JavaScript, Monaco's is switched off so answers do not come twice. Monaco
 * reads this once, when the language is first used: it must run before the first such file opens.
 */
export function yieldBuiltInTypeScript(monaco: Monaco, served: ReadonlySet<string>): void {
  const defaults = { typescript: monaco.typescript.typescriptDefaults, javascript: monaco.typescript.javascriptDefaults };
  for (const [languageId, languageDefaults] of Object.entries(defaults)) {
    if (served.has(languageId)) languageDefaults.setModeConfiguration({ ...languageDefaults.modeConfiguration, ...nothing });
  }
}
