import { resolve } from 'node:path';

/**
 * Where the user's own arguments start in `process.argv`. A packaged app is `[exe, ...args]`;
 * in development Electron runs `[electron, ...switches, app, ...args]`, where `app` is this bundle
 * or the folder holding package.json, and launchers may put Chromium switches before it.
 */
export function userArgsStart(argv: readonly string[], { isPackaged, appPaths }: { isPackaged: boolean; appPaths: readonly string[] }): number {
  if (isPackaged) return 1;
  const targets = new Set(appPaths.map((path) => resolve(path)));
  for (let index = 1; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (!argument.startsWith('-') && targets.has(resolve(argument))) return index + 1;
  }
  return Math.min(2, argv.length);
}

/** Switches whose value is the next argument, so that value is not mistaken for the folder. */
const switchesWithValues = new Set(['--user-data-dir']);

/**
 * The arguments for a relaunch that opens `folder`: everything as before (the profile, switches)
 * except the folder that was open, which `folder` replaces.
 */
export function argsForFolder(argv: readonly string[], start: number, folder: string): string[] {
  const kept = argv.slice(1, start);
  let replaced = false;
  for (let index = start; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (switchesWithValues.has(argument)) {
      kept.push(argument, ...argv.slice(index + 1, index + 2));
      index += 1;
      continue;
    }
    if (!replaced && !argument.startsWith('-')) {
      replaced = true;
      continue;
    }
    kept.push(argument);
  }
  return [...kept, resolve(folder)];
}
