import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, profileMigrations, StateStore, type Migration } from '../../../../src-main/services/storage';
import { silentLogger } from '../../helpers/silent-logger';

const freshFile = (): string => join(mkdtempSync(join(tmpdir(), 'lathe-db-')), 'lathe.db');

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys and records each migration', () => {
    const file = freshFile();
    const { db, notices } = openDatabase(file, profileMigrations, silentLogger);
    expect(notices).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(profileMigrations.at(-1)?.version);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(profileMigrations.map(({ version, name }) => ({ version, name })));
    db.close();
  });

  it('applies only the migrations a database has not seen, keeping its data', () => {
    const file = freshFile();
    const first = openDatabase(file, profileMigrations, silentLogger).db;
    new StateStore(first).set('layout', { sidebar: 240 });
    first.close();
    const next: Migration = { version: profileMigrations.length + 1, name: 'extra', up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT') };
    const { db } = openDatabase(file, [...profileMigrations, next], silentLogger);
    expect(new StateStore(db).get('layout')).toEqual({ sidebar: 240 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ name: 'extra' });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: profileMigrations.length + 1 });
    db.close();
  });

  it('rolls a failing migration back entirely and leaves the version unchanged', () => {
    const file = freshFile();
    openDatabase(file, profileMigrations, silentLogger).db.close();
    const broken: Migration = {
      version: profileMigrations.length + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (id INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openDatabase(file, [...profileMigrations, broken], silentLogger)).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(profileMigrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('moves a corrupt file aside, keeps its bytes, and starts fresh with a notice', () => {
    const file = freshFile();
    writeFileSync(file, 'this is not a database at all, just text that a crash left behind'.repeat(100));
    const { db, notices } = openDatabase(file, profileMigrations, silentLogger);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/moved to .*lathe\.db\.corrupt-.*nothing was deleted/);
    const aside = readdirSync(join(file, '..')).filter((name) => name.startsWith('lathe.db.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(new StateStore(db).get('anything')).toBeNull();
    db.close();
  });

  it('moves aside a database written by a newer version instead of downgrading it', () => {
    const file = freshFile();
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.exec('CREATE TABLE precious (v TEXT); INSERT INTO precious VALUES (\'keep me\')');
    future.close();
    const { db, notices } = openDatabase(file, profileMigrations, silentLogger);
    expect(notices[0]?.message).toMatch(/newer version of Lathe/);
    db.close();
    const asideName = readdirSync(join(file, '..')).find((name) => name.startsWith('lathe.db.newer-'));
    const aside = new Database(join(file, '..', asideName ?? 'missing'));
    expect(aside.prepare('SELECT v FROM precious').get()).toEqual({ v: 'keep me' });
    aside.close();
  });

  it('loads the addon named by nativeBinding, and refuses a path that is none', () => {
    const addon = join(import.meta.dirname, '..', '..', '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const { db } = openDatabase(freshFile(), profileMigrations, silentLogger, { nativeBinding: addon });
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
    expect(() => openDatabase(freshFile(), profileMigrations, silentLogger, { nativeBinding: '/nonexistent/better_sqlite3.node' })).toThrow();
  });
});
