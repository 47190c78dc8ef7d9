import { z } from 'zod';
import { pluginIdSchema, pluginSettingSchema } from '../plugins/manifest';
import { aiBuiltInProviderIds, aiCompatiblePresets, aiModelRefSchema } from './services/ai';
import { languageServerSettingSchema } from './services/language';

/**
 * `application` settings belong to the user profile only; a workspace file cannot change them
 * (a cloned repository must not raise the log level or pick the theme of the whole app).
 */
export type SettingScope = 'application' | 'workspace';

export interface SettingDefinition<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly default: z.output<S>;
  readonly category: string;
  readonly description: string;
  readonly scope: SettingScope;
}

const setting = <S extends z.ZodType>(definition: SettingDefinition<S>): SettingDefinition<S> => definition;

/** A feature's route: the first provider answers, each next one when the one before fails or its circuit is open. */
const routeSetting = (feature: string) =>
  setting({
    schema: z.array(aiModelRefSchema).max(10),
    default: [],
    category: 'AI',
    description: `Who answers ${feature} requests, as [{ "provider", "model" }, …]: the first, then each next one when the one before fails or its circuit is open. Empty: OpenAI, then Anthropic (those with a key), then the embedded model.`,
    scope: 'application',
  });

export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** Every setting Lathe knows. Files are validated against this; the settings UI is generated from it. */
export const settingsRegistry = {
  'workbench.colorTheme': setting({
    schema: z.enum(['dark', 'light']),
    default: 'dark',
    category: 'Workbench',
    description: 'The colour theme of the workbench and the editor.',
    scope: 'application',
  }),
  'workbench.sideBar.visible': setting({
    schema: z.boolean(),
    default: true,
    category: 'Workbench',
    description: 'Whether the side bar is shown.',
    scope: 'application',
  }),
  'workbench.panel.visible': setting({
    schema: z.boolean(),
    default: true,
    category: 'Workbench',
    description: 'Whether the bottom panel is shown.',
    scope: 'application',
  }),
  'workbench.editor.enablePreview': setting({
    schema: z.boolean(),
    default: true,
    category: 'Workbench',
    description: 'Opens files from a single click in a preview tab, which the next previewed file replaces until you edit or keep it.',
    scope: 'workspace',
  }),
  'editor.fontSize': setting({
    schema: z.number().int().min(6).max(72),
    default: 14,
    category: 'Editor',
    description: 'Font size of the editor, in pixels.',
    scope: 'workspace',
  }),
  'editor.tabSize': setting({
    schema: z.number().int().min(1).max(16),
    default: 4,
    category: 'Editor',
    description: 'The number of spaces a tab is equal to.',
    scope: 'workspace',
  }),
  'editor.insertSpaces': setting({
    schema: z.boolean(),
    default: true,
    category: 'Editor',
    description: 'Insert spaces when pressing Tab.',
    scope: 'workspace',
  }),
  'editor.wordWrap': setting({
    schema: z.enum(['off', 'on']),
    default: 'off',
    category: 'Editor',
    description: 'Whether long lines wrap.',
    scope: 'workspace',
  }),
  'editor.minimap.enabled': setting({
    schema: z.boolean(),
    default: true,
    category: 'Editor',
    description: 'Whether the minimap is shown.',
    scope: 'workspace',
  }),
  'editor.formatOnSave': setting({
    schema: z.boolean(),
    default: false,
    category: 'Editor',
    description: 'Formats a file with its language server before saving it.',
    scope: 'workspace',
  }),
  'files.exclude': setting({
    schema: z.record(z.string().max(1024), z.boolean()),
    default: { '**/.git': true, '**/node_modules': true, '**/target': true },
    category: 'Files',
    description: 'Glob patterns of files and folders to hide and to leave out of watching and search.',
    scope: 'workspace',
  }),
  'files.autoSave': setting({
    schema: z.enum(['off', 'afterDelay', 'onFocusChange']),
    default: 'off',
    category: 'Files',
    description: 'Saves dirty editors on their own: after a delay without typing, or when the editor loses focus.',
    scope: 'workspace',
  }),
  'files.autoSaveDelay': setting({
    schema: z.number().int().min(100).max(60000),
    default: 1000,
    category: 'Files',
    description: 'With auto save after a delay, how long typing must pause before a save, in milliseconds.',
    scope: 'workspace',
  }),
  'log.level': setting({
    schema: z.enum(logLevels),
    default: 'info',
    category: 'Developer',
    description: 'The least severe level written to the log files in the profile.',
    scope: 'application',
  }),
  // Which programs run as language servers and as cargo is the user's choice alone: a cloned
  // repository must not pick them (application scope).
  'languageServers.servers': setting({
    schema: z.array(languageServerSettingSchema).max(50),
    default: [],
    category: 'Language Servers',
    description:
      'Language servers, each as { "id", "command", "args", "languages", "filePatterns", "initializationOptions", "settings", "enabled" } ("settings" answers the server\'s configuration requests, by section). An id of a preset (rust-analyzer, typescript-language-server, pyright, pylsp, gopls, clangd) changes that preset; "enabled": false turns it off. A new id needs a command and languages.',
    scope: 'application',
  }),
  'languageServers.trace': setting({
    schema: z.enum(['off', 'messages', 'verbose']),
    default: 'off',
    category: 'Language Servers',
    description: 'Writes the messages exchanged with language servers to their logs: their names and timing, or ("verbose") their content as well.',
    scope: 'application',
  }),
  'rust-analyzer.server.path': setting({
    schema: z.string().max(4096),
    default: '',
    category: 'Rust',
    description: 'The rust-analyzer program; empty uses the one rustup installed (`rustup component add rust-analyzer`), then one on the PATH.',
    scope: 'application',
  }),
  'rust-analyzer.check.command': setting({
    schema: z.enum(['check', 'clippy']),
    default: 'check',
    category: 'Rust',
    description: 'The cargo command rust-analyzer runs on save for its diagnostics.',
    scope: 'workspace',
  }),
  'cargo.path': setting({
    schema: z.string().max(4096),
    default: '',
    category: 'Rust',
    description: 'The cargo program; empty looks for cargo on the PATH and in ~/.cargo/bin.',
    scope: 'application',
  }),
  'cargo.checkOnSave': setting({
    schema: z.enum(['off', 'check', 'clippy']),
    default: 'check',
    category: 'Rust',
    description: 'Runs `cargo check` (or clippy) when a Rust file is saved and no language server serves it, and shows what it finds in Problems.',
    scope: 'workspace',
  }),
  // Which program a terminal runs is the user's choice alone: a cloned repository must not pick it.
  'terminal.integrated.defaultProfile': setting({
    schema: z.string().max(100),
    default: '',
    category: 'Terminal',
    description: 'The profile new terminals start with; empty picks $SHELL (PowerShell on Windows).',
    scope: 'application',
  }),
  'terminal.integrated.profiles': setting({
    schema: z.array(
      z.object({
        name: z.string().min(1).max(100),
        path: z.string().min(1).max(4096),
        args: z.array(z.string().max(4096)).max(64).default([]),
        env: z.record(z.string().max(256), z.string().max(32768)).optional(),
      }),
    ).max(50),
    default: [],
    category: 'Terminal',
    description: 'Extra shells to choose from, each as { "name", "path", "args", "env" }; a name that matches a detected shell replaces it.',
    scope: 'application',
  }),
  'terminal.integrated.cwd': setting({
    schema: z.string().max(4096),
    default: '',
    category: 'Terminal',
    description: 'The folder new terminals start in, relative to the workspace; empty is the workspace root.',
    scope: 'workspace',
  }),
  'terminal.integrated.fontFamily': setting({
    schema: z.string().max(500),
    default: '',
    category: 'Terminal',
    description: 'The font family of the terminal; empty uses the editor font.',
    scope: 'workspace',
  }),
  'terminal.integrated.fontSize': setting({
    schema: z.number().int().min(6).max(72),
    default: 13,
    category: 'Terminal',
    description: 'Font size of the terminal, in pixels.',
    scope: 'workspace',
  }),
  'terminal.integrated.lineHeight': setting({
    schema: z.number().min(1).max(3),
    default: 1.1,
    category: 'Terminal',
    description: 'Line height of the terminal, as a multiple of the font size.',
    scope: 'workspace',
  }),
  'terminal.integrated.scrollback': setting({
    schema: z.number().int().min(0).max(1_000_000),
    default: 1000,
    category: 'Terminal',
    description: 'The number of lines a terminal keeps above the screen.',
    scope: 'workspace',
  }),
  'terminal.integrated.cursorStyle': setting({
    schema: z.enum(['block', 'underline', 'line']),
    default: 'block',
    category: 'Terminal',
    description: 'The shape of the terminal cursor.',
    scope: 'workspace',
  }),
  'terminal.integrated.cursorBlinking': setting({
    schema: z.boolean(),
    default: false,
    category: 'Terminal',
    description: 'Whether the terminal cursor blinks.',
    scope: 'workspace',
  }),
  'terminal.integrated.gpuAcceleration': setting({
    schema: z.enum(['auto', 'on', 'off']),
    default: 'auto',
    category: 'Terminal',
    description: 'Draws the terminal with WebGL; "auto" falls back to the DOM renderer when WebGL is not available.',
    scope: 'workspace',
  }),
  'terminal.integrated.copyOnSelection': setting({
    schema: z.boolean(),
    default: false,
    category: 'Terminal',
    description: 'Copies the selected terminal text to the clipboard as soon as it is selected.',
    scope: 'workspace',
  }),
  // Where prompts and code are sent, which program reads a model file, and what it costs are the
  // user's choice alone: a cloned repository must not redirect them (application scope).
  'ai.openai.baseUrl': setting({
    schema: z.url({ protocol: /^https?$/ }),
    default: 'https://api.openai.com/v1',
    category: 'AI',
    description: 'The OpenAI API address (a proxy or gateway that speaks the same API may be given instead).',
    scope: 'application',
  }),
  'ai.anthropic.baseUrl': setting({
    schema: z.url({ protocol: /^https?$/ }),
    default: 'https://api.anthropic.com',
    category: 'AI',
    description: 'The Anthropic API address.',
    scope: 'application',
  }),
  'ai.compatible.servers': setting({
    schema: z
      .array(
        z.object({
          id: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]{0,31}$/)
            .refine((id) => !(aiBuiltInProviderIds as readonly string[]).includes(id), 'this id names a built-in provider'),
          preset: z.enum(Object.keys(aiCompatiblePresets) as [keyof typeof aiCompatiblePresets, ...(keyof typeof aiCompatiblePresets)[]]),
          baseUrl: z.url({ protocol: /^https?$/ }).optional(),
          label: z.string().max(100).optional(),
          /** The context window of its models, when the server does not say. */
          contextWindow: z.number().int().min(512).max(10_000_000).optional(),
        }).refine((server) => server.preset !== 'custom' || server.baseUrl !== undefined, 'a custom server needs its baseUrl'),
      )
      .max(20),
    default: [],
    category: 'AI',
    description:
      'OpenAI-compatible servers, each as { "id", "preset": "ollama" | "lmstudio" | "llamacpp" | "vllm" | "custom", "baseUrl" } (the preset gives the usual local address). An API key, when one is needed, is the secret "compatible.<id>.apiKey".',
    scope: 'application',
  }),
  'ai.local.modelPath': setting({
    schema: z.string().max(4096),
    default: '',
    category: 'AI',
    description: 'The GGUF model file the embedded provider runs, offline, in its own process. Empty: no embedded model.',
    scope: 'application',
  }),
  'ai.local.threads': setting({
    schema: z.number().int().min(0).max(256),
    default: 0,
    category: 'AI',
    description: 'CPU threads for the embedded model; 0 uses the number of cores, at most 4.',
    scope: 'application',
  }),
  'ai.local.contextSize': setting({
    schema: z.number().int().min(512).max(1_048_576),
    default: 4096,
    category: 'AI',
    description: 'The embedded model\'s context window, in tokens (prompt and answer together).',
    scope: 'application',
  }),
  'ai.local.gpu': setting({
    schema: z.enum(['auto', 'cpu']),
    default: 'auto',
    category: 'AI',
    description: 'Runs the embedded model on the best GPU back-end found (CUDA, Vulkan, Metal), else on the CPU; "cpu" never uses a GPU.',
    scope: 'application',
  }),
  'ai.local.gpuLayers': setting({
    schema: z.number().int().min(-1).max(10_000),
    default: -1,
    category: 'AI',
    description: 'Model layers offloaded to the GPU; -1 picks as many as fit.',
    scope: 'application',
  }),
  'ai.local.idleUnloadMinutes': setting({
    schema: z.number().int().min(0).max(1440),
    default: 10,
    category: 'AI',
    description: 'Stops the embedded model\'s process after this many minutes without a request, freeing its memory; 0 keeps it loaded.',
    scope: 'application',
  }),
  'ai.routing.chat': routeSetting('chat'),
  'ai.routing.edit': routeSetting('edit'),
  'ai.routing.completion': routeSetting('completion'),
  'ai.routing.embeddings': routeSetting('embeddings'),
  'ai.request.connectTimeoutMs': setting({
    schema: z.number().int().min(100).max(600_000),
    default: 10_000,
    category: 'AI',
    description: 'How long a provider may take to accept a request (until its response starts), in milliseconds.',
    scope: 'workspace',
  }),
  'ai.request.firstTokenTimeoutMs': setting({
    schema: z.number().int().min(100).max(600_000),
    default: 60_000,
    category: 'AI',
    description: 'How long a provider may take from accepting a request to its first output, in milliseconds.',
    scope: 'workspace',
  }),
  'ai.request.idleTimeoutMs': setting({
    schema: z.number().int().min(100).max(600_000),
    default: 30_000,
    category: 'AI',
    description: 'The longest pause allowed between two streamed chunks of an answer, in milliseconds.',
    scope: 'workspace',
  }),
  'ai.request.maxRetries': setting({
    schema: z.number().int().min(0).max(10),
    default: 2,
    category: 'AI',
    description: 'Retries of a failed request (rate limits, server errors, timeouts) before the next provider is tried; backoff is exponential with jitter and honours Retry-After.',
    scope: 'workspace',
  }),
  'ai.request.maxConcurrent': setting({
    schema: z.number().int().min(1).max(64),
    default: 4,
    category: 'AI',
    description: 'Requests one provider may run at once; more wait in a short queue.',
    scope: 'workspace',
  }),
  'ai.circuit.failureThreshold': setting({
    schema: z.number().int().min(1).max(100),
    default: 5,
    category: 'AI',
    description: 'Consecutive failures after which a provider is skipped (its circuit opens) and the route\'s next provider answers.',
    scope: 'workspace',
  }),
  'ai.circuit.cooldownSeconds': setting({
    schema: z.number().int().min(1).max(3600),
    default: 30,
    category: 'AI',
    description: 'How long an open circuit skips its provider before one request tries it again.',
    scope: 'workspace',
  }),
  'ai.cache.enabled': setting({
    schema: z.boolean(),
    default: true,
    category: 'AI',
    description: 'Answers identical deterministic requests (temperature 0) from a cache in the profile.',
    scope: 'workspace',
  }),
  'ai.cache.ttlHours': setting({
    schema: z.number().int().min(1).max(24 * 365),
    default: 24,
    category: 'AI',
    description: 'How long a cached answer is reused, in hours.',
    scope: 'workspace',
  }),
  'ai.cache.includeNonDeterministic': setting({
    schema: z.boolean(),
    default: false,
    category: 'AI',
    description: 'Also caches answers to requests with a temperature above 0 (the same question then gets the same answer).',
    scope: 'workspace',
  }),
  'ai.prices': setting({
    schema: z
      .array(
        z.object({
          provider: z.string().max(32),
          model: z.string().max(200),
          inputPerMillion: z.number().nonnegative(),
          outputPerMillion: z.number().nonnegative(),
        }),
      )
      .max(500),
    default: [],
    category: 'AI',
    description: 'Prices in US dollars per million tokens, as [{ "provider", "model", "inputPerMillion", "outputPerMillion" }], over the built-in table (a model name may end in * to cover its versions).',
    scope: 'application',
  }),
  'ai.chat.temperature': setting({
    schema: z.number().min(0).max(2),
    default: 0.2,
    category: 'AI',
    description: 'Sampling temperature of chat answers; 0 is deterministic (and cached).',
    scope: 'workspace',
  }),
  'ai.chat.maxOutputTokens': setting({
    schema: z.number().int().min(16).max(200_000),
    default: 4096,
    category: 'AI',
    description: 'The longest answer a chat request may produce, in tokens (also reserved when history is trimmed).',
    scope: 'workspace',
  }),
  'ai.rules.enabled': setting({
    schema: z.boolean(),
    default: true,
    category: 'AI',
    description: 'Includes AGENTS.md, .lathe/rules/*.md and .cursorrules of the open folder in every prompt.',
    scope: 'workspace',
  }),
  'ai.healthCheck.intervalMinutes': setting({
    schema: z.number().int().min(0).max(1440),
    default: 5,
    category: 'AI',
    description: 'Checks the configured providers this often for the status bar; 0 checks only on demand.',
    scope: 'application',
  }),
  // Which program runs as git is the user's choice alone: a cloned repository must not pick it.
  'git.backend': setting({
    schema: z.enum(['auto', 'native', 'isomorphic']),
    default: 'auto',
    category: 'Git',
    description: 'Which git runs source control: "native" is the installed git program, "isomorphic" the one built in; "auto" uses the installed one when there is one.',
    scope: 'application',
  }),
  'git.path': setting({
    schema: z.string().max(4096),
    default: '',
    category: 'Git',
    description: 'The git program to run for the native back-end; empty looks for git on the PATH.',
    scope: 'application',
  }),
  'git.pullRebase': setting({
    schema: z.boolean(),
    default: false,
    category: 'Git',
    description: 'Pull rebases the current branch onto its upstream instead of merging it.',
    scope: 'workspace',
  }),
  'git.alwaysSignOff': setting({
    schema: z.boolean(),
    default: false,
    category: 'Git',
    description: 'Adds a Signed-off-by line with your name and e-mail to every commit message.',
    scope: 'workspace',
  }),
  'pipelines.maxConcurrentJobs': setting({
    schema: z.number().int().min(0).max(256),
    default: 0,
    category: 'Pipelines',
    description: 'Jobs that may run at once across all pipeline runs; 0 uses the number of CPU cores.',
    scope: 'application',
  }),
  'pipelines.logCapMegabytes': setting({
    schema: z.number().int().min(1).max(4096),
    default: 64,
    category: 'Pipelines',
    description: 'The most log one step attempt keeps, in megabytes; later output is dropped (the step keeps running until it ends or times out).',
    scope: 'workspace',
  }),
  'pipelines.defaultExecutor': setting({
    schema: z.enum(['local', 'container']),
    default: 'local',
    category: 'Pipelines',
    description: 'Where jobs run when neither the pipeline nor the job says (`executor:`, `container:`): local processes, or containers of `pipelines.container.defaultImage`.',
    scope: 'workspace',
  }),
  'pipelines.workingCopy': setting({
    schema: z.enum(['inPlace', 'cleanCopy']),
    default: 'inPlace',
    category: 'Pipelines',
    description: 'Local jobs run in the workspace itself ("inPlace"), or in a fresh copy of its files that git does not ignore ("cleanCopy"), as CI would.',
    scope: 'workspace',
  }),
  'pipelines.retainRuns': setting({
    schema: z.number().int().min(1).max(10_000),
    default: 100,
    category: 'Pipelines',
    description: 'Runs kept per pipeline; older runs and their logs are deleted.',
    scope: 'workspace',
  }),
  // A folder's pipelines run its commands: a cloned repository must not start them on its own (application scope).
  'pipelines.automaticTriggers': setting({
    schema: z.boolean(),
    default: false,
    category: 'Pipelines',
    description: 'Lets pipelines start on save and on commit, as their `on:` asks. Off by default, because a pipeline runs the commands of the folder it comes from; manual runs always work.',
    scope: 'application',
  }),
  // Which engine and socket receive container requests is the user's choice alone.
  'pipelines.container.socket': setting({
    schema: z.string().max(4096),
    default: '',
    category: 'Pipelines',
    description: 'The Docker-API socket of the container engine (Docker, or `podman system service`): a path or unix:// address. Empty: DOCKER_HOST, then the usual Docker and Podman sockets.',
    scope: 'application',
  }),
  'pipelines.container.defaultImage': setting({
    schema: z.string().max(500),
    default: '',
    category: 'Pipelines',
    description: 'The image for container jobs whose pipeline names none (`executor: container` without `container:`).',
    scope: 'workspace',
  }),
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof settingsRegistry;
export type SettingsValues = { [K in SettingKey]: z.output<(typeof settingsRegistry)[K]['schema']> };

