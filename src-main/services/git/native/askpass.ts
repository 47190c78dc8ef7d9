import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Credentials } from '../backend';

// git asks "Username for 'https://host': " or "Password for 'https://user@host': ". Without stored
// credentials the script fails, so git gives up at once instead of waiting for a prompt nobody sees.
const script = `#!/bin/sh
[ -n "\${LATHE_GIT_PASSWORD+set}" ] || exit 1
case "$1" in
  Username*) printf '%s\\n' "$LATHE_GIT_USERNAME" ;;
  *) printf '%s\\n' "$LATHE_GIT_PASSWORD" ;;
esac
`;

/** The environment that answers git's credential prompts from the secrets store, through a script kept in the profile. */
export async function askpassEnvironment(directory: string, credentials: Credentials | undefined): Promise<Record<string, string>> {
  const path = join(directory, 'askpass.sh');
  // Rewritten only when missing or different: a running git may be executing it.
  if ((await readFile(path, 'utf8').catch(() => '')) !== script) {
    await mkdir(directory, { recursive: true });
    await writeFile(path, script, { mode: 0o700 });
  }
  return {
    GIT_ASKPASS: path,
    SSH_ASKPASS: path,
    ...(credentials ? { LATHE_GIT_USERNAME: credentials.username, LATHE_GIT_PASSWORD: credentials.password } : {}),
  };
}
