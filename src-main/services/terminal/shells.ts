import { basename } from 'node:path';
import { LatheError, type TerminalProfile } from '../../../src-shared/contract';
import { findExecutable } from '../../lib/find-executable';

export { findExecutable };

const posixCandidates: { name: string; path: string; args?: string[] }[] = [
  { name: 'bash', path: '/bin/bash' },
  { name: 'zsh', path: '/bin/zsh' },
  { name: 'fish', path: 'fish' },
  { name: 'pwsh', path: 'pwsh' },
  { name: 'sh', path: '/bin/sh' },
];

const windowsCandidates: { name: string; path: string; args?: string[] }[] = [
  { name: 'PowerShell', path: 'pwsh.exe' },
  { name: 'Windows PowerShell', path: 'powershell.exe' },
  { name: 'Command Prompt', path: 'cmd.exe' },
  { name: 'Git Bash', path: 'C:\\Program Files\\Git\\bin\\bash.exe', args: ['--login', '-i'] },
];

/** The shells found on this machine; on POSIX the user's $SHELL comes first. */
export async function detectProfiles(env: NodeJS.ProcessEnv = process.env): Promise<TerminalProfile[]> {
  const found: TerminalProfile[] = [];
  const seen = new Set<string>();
  const add = async (name: string, path: string, args: string[] = []): Promise<void> => {
    const resolved = await findExecutable(path, env);
    if (!resolved || seen.has(name)) return;
    seen.add(name);
    found.push({ name, path: resolved, args });
  };
  if (process.platform === 'win32') {
    for (const candidate of windowsCandidates) await add(candidate.name, candidate.path, candidate.args);
    return found;
  }
  if (env.SHELL) await add(basename(env.SHELL), env.SHELL);
  for (const candidate of posixCandidates) await add(candidate.name, candidate.path, candidate.args);
  return found;
}

/** Detected shells with the user's profiles on top (same name: the user's wins). */
export function mergeProfiles(detected: TerminalProfile[], configured: TerminalProfile[]): TerminalProfile[] {
  const byName = new Map(detected.map((profile) => [profile.name, profile]));
  for (const profile of configured) byName.set(profile.name, profile);
  return [...byName.values()];
}

/** The name of the profile to use: the setting when it names one, else the first detected. */
export function defaultProfileName(profiles: TerminalProfile[], configured: string): string {
  if (configured && profiles.some((profile) => profile.name === configured)) return configured;
  return profiles[0]?.name ?? '';
}

/** Variables the pty host must not hand to a shell. */
const internalVariables = ['ELECTRON_RUN_AS_NODE', 'ELECTRON_NO_ATTACH_CONSOLE', 'NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE', 'LATHE_TOKEN'];

/** The environment a terminal's shell starts with: the host's, TERM_PROGRAM=lathe, and a UTF-8 locale. */
export function terminalEnvironment(base: NodeJS.ProcessEnv, version: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined && !internalVariables.includes(key)) env[key] = value;
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  env.TERM_PROGRAM = 'lathe';
  env.TERM_PROGRAM_VERSION = version;
  if (process.platform !== 'win32') {
    const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
    if (!/utf-?8/i.test(locale)) {
      // Only the character type is changed; messages, dates and collation keep the user's locale.
      if (env.LC_ALL) delete env.LC_ALL;
      env.LC_CTYPE = process.platform === 'darwin' ? 'UTF-8' : 'C.UTF-8';
    }
  }
  return { ...env, ...extra };
}

/** Resolves a shell path to an executable or fails with NOT_FOUND, before a pty is made for it. */
export async function requireExecutable(file: string, env: NodeJS.ProcessEnv): Promise<string> {
  const resolved = await findExecutable(file, env);
  if (!resolved) throw new LatheError('NOT_FOUND', `The shell "${file.slice(0, 300)}" does not exist or cannot be run`);
  return resolved;
}
