import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Notice } from '../../../src-shared/contract';
import type { Migration } from './migrations';

export interface OpenedDatabase {
  db: Database.Database;
  /** What the user must be told about this start (a file moved aside), empty when all was well. */
  notices: Notice[];
}

class UnusableDatabase extends Error {
  constructor(
    readonly reason: 'corrupt' | 'newer',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opens the profile database with WAL and foreign keys, applying pending migrations in one
 * transaction each. A corrupt file, or one written by a newer Lathe, is moved aside (never
 * deleted) and a fresh database is created, so a bad file can neither crash-loop nor be wiped.
 */
export interface OpenDatabaseOptions {
  /** A better-sqlite3 addon built for this runtime (Electron's ABI differs from Node's); the package's own when absent. */
  nativeBinding?: string;
}

export function openDatabase(file: string, migrations: readonly Migration[], logger: Logger, options: OpenDatabaseOptions = {}): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  try {
    return { db: openAndMigrate(file, migrations, logger, options), notices: [] };
  } catch (error) {
    const reason = error instanceof UnusableDatabase ? error.reason : isCorruption(error) ? 'corrupt' : undefined;
    if (!reason) throw error;
    const movedTo = moveAside(file, reason);
    const why =
      reason === 'newer'
        ? 'was written by a newer version of Lathe'
        : `could not be read (${(error as Error).message})`;
    const message = `The profile database ${why}. It was moved to ${movedTo} and a new one was created; nothing was deleted.`;
    logger.warn({ movedTo, reason }, 'profile database moved aside');
    return {
      db: openAndMigrate(file, migrations, logger, options),
      notices: [{ id: `storage.${reason}`, severity: 'warning', source: 'storage', message }],
    };
  }
}

function openAndMigrate(file: string, migrations: readonly Migration[], logger: Logger, options: OpenDatabaseOptions): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new UnusableDatabase('corrupt', `integrity check failed: ${String(check)}`);
    migrate(db, migrations, logger);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[], logger: Logger): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new UnusableDatabase('newer', `schema version ${current} is newer than ${latest}`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, Date.now());
      db.pragma(`user_version = ${migration.version}`);
    })();
    logger.info({ version: migration.version, name: migration.name }, 'database migrated');
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function moveAside(file: string, reason: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.${reason}-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}
