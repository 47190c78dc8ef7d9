import satisfies from 'semver/functions/satisfies.js';
import validVersion from 'semver/functions/valid.js';
import validRange from 'semver/ranges/valid.js';
import { z } from 'zod';
import { LATHE_API_VERSION } from './api-version';
import { manifestPermissionSchema } from './permissions';

/** npm-style lower-case names: the id `publisher.name` becomes a folder name and a storage namespace. */
const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, starting with a letter or digit');

/** Commands, views and settings of a plugin are named `<name>.<something>`, so no plugin can take over a built-in or another's. */
export const contributedIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*\.[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/, 'an id of the form "<plugin name>.<name>"');

/** Any command id, the workbench's own included (keybindings may bind those too). */
const commandIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/, 'a command id');

const whenSchema = z.string().min(1).max(1000);
const titleSchema = z.string().min(1).max(200);
/** A codicon name (`gear`, `list-tree`). */
const iconSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a codicon name such as "gear"');

/** A path inside the plugin folder, `/`-separated, that cannot leave it. */
const pluginFileSchema = z
  .string()
  .max(1000)
  .regex(/^(?!\/)(?![A-Za-z]:)(?!.*\\)(?!(.*\/)?\.\.(\/|$))[^\0]+\.(m?js|cjs)$/, 'a relative path to a .js, .mjs or .cjs file inside the plugin folder');

export const activationEventSchema = z
  .string()
  .max(1000)
  .regex(
    /^(onStartupFinished|onCommand:[^\s]+|onLanguage:[A-Za-z0-9_+.-]+|workspaceContains:[^\0]+|onView:[^\s]+)$/,
    'one of onStartupFinished, onCommand:<id>, onLanguage:<id>, workspaceContains:<glob>, onView:<id>',
  );

export const builtInViewContainers = ['explorer', 'scm', 'panel'] as const;

const commandContributionSchema = z.object({
  command: contributedIdSchema,
  title: titleSchema,
  category: titleSchema.optional(),
  icon: iconSchema.optional(),
});

const menuItemSchema = z.object({
  command: commandIdSchema,
  when: whenSchema.optional(),
  /** Orders and separates items (`navigation`, `1_modification@2`). */
  group: z.string().max(100).optional(),
});

export const pluginMenuIds = ['commandPalette', 'editor/context', 'view/title', 'view/item/context'] as const;

const menusSchema = z.strictObject(Object.fromEntries(pluginMenuIds.map((id) => [id, z.array(menuItemSchema).max(200).optional()])) as {
  [K in (typeof pluginMenuIds)[number]]: z.ZodOptional<z.ZodArray<typeof menuItemSchema>>;
});

