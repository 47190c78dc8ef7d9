// `npm start`: builds, then launches the Electron app, or browser mode where no Electron binary exists.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-natives.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const run = (command, commandArgs) =>
  new Promise((resolve) => spawn(command, commandArgs, { cwd: root, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));

const buildCode = await run(process.execPath, [join(root, 'build', 'build.mjs')]);
if (buildCode !== 0) process.exit(buildCode);

const electron = findElectronBinary();
if (electron.path) {
  const natives = ensureElectronSqlite(root);
  if (!natives.ok) {
    console.error(`Cannot start the Electron app: ${natives.reason}. \`npm run serve -- <folder>\` starts browser mode.`);
    process.exit(1);
  }
  // Launched on the app folder, Electron takes its name, version and profile folder from package.json.
  process.exit(await run(electron.path, ['.', ...args]));
}
console.log(`No Electron binary here (${electron.reason}); starting browser mode instead.`);
process.exit(await run(process.execPath, [join(root, 'out', 'server', 'server.mjs'), ...(args.length > 0 ? args : ['.'])]));
