import type { z } from 'zod';
import type { Disposable, PluginInfo, PluginSettingsGroup, SettingScope } from '../../../src-shared/contract';
import { pluginSettingValueSchema } from '../../../src-shared/plugins/setting-value';

/** What settings need of the installed plugins: their manifests, and word when those change. */
export interface InstalledPlugins {
  list(): readonly Pick<PluginInfo, 'id' | 'manifest'>[];
  onDidChangePlugins(listener: () => void): Disposable;
}

/** A contributed setting as the settings files are checked against it, like an entry of the registry. */
export interface PluginSettingDefinition {
  readonly schema: z.ZodType;
  readonly scope: SettingScope;
}

/** The settings installed plugins contribute: one group per plugin, each key's definition and its default. */
export interface PluginSettings {
  readonly groups: PluginSettingsGroup[];
  readonly definitions: ReadonlyMap<string, PluginSettingDefinition>;
  readonly defaults: Readonly<Record<string, unknown>>;
}

export const noPluginSettings: PluginSettings = { groups: [], definitions: new Map(), defaults: {} };

/**
 * Reads the settings from the plugins' manifests. Keys carry the plugin's name, not its publisher:
 * when two plugins of the same name declare one key, the first listed (built-in ones come first) keeps it.
 */
export function collectPluginSettings(plugins: readonly Pick<PluginInfo, 'id' | 'manifest'>[]): PluginSettings {
  const groups: PluginSettingsGroup[] = [];
  const definitions = new Map<string, PluginSettingDefinition>();
  const defaults: Record<string, unknown> = {};
  for (const { id, manifest } of plugins) {
    const configuration = manifest?.contributes.configuration;
    if (!configuration) continue;
    // A copy: snapshots are frozen, and the manifest belongs to the plugins service.
    const properties = structuredClone(Object.fromEntries(Object.entries(configuration.properties).filter(([key]) => !definitions.has(key))));
    for (const [key, setting] of Object.entries(properties)) {
      definitions.set(key, { schema: pluginSettingValueSchema(setting), scope: setting.scope ?? 'workspace' });
      defaults[key] = setting.default;
    }
    if (Object.keys(properties).length > 0) groups.push({ plugin: id, title: configuration.title, properties });
  }
  return { groups, definitions, defaults };
}
