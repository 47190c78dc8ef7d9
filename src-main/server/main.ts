import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHost } from '../host';
import { defaultUserDataDir, flagValue, resolveUserDataDir, resolveWorkspaceArg } from '../host/profile';
import { EnvironmentSecretStore } from '../services/secrets';
import { startBrowserModeServer } from './server';

/** Browser mode: `lathe-server [folder] [--port N] [--user-data-dir DIR]`. Built to out/server/server.mjs. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const here = dirname(fileURLToPath(import.meta.url));
  const appRoot = join(here, '..', '..');
  const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string };
  const port = Number(flagValue(args, 'port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${flagValue(args, 'port')}`);

  // The page and its scripts load while the host starts; the socket waits for the host.
  const starting = createHost({
    shell: 'browser',
    userDataDir: resolveUserDataDir({ argv: args, env: process.env, fallback: defaultUserDataDir(process.env, process.platform) }),
    workspaceRoot: resolveWorkspaceArg(args),
    secrets: new EnvironmentSecretStore(process.env),
    version,
    builtinPluginsDir: join(appRoot, 'plugins'),
  });
  const server = await startBrowserModeServer({ host: starting, rendererDir: join(appRoot, 'out', 'renderer'), port });
  process.stdout.write(`Lathe ${version} (browser mode) is ready at ${server.url}\n`);
  const host = await starting;

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => host.dispose())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Lathe could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
