import type { Database } from 'better-sqlite3';
import { LatheError, pluginApiLimits } from '../../../src-shared/contract';

/**
 * Key-value storage of each plugin in the profile database. Every statement is keyed by the plugin id
 * the gateway was called with, so no key a plugin chooses can reach another plugin's values.
 */
export class PluginStorage {
  constructor(private readonly db: Database) {}

  get(pluginId: string, scope: string, key: string): unknown {
    const row = this.db.prepare('SELECT value FROM plugin_storage WHERE plugin_id = ? AND scope = ? AND key = ?').get(pluginId, scope, key) as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  set(pluginId: string, scope: string, key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text.length > pluginApiLimits.storageValueBytes) {
      throw new LatheError('TOO_LARGE', `A stored value may be at most ${pluginApiLimits.storageValueBytes} characters as JSON`);
    }
    this.db.transaction(() => {
      const { used } = this.db
        .prepare('SELECT coalesce(sum(length(value)), 0) AS used FROM plugin_storage WHERE plugin_id = ? AND NOT (scope = ? AND key = ?)')
        .get(pluginId, scope, key) as { used: number };
      if (used + text.length > pluginApiLimits.storageBytesPerPlugin) {
        throw new LatheError('TOO_LARGE', `The plugin's storage is full (${pluginApiLimits.storageBytesPerPlugin} characters)`);
      }
      this.db
        .prepare('INSERT INTO plugin_storage (plugin_id, scope, key, value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value')
        .run(pluginId, scope, key, text);
    })();
  }

  delete(pluginId: string, scope: string, key: string): void {
    this.db.prepare('DELETE FROM plugin_storage WHERE plugin_id = ? AND scope = ? AND key = ?').run(pluginId, scope, key);
  }

  keys(pluginId: string, scope: string): string[] {
    const rows = this.db.prepare('SELECT key FROM plugin_storage WHERE plugin_id = ? AND scope = ? ORDER BY key').all(pluginId, scope) as { key: string }[];
    return rows.map((row) => row.key);
  }

  /** Every value of the plugin, in every scope (it was uninstalled). */
  clear(pluginId: string): void {
    this.db.prepare('DELETE FROM plugin_storage WHERE plugin_id = ?').run(pluginId);
  }
}
