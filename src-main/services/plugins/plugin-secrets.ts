import type { Database } from 'better-sqlite3';
import { LatheError, secretKeySchema } from '../../../src-shared/contract';

/** The part of the IDE's secret store plugins reach (OS keychain, or the environment in browser mode). */
export interface SecretAccess {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Each plugin's secrets, stored under `plugin:<id>:<key>` in the IDE's secret store. A key may not
 * hold a colon and an id cannot either, so no key leads out of the plugin's namespace, and the
 * workbench's own secret keys (which never hold a colon) are out of reach. The key names are kept
 * in the profile database so that uninstalling removes them all.
 */
export class PluginSecrets {
  constructor(
    private readonly store: SecretAccess,
    private readonly db: Database,
  ) {}

  async get(pluginId: string, key: string): Promise<string | null> {
    return (await this.store.get(namespaced(pluginId, key))) ?? null;
  }

  async set(pluginId: string, key: string, value: string): Promise<void> {
    await this.store.set(namespaced(pluginId, key), value);
    this.db.prepare('INSERT OR IGNORE INTO plugin_secret_keys (plugin_id, key) VALUES (?, ?)').run(pluginId, key);
  }

  async delete(pluginId: string, key: string): Promise<void> {
    await this.store.delete(namespaced(pluginId, key));
    this.db.prepare('DELETE FROM plugin_secret_keys WHERE plugin_id = ? AND key = ?').run(pluginId, key);
  }

  /** Every secret the plugin stored (it was uninstalled). */
  async clear(pluginId: string): Promise<void> {
    const rows = this.db.prepare('SELECT key FROM plugin_secret_keys WHERE plugin_id = ?').all(pluginId) as { key: string }[];
    // One the environment provides (browser mode) cannot be removed from here; the plugin is gone either way.
    for (const { key } of rows) await this.store.delete(namespaced(pluginId, key)).catch(() => undefined);
    this.db.prepare('DELETE FROM plugin_secret_keys WHERE plugin_id = ?').run(pluginId);
  }
}

function namespaced(pluginId: string, key: string): string {
  // The gateway's schema checked the key already; this keeps the namespace whole whoever calls.
  if (!secretKeySchema.safeParse(key).success || pluginId.includes(':')) throw new LatheError('INVALID_INPUT', `"${key.slice(0, 200)}" is not a secret key`);
  return `plugin:${pluginId}:${key}`;
}
