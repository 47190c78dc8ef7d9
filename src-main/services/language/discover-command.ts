import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import { findExecutable } from '../../lib/find-executable';
import type { ServerDefinition } from './server-definitions';

export type Discovery = { kind: 'found'; path: string } | { kind: 'missing'; message: string };

/** Runs `rustup which <tool>`: the tool's real path in the active toolchain, or undefined. */
export type RustupWhich = (tool: string, env: NodeJS.ProcessEnv) => Promise<string | undefined>;

export const rustupWhich: RustupWhich = (tool, env) =>
  new Promise((resolve) => {
    execFile('rustup', ['which', tool], { env, timeout: 10_000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });

/** rustup installs a proxy for each tool it knows, which fails when the component is not installed. */
async function isRustupProxy(path: string): Promise<boolean> {
  try {
    return basename(await realpath(path)).replace(/\.exe$/i, '') === 'rustup';
  } catch {
    return false;
  }
}

/** Finds the program a server runs, or explains how to get it. */
export async function discoverCommand(definition: ServerDefinition, env: NodeJS.ProcessEnv, which: RustupWhich = rustupWhich): Promise<Discovery> {
  if (definition.viaRustup) {
    const fromRustup = await which(definition.command, env);
    const found = fromRustup ? await findExecutable(fromRustup, env) : undefined;
    if (found) return { kind: 'found', path: found };
  }
  const onPath = await findExecutable(definition.command, env);
  // When rustup could not name the real program, its proxy on the PATH would only fail.
  if (onPath && !(definition.viaRustup && (await isRustupProxy(onPath)))) return { kind: 'found', path: onPath };
  return { kind: 'missing', message: `${definition.name} was not found (looked for "${definition.command}"). ${definition.installHint}` };
}
