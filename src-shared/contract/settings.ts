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
  'log.level': setting({
    schema: z.enum(logLevels),
    default: 'info',
    category: 'Developer',
    description: 'The least severe level written to the log files in the profile.',
    scope: 'application',
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
