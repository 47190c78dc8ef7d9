import { readFile } from 'node:fs/promises';
import { LatheError } from '../../../src-shared/contract';
import { writeFileAtomic } from '../../lib/atomic-write';

/** Where API keys and tokens live. Values never leave main except to the code that needs them. */
export interface SecretStore {
  isSet(key: string): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The part of Electron's safeStorage the encrypted store needs (passed in, so this file imports no electron). */
export interface StringEncryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Secrets encrypted with a key that the OS keychain holds (Electron's safeStorage), kept as
 * base64 blobs in one file of the profile. Without a keychain nothing is stored.
 */
export class EncryptedFileSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    private readonly encryptor: StringEncryptor,
  ) {}

  async isSet(key: string): Promise<boolean> {
    return key in (await this.load());
  }

  async get(key: string): Promise<string | undefined> {
    const blob = (await this.load())[key];
    return blob === undefined ? undefined : this.encryptor.decryptString(Buffer.from(blob, 'base64'));
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.encryptor.isEncryptionAvailable()) {
      throw new LatheError('UNAVAILABLE', 'No OS keychain is available to protect secrets; nothing was stored');
    }
    const blobs = await this.load();
    blobs[key] = this.encryptor.encryptString(value).toString('base64');
    await writeFileAtomic(this.file, JSON.stringify(blobs), { mode: 0o600 });
  }

  async delete(key: string): Promise<void> {
    const blobs = await this.load();
    if (!(key in blobs)) return;
    delete blobs[key];
    await writeFileAtomic(this.file, JSON.stringify(blobs), { mode: 0o600 });
  }

  private async load(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as Record<string, string>;
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    const blobs = Object.create(null) as Record<string, string>;
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') blobs[key] = value;
    }
    return blobs;
  }
}

/**
 * Browser mode has no keychain: secrets come from the environment (`OPENAI_API_KEY` for the key
 * `openai.apiKey`, and `LATHE_SECRET_<KEY>` for any key). Values set in the UI live in memory
 * for this launch only, and the user is told so.
 */
export class EnvironmentSecretStore implements SecretStore {
  private readonly session = new Map<string, string>();

  constructor(
    private readonly env: Record<string, string | undefined>,
    private readonly aliases: Record<string, string> = defaultEnvironmentAliases,
  ) {}

  async isSet(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async get(key: string): Promise<string | undefined> {
    return this.session.get(key) ?? this.fromEnvironment(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.session.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.session.delete(key);
    if (this.fromEnvironment(key) !== undefined) {
      throw new LatheError('UNSUPPORTED', `The secret ${key} comes from the environment; unset the variable to remove it`);
    }
  }

  private fromEnvironment(key: string): string | undefined {
    const alias = this.aliases[key];
    const value = (alias ? this.env[alias] : undefined) ?? this.env[`LATHE_SECRET_${key.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`];
    return value === '' ? undefined : value;
  }
}

export const defaultEnvironmentAliases: Record<string, string> = {
  'openai.apiKey': 'OPENAI_API_KEY',
  'anthropic.apiKey': 'ANTHROPIC_API_KEY',
};
