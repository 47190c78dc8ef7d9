import type { SettingKey, SettingsValues } from '../../../src-shared/contract';
import { host } from '../../platform/host';

/**
 * Writes a user setting through the host. The workbench does not change locally: it follows the
 * `settings.onChanged` event, so the file stays the single source of truth.
 */
export async function updateUserSetting<K extends SettingKey>(key: K, value: SettingsValues[K]): Promise<void> {
  await host().settings.update({ key, value, target: 'user' });
}
