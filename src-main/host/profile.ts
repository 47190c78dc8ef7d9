import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The value of `--name=value` or `--name value` in argv, if given. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === `--${name}`) return argv[index + 1];
    if (argument.startsWith(`--${name}=`)) return argument.slice(name.length + 3);
  }
  return undefined;
}

/** The profile folder: `--user-data-dir`, then `LATHE_USER_DATA`, then the shell's default. */
export function resolveUserDataDir(options: { argv: readonly string[]; env: NodeJS.ProcessEnv; fallback: string }): string {
  const chosen = flagValue(options.argv, 'user-data-dir') ?? options.env.LATHE_USER_DATA;
  return resolve(chosen && chosen.length > 0 ? chosen : options.fallback);
}

/** Where browser mode keeps its profile when none is given (the OS's per-user config folder). */
export function defaultUserDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lathe');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lathe');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'lathe');
}

const flagsWithValues = new Set(['--user-data-dir', '--port']);

/**
 * The folder to open: the first positional argument, as an absolute path, or null when none is given.
 * `argv` holds the user's arguments only (no executable or script path).
 */
export function resolveWorkspaceArg(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (flagsWithValues.has(argument)) {
      index += 1;
      continue;
    }
    if (argument.startsWith('-')) continue;
    const candidate = resolve(argument);
    let isFolder = false;
    try {
      isFolder = statSync(candidate).isDirectory();
    } catch {
      // reported below
    }
    if (!isFolder) throw new Error(`${candidate} is not a folder`);
    return candidate;
  }
  return null;
}