const keybindingSchema = z.object({
  command: commandIdSchema,
  /** Like `ctrl+shift+t`; `mac` replaces it on macOS. */
  key: z.string().regex(/^[A-Za-z0-9+\-[\]\\;',./`= ]{1,100}$/, 'a key chord such as "ctrl+shift+t"'),
  mac: z.string().regex(/^[A-Za-z0-9+\-[\]\\;',./`= ]{1,100}$/, 'a key chord such as "cmd+shift+t"').optional(),
  when: whenSchema.optional(),
});

const viewContainerSchema = z.object({ id: contributedIdSchema, title: titleSchema, icon: iconSchema });

const viewSchema = z.object({
  id: contributedIdSchema,
  name: titleSchema,
  /** A built-in container, or the id of one this plugin declares in `viewsContainers`. */
  container: z.string().min(1).max(200),
  when: whenSchema.optional(),
});

const settingTypes = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;

export const pluginSettingSchema = z
  .object({
    type: z.enum(settingTypes),
    default: z.json().optional(),
    description: z.string().max(2000).optional(),
    enum: z.array(z.union([z.string(), z.number()])).min(1).max(200).optional(),
    /** Bounds of a `number` or `integer` setting. */
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    /** `application`: user settings only; `workspace` (the default): user and workspace settings, the workspace's winning. */
    scope: z.enum(['application', 'workspace']).optional(),
  })
  .superRefine((setting, context) => {
    if (setting.default !== undefined && !matchesSettingType(setting.default, setting.type)) {
      context.addIssue({ code: 'custom', path: ['default'], message: `the default is not of type ${setting.type}` });
    }
    if (setting.enum && setting.default !== undefined && !setting.enum.includes(setting.default as string | number)) {
      context.addIssue({ code: 'custom', path: ['default'], message: 'the default is not one of the enum values' });
    }
    const { minimum, maximum } = setting;
    if (typeof setting.default === 'number' && ((minimum !== undefined && setting.default < minimum) || (maximum !== undefined && setting.default > maximum))) {
      context.addIssue({ code: 'custom', path: ['default'], message: 'the default is outside minimum and maximum' });
    }
  });
export type PluginSetting = z.output<typeof pluginSettingSchema>;

const configurationSchema = z.object({
  title: titleSchema,
  properties: z.record(contributedIdSchema, pluginSettingSchema),
});

const statusBarItemSchema = z.object({
  id: contributedIdSchema,
  text: z.string().min(1).max(200),
  tooltip: z.string().max(1000).optional(),
  command: commandIdSchema.optional(),
  alignment: z.enum(['left', 'right']).default('left'),
  /** Higher is further left within its side. */
  priority: z.number().int().min(-10_000).max(10_000).default(0),
});

const contributesSchema = z.object({
  commands: z.array(commandContributionSchema).max(500).default([]),
  menus: menusSchema.default({}),
  keybindings: z.array(keybindingSchema).max(500).default([]),
  viewsContainers: z.array(viewContainerSchema).max(20).default([]),
  views: z.array(viewSchema).max(100).default([]),
  configuration: configurationSchema.optional(),
  /** Items shown from the start, before the plugin is activated; the plugin updates them through the API. */
  statusBar: z.array(statusBarItemSchema).max(20).default([]),
});

const manifestFieldsSchema = z.object({
  name: nameSchema,
  publisher: nameSchema,
  version: z.string().max(100).refine((version) => validVersion(version) === version, 'a semver version such as "1.2.3"'),
  engines: z.object({
    lathe: z.string().max(200).refine((range) => validRange(range) !== null, 'a semver range such as "^1.0.0"'),
  }),
  main: pluginFileSchema,
  displayName: z.string().min(1).max(100).optional(),
  description: z.string().max(2000).default(''),
  activationEvents: z.array(activationEventSchema).max(200).default([]),
  contributes: contributesSchema.default({ commands: [], menus: {}, keybindings: [], viewsContainers: [], views: [], statusBar: [] }),
  permissions: z.array(manifestPermissionSchema).max(50).default([]),
});

/** A plugin's `package.json`, as Lathe reads it (other fields, like `scripts`, are left alone). */
export const pluginManifestSchema = manifestFieldsSchema.superRefine(checkContributions);
export type PluginManifest = z.output<typeof pluginManifestSchema>;

export const pluginIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}\.[a-z0-9][a-z0-9-]{0,63}$/, 'a plugin id "<publisher>.<name>"');

export function pluginId(manifest: Pick<PluginManifest, 'publisher' | 'name'>): string {
  return `${manifest.publisher}.${manifest.name}`;
}

export type ManifestResult = { ok: true; manifest: PluginManifest } | { ok: false; errors: string[] };

/** Validates a parsed `package.json`; each error names its field (`contributes.commands[2].command: …`). */
export function parseManifest(json: unknown): ManifestResult {
  const result = pluginManifestSchema.safeParse(json);
  if (result.success) return { ok: true, manifest: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${formatPath(issue.path) || '(package.json)'}: ${issue.message}`) };
}

/**
 * Every event that activates the plugin: those it declares, plus those its contributions imply
 * (running one of its commands, opening one of its views), so a command works before activation.
 */
export function activationEvents(manifest: PluginManifest): string[] {
  const implied = [
    ...manifest.contributes.commands.map((command) => `onCommand:${command.command}`),
    ...manifest.contributes.views.map((view) => `onView:${view.id}`),
  ];
  return [...new Set([...manifest.activationEvents, ...implied])];
}

/** Why this host cannot run the plugin (its API is outside `engines.lathe`), or null when it can. */
export function engineMismatch(manifest: Pick<PluginManifest, 'engines'>, apiVersion: string = LATHE_API_VERSION): string | null {
  if (satisfies(apiVersion, manifest.engines.lathe)) return null;
  return `The plugin needs Lathe API ${manifest.engines.lathe}; this Lathe offers API ${apiVersion}`;
}

/** `contributes.commands[2].command`, with keys that are not identifiers quoted: `properties["todo.enabled"]`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) return text ? `${text}.${name}` : name;
    return `${text}[${JSON.stringify(name)}]`;
  }, '');
}

function matchesSettingType(value: unknown, type: (typeof settingTypes)[number]): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** Rules across fields: ids carry the plugin's name, menus name its own commands, views sit in a known container. */
function checkContributions(manifest: z.output<typeof manifestFieldsSchema>, context: z.RefinementCtx): void {
  const { contributes, name } = manifest;
  const ownPrefix = `${name}.`;
  const requireOwn = (id: string, path: PropertyKey[]): void => {
    if (!id.startsWith(ownPrefix)) context.addIssue({ code: 'custom', path: ['contributes', ...path], message: `"${id}" must start with "${ownPrefix}"` });
  };
  const commands = new Set<string>();
  contributes.commands.forEach((command, index) => {
    requireOwn(command.command, ['commands', index, 'command']);
    if (commands.has(command.command)) {
      context.addIssue({ code: 'custom', path: ['contributes', 'commands', index, 'command'], message: `"${command.command}" is declared twice` });
    }
    commands.add(command.command);
  });
  for (const menuId of pluginMenuIds) {
    contributes.menus[menuId]?.forEach((item, index) => {
      if (!commands.has(item.command)) {
        context.addIssue({ code: 'custom', path: ['contributes', 'menus', menuId, index, 'command'], message: `"${item.command}" is not one of contributes.commands` });
      }
    });
  }
  contributes.viewsContainers.forEach((container, index) => requireOwn(container.id, ['viewsContainers', index, 'id']));
  const containers = new Set<string>([...builtInViewContainers, ...contributes.viewsContainers.map((container) => container.id)]);
  contributes.views.forEach((view, index) => {
    requireOwn(view.id, ['views', index, 'id']);
    if (!containers.has(view.container)) {
      context.addIssue({
        code: 'custom',
        path: ['contributes', 'views', index, 'container'],
        message: `"${view.container}" is neither ${builtInViewContainers.join(', ')} nor one of contributes.viewsContainers`,
      });
    }
  });
  for (const key of Object.keys(contributes.configuration?.properties ?? {})) requireOwn(key, ['configuration', 'properties', key]);
  contributes.statusBar.forEach((item, index) => requireOwn(item.id, ['statusBar', index, 'id']));
}
