// Builds better-sqlite3 for the installed Electron's ABI into out/native/electron-<version>/, beside
// the Node build that tests use (node_modules keeps the Node one). Needs Electron's headers: online.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function ensureElectronSqlite(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  const target = join(root, 'out', 'native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return { ok: true };
  const nodeGyp = process.env.npm_execpath ? join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : undefined;
  if (!nodeGyp || !existsSync(nodeGyp)) return { ok: false, reason: "node-gyp was not found; run this through npm (npm start)" };
  const work = mkdtempSync(join(tmpdir(), 'lathe-sqlite-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (source) => !source.startsWith(join(root, 'node_modules', 'better-sqlite3', 'build')) });
    console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
    const build = spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: work, stdio: 'inherit' },
    );
    if (build.status !== 0) return { ok: false, reason: `node-gyp could not build better-sqlite3 for Electron ${version}` };
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return { ok: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
