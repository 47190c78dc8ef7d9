import type { Credentials } from './backend';
import { credentialHost } from './remote-url';

/** The part of the secrets store that git credentials need. */
export interface GitSecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** HTTPS credentials per host (`host[:port]`), kept in the secrets store as JSON. */
export class GitCredentialStore {
  constructor(private readonly secrets: GitSecretStore) {}

  /** Credentials for a remote URL, or undefined (also for non-HTTP remotes and unreadable entries). */
  readonly lookup = async (url: string): Promise<Credentials | undefined> => {
    const host = credentialHost(url);
    if (!host) return undefined;
    const stored = await this.secrets.get(secretKey(host));
    if (!stored) return undefined;
    try {
      const parsed = JSON.parse(stored) as Partial<Credentials>;
      return typeof parsed.username === 'string' && typeof parsed.password === 'string' ? { username: parsed.username, password: parsed.password } : undefined;
    } catch {
      return undefined;
    }
  };

  set(host: string, credentials: Credentials): Promise<void> {
    return this.secrets.set(secretKey(host), JSON.stringify(credentials));
  }

  delete(host: string): Promise<void> {
    return this.secrets.delete(secretKey(host));
  }
}

/** Secret keys allow letters, digits, dot, dash and underscore: the port's colon becomes an underscore. */
function secretKey(host: string): string {
  return `git.https.${host.toLowerCase().replace(/[^a-z0-9.-]/g, '_')}`.slice(0, 128);
}
