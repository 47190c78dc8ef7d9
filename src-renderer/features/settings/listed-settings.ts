import type { z } from 'zod';
import { pluginSettingValueSchema } from '../../../src-shared/plugins/setting-value';
import { settingKeys, settingsRegistry, type PluginSettingsGroup, type SettingScope, type SettingsSnapshot, type SettingsTarget } from '../../../src-shared/contract';

/** A setting as the view lists it: one of the registry, or one an installed plugin contributes. */
export interface ListedSetting {
  key: string;
  /** The section it shows in: a registry category, or one per plugin. */
  group: { id: string; title: string };
  description: string;
  schema: z.ZodType;
  scope: SettingScope;
  default: unknown;
  /** The contributing plugin's id; null for a built-in setting. */
  plugin: string | null;
}

const builtIn: ListedSetting[] = settingKeys.map((key) => {
  const definition = settingsRegistry[key];
  return {
    key,
    group: { id: `category:${definition.category}`, title: definition.category },
    description: definition.description,
    schema: definition.schema,
    scope: definition.scope,
    default: definition.default,
    plugin: null,
  };
});

/** The registry's settings, then each plugin's group, in the order main lists them. */
export function listedSettings(groups: readonly PluginSettingsGroup[]): ListedSetting[] {
  const contributed = groups.flatMap((group) =>
    Object.entries(group.properties).map(([key, setting]) => ({
      key,
      group: { id: `plugin:${group.plugin}`, title: group.title },
      description: setting.description ?? '',
      schema: pluginSettingValueSchema(setting),
      scope: setting.scope ?? 'workspace',
      default: setting.default,
      plugin: group.plugin,
    })),
  );
  return [...builtIn, ...contributed];
}

/** The values one settings file sets validly, among those of the setting's kind. */
export function layerOf(snapshot: SettingsSnapshot, setting: ListedSetting, target: SettingsTarget): Readonly<Record<string, unknown>> {
  return setting.plugin === null ? snapshot.layers[target] : snapshot.plugins.layers[target];
}
