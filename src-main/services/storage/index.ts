export { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from './open-database';
export { profileMigrations, type Migration } from './migrations';
export { StateStore } from './state-store';
