import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { gitError } from '../git-error';

export interface Identity {
  name: string;
  email: string;
}

/** `[user]` name and email of a git config file, read simply (isomorphic-git reads only the repository's). */
function userSection(text: string): Partial<Identity> {
  const found: Partial<Identity> = {};
  let inUser = false;
  for (const line of text.split('\n')) {
    const section = /^\s*\[([^\]]+)\]/.exec(line);
    if (section) {
      inUser = (section[1] ?? '').trim().toLowerCase() === 'user';
      continue;
    }
    const entry = inUser ? /^\s*(name|email)\s*=\s*(.*?)\s*$/i.exec(line) : null;
    if (entry) found[(entry[1] ?? '').toLowerCase() as keyof Identity] = (entry[2] ?? '').replace(/^"(.*)"$/, '$1');
  }
  return found;
}

async function globalIdentity(): Promise<Partial<Identity>> {
  const home = homedir();
  const xdg = process.env.XDG_CONFIG_HOME || join(home, '.config');
  const files = [join(xdg, 'git', 'config'), join(home, '.gitconfig')];
  const found: Partial<Identity> = {};
  for (const file of files) Object.assign(found, userSection(await readFile(file, 'utf8').catch(() => '')));
  return found;
}

/** The author for commits: the repository's `user.name`/`user.email`, else the user's global git config. */
export async function commitIdentity(dir: string, gitdir: string): Promise<Identity> {
  const [name, email] = await Promise.all([
    git.getConfig({ fs, dir, gitdir, path: 'user.name' }) as Promise<string | undefined>,
    git.getConfig({ fs, dir, gitdir, path: 'user.email' }) as Promise<string | undefined>,
  ]);
  const fallback = name && email ? {} : await globalIdentity();
  const identity = { name: name || fallback.name, email: email || fallback.email };
  if (!identity.name || !identity.email) {
    throw gitError('UNAVAILABLE', 'Author identity unknown: please tell me who you are (set user.name and user.email)', 'identityUnknown');
  }
  return { name: identity.name, email: identity.email };
}
