import type { LanguageServerSetting, SettingsValues } from '../../../src-shared/contract';

/** A server as the manager runs it: a preset, changed by settings, or one the user added. */
export interface ServerDefinition {
  id: string;
  name: string;
  /** An absolute path, or a name looked up on the PATH. */
  command: string;
  args: string[];
  languages: string[];
  filePatterns: string[];
  initializationOptions: Record<string, unknown> | undefined;
  /** Answers to `workspace/configuration`, by section. */
  settings: Record<string, unknown>;
  enabled: boolean;
  /** Why it cannot run as configured, or null. */
  problem: string | null;
  /** Look through rustup (`rustup which`) before the PATH: rust-analyzer is a rustup component. */
  viaRustup: boolean;
  /** The next step to tell the user when the program is not found. */
  installHint: string;
}

export type LanguageSettings = Pick<
  SettingsValues,
  'languageServers.servers' | 'languageServers.trace' | 'rust-analyzer.server.path' | 'rust-analyzer.check.command'
>;

type Preset = Omit<ServerDefinition, 'enabled' | 'problem'>;

function presets(settings: LanguageSettings): Preset[] {
  const rustAnalyzerPath = settings['rust-analyzer.server.path'];
  const rustAnalyzerConfig = { check: { command: settings['rust-analyzer.check.command'] } };
  const preset = (fields: Pick<Preset, 'id' | 'command' | 'languages' | 'installHint'> & Partial<Preset>): Preset => ({
    name: fields.id,
    args: [],
    filePatterns: [],
    initializationOptions: undefined,
    settings: {},
    viaRustup: false,
    ...fields,
  });
  return [
    preset({
      id: 'rust-analyzer',
      command: rustAnalyzerPath || 'rust-analyzer',
      languages: ['rust'],
      initializationOptions: rustAnalyzerConfig,
      settings: { 'rust-analyzer': rustAnalyzerConfig },
      viaRustup: !rustAnalyzerPath,
      installHint: 'Install it with `rustup component add rust-analyzer`, or set `rust-analyzer.server.path` to the program.',
    }),
    preset({
      id: 'typescript-language-server',
      command: 'typescript-language-server',
      args: ['--stdio'],
      languages: ['typescript', 'javascript'],
      installHint: 'Install it with `npm install -g typescript-language-server typescript`.',
    }),
    preset({ id: 'pyright', command: 'pyright-langserver', args: ['--stdio'], languages: ['python'], installHint: 'Install it with `npm install -g pyright`.' }),
    preset({ id: 'pylsp', command: 'pylsp', languages: ['python'], installHint: 'Install it with `pip install python-lsp-server`.' }),
    preset({ id: 'gopls', command: 'gopls', languages: ['go'], installHint: 'Install it with `go install golang.org/x/tools/gopls@latest`.' }),
    preset({ id: 'clangd', command: 'clangd', languages: ['c', 'cpp'], installHint: 'Install clangd with your system\'s package manager or from LLVM.' }),
  ];
}

/** Applies the fields an entry of `languageServers.servers` sets. */
function withSetting(base: Preset, entry: LanguageServerSetting | undefined): ServerDefinition {
  if (!entry) return { ...base, enabled: true, problem: null };
  return {
    ...base,
    ...(entry.command !== undefined ? { command: entry.command, viaRustup: false } : {}),
    ...(entry.args !== undefined ? { args: entry.args } : {}),
    ...(entry.languages !== undefined ? { languages: entry.languages } : {}),
    ...(entry.filePatterns !== undefined ? { filePatterns: entry.filePatterns } : {}),
    ...(entry.initializationOptions !== undefined ? { initializationOptions: entry.initializationOptions } : {}),
    ...(entry.settings !== undefined ? { settings: entry.settings } : {}),
    enabled: entry.enabled,
    problem: null,
  };
}

/** Every server, presets first (in the order they are tried for a language), then the user's own. */
export function serverDefinitions(settings: LanguageSettings): ServerDefinition[] {
  const entries = settings['languageServers.servers'];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const builtIn = presets(settings);
  const presetIds = new Set(builtIn.map((preset) => preset.id));
  const custom = entries
    .filter((entry) => !presetIds.has(entry.id))
    .map((entry) => {
      const definition = withSetting(
        { id: entry.id, name: entry.id, command: '', args: [], languages: [], filePatterns: [], initializationOptions: undefined, settings: {}, viaRustup: false, installHint: `Check the command of "${entry.id}" in languageServers.servers.` },
        entry,
      );
      const complete = definition.command !== '' && (definition.languages.length > 0 || definition.filePatterns.length > 0);
      return complete ? definition : { ...definition, problem: `"${entry.id}" in languageServers.servers needs a command and languages (or filePatterns).` };
    });
  return [...builtIn.map((preset) => withSetting(preset, byId.get(preset.id))), ...custom];
}

/** The language id a server expects: Monaco calls .tsx files typescript, servers call them typescriptreact. */
export function protocolLanguageId(path: string, editorLanguageId: string): string {
  if (path.endsWith('.tsx')) return 'typescriptreact';
  if (path.endsWith('.jsx')) return 'javascriptreact';
  return editorLanguageId;
}
