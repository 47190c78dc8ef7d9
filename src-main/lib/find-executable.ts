import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/** Finds an executable: an absolute path as it is, a bare name on PATH (with PATHEXT on Windows). */
export async function findExecutable(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const isWindows = process.platform === 'win32';
  const extensions = isWindows ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')] : [''];
  const candidates = isAbsolute(file) || file.includes('/') || (isWindows && file.includes('\\'))
    ? extensions.map((extension) => file + extension)
    : (env.PATH ?? env.Path ?? '')
        .split(delimiter)
        .filter(Boolean)
        .flatMap((folder) => extensions.map((extension) => join(folder, file + extension)));
  for (const candidate of candidates) {
    try {
      const info = await stat(candidate);
      if (!info.isFile()) continue;
      if (!isWindows) await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}
