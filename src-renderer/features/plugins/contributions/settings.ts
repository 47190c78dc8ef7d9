import type { Disposable, SettingsSnapshot } from '../../../../src-shared/contract';
import type { PluginManifest } from '../../../../src-shared/plugins/manifest';
import { useAppStore } from '../../../app/store';

/**
 * The effective values of a plugin's contributed settings, and of no one else's: what main checked
 * against its manifest, else the manifest's defaults (a key another plugin of the same name took).
 */
export function contributedSettings(id: string, manifest: PluginManifest, snapshot: SettingsSnapshot = useAppStore.getState().settings): Record<string, unknown> {
  const own = snapshot.plugins.groups.find((group) => group.plugin === id)?.properties ?? {};
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(manifest.contributes.configuration?.properties ?? {})) {
    const value = Object.hasOwn(own, key) ? snapshot.plugins.values[key] : setting.default;
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** Calls `send` whenever the plugins' settings change; each plugin's runtime tells it only when one of its own did. */
export function followContributedSettings(send: () => void): Disposable {
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.settings.plugins !== previous.settings.plugins) send();
  });
  return { dispose: unsubscribe };
}
