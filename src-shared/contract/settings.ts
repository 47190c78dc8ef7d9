import { z } from 'zod';

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

export const settingsSnapshotSchema = z.object({
  values: settingsValuesSchema,
  /** The valid values each file sets, so the settings UI can show what is modified where. */
  layers: z.object({ user: settingsValuesSchema.partial(), workspace: settingsValuesSchema.partial() }),
  issues: z.array(settingsIssueSchema),
  files: z.object({ user: z.string(), workspace: z.string().nullable() }),
});
export type SettingsSnapshot = z.infer<typeof settingsSnapshotSchema>;
