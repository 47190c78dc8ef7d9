import type { Database } from 'better-sqlite3';

/** Small JSON values keyed by name: layout, window bounds, last open files. */
export class StateStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM state WHERE key = ?');
    this.upsert = db.prepare<[string, string, number]>(
      'INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  get(key: string): unknown {
    const row = this.select.get(key);
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  set(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value), Date.now());
  }
}
