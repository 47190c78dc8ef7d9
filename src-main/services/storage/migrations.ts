import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Versions start at 1 and increase by one; a released migration is never edited, only followed. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export const profileMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ui state',
    up(db) {
      db.exec(`
        CREATE TABLE state (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
];
