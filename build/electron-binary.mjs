// Where the Electron binary is, or why there is none. Shared by `npm start` and the Electron smoke test.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findElectronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: `the electron package names ${String(path)}, which does not exist` };
  } catch {
    return { reason: 'the electron package was installed without its binary, offline or with ELECTRON_SKIP_BINARY_DOWNLOAD=1' };
  }
}
