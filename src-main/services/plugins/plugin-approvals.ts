import type { Database } from 'better-sqlite3';
import { noPermissions, pluginPermissionsSchema, type PluginPermissions } from '../../../src-shared/plugins/permissions';

export interface PluginApproval {
  enabled: boolean;
  /** The user approved the plugin once; `granted` is what that approval (or a later one) covered. */
  approved: boolean;
  granted: PluginPermissions;
}

/** The user's decisions about each plugin, kept in the profile database across updates of its files. */
export class PluginApprovals {
  constructor(private readonly db: Database) {}

  /** A plugin never seen before is enabled and not approved. */
  get(id: string): PluginApproval {
    const row = this.db.prepare('SELECT enabled, approved, granted_permissions AS granted FROM plugins WHERE id = ?').get(id) as
      | { enabled: number; approved: number; granted: string }
      | undefined;
    if (!row) return { enabled: true, approved: false, granted: noPermissions };
    const granted = pluginPermissionsSchema.safeParse(JSON.parse(row.granted));
    return { enabled: row.enabled === 1, approved: row.approved === 1, granted: granted.success ? granted.data : noPermissions };
  }

  approve(id: string, granted: PluginPermissions): void {
    this.write(id, { ...this.get(id), approved: true, granted });
  }

  setEnabled(id: string, enabled: boolean): void {
    this.write(id, { ...this.get(id), enabled });
  }

  forget(id: string): void {
    this.db.prepare('DELETE FROM plugins WHERE id = ?').run(id);
  }

  private write(id: string, approval: PluginApproval): void {
    this.db
      .prepare(
        `INSERT INTO plugins (id, enabled, approved, granted_permissions, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, approved = excluded.approved,
           granted_permissions = excluded.granted_permissions, updated_at = excluded.updated_at`,
      )
      .run(id, approval.enabled ? 1 : 0, approval.approved ? 1 : 0, JSON.stringify(approval.granted), Date.now());
  }
}