export const settingKeys = Object.keys(settingsRegistry) as SettingKey[];

export const settingKeySchema = z.enum(settingKeys as [SettingKey, ...SettingKey[]]);

export const settingsValuesSchema = z.object(
  Object.fromEntries(settingKeys.map((key) => [key, settingsRegistry[key].schema])) as {
    [K in SettingKey]: (typeof settingsRegistry)[K]['schema'];
  },
);

export const defaultSettings = Object.fromEntries(
  settingKeys.map((key) => [key, settingsRegistry[key].default]),
) as SettingsValues;

export const settingsTargetSchema = z.enum(['user', 'workspace']);
export type SettingsTarget = z.infer<typeof settingsTargetSchema>;

/** A problem found in a settings file; the value it concerns falls back to its default. */
export const settingsIssueSchema = z.object({
  file: z.string(),
  target: settingsTargetSchema,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  key: z.string().optional(),
  message: z.string(),
});
export type SettingsIssue = z.infer<typeof settingsIssueSchema>;

/** The settings one installed plugin contributes (`contributes.configuration`), shown as one group. */
export const pluginSettingsGroupSchema = z.object({
  plugin: pluginIdSchema,
  /** `contributes.configuration.title`. */
  title: z.string(),
  properties: z.record(z.string(), pluginSettingSchema),
});
export type PluginSettingsGroup = z.infer<typeof pluginSettingsGroupSchema>;

const pluginSettingValuesSchema = z.record(z.string(), z.json());

export const settingsSnapshotSchema = z.object({
  values: settingsValuesSchema,
  /** The valid values each file sets, so the settings UI can show what is modified where. */
  layers: z.object({ user: settingsValuesSchema.partial(), workspace: settingsValuesSchema.partial() }),
  /** Settings of installed plugins, checked against their manifests: values and layers as above, by key. */
  plugins: z.object({
    groups: z.array(pluginSettingsGroupSchema),
    values: pluginSettingValuesSchema,
    layers: z.object({ user: pluginSettingValuesSchema, workspace: pluginSettingValuesSchema }),
  }),
  issues: z.array(settingsIssueSchema),
  files: z.object({ user: z.string(), workspace: z.string().nullable() }),
});
export type SettingsSnapshot = z.infer<typeof settingsSnapshotSchema>;
