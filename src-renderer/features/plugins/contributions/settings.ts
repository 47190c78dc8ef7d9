import type { PluginManifest } from '../../../../src-shared/plugins/manifest';

/**
 * The values of a plugin's contributed settings: their defaults. (The settings service keeps only
 * the settings it declares, so values a user writes for plugin settings do not reach the workbench yet.)
 */
export function contributedSettings(manifest: PluginManifest): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(manifest.contributes.configuration?.properties ?? {})) {
    if (setting.default !== undefined) values[key] = setting.default;
  }
  return values;
}
