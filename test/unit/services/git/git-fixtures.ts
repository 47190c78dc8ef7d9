import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { GitBackendKind, LatheErrorData } from '../../../../src-shared/contract';
import { GitService, type GitSecretStore } from '../../../../src-main/services/git';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';

/** An environment that keeps the user's git configuration out of the test repositories. */
export const isolatedGitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  LC_ALL: 'C',
};

// The service's own git runs inherit this process's environment: keep the user's config out of it too.
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

/** Runs the real git in a folder (test setup and checks only). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: isolatedGitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lathe-git-${prefix}-`));
}

/** A repository on `main` with the test identity and the given files in its first commit. */
export function makeRepository(files: Record<string, string> = { 'a.txt': 'one\ntwo\nthree\n' }, root = join(scratch('repo'), 'work')): string {
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Test Author');
  git(root, 'config', 'user.email', 'author@example.com');
  if (Object.keys(files).length > 0) {
    for (const [path, content] of Object.entries(files)) write(root, path, content);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'first');
  }
  return root;
}

export class MemorySecrets implements GitSecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

export async function makeService(
  root: string,
  backend: GitBackendKind,
  secrets: GitSecretStore = new MemorySecrets(),
): Promise<GitService> {
  return new GitService({
    guard: await PathGuard.create(root),
    settings: () => ({ backend, path: '', pullRebase: false, alwaysSignOff: false }),
    secrets,
    dataDirectory: scratch('profile'),
    logger: silentLogger,
  });
}

/** Expects a rejection with a LatheError of this code (and reason, when given). */
export async function expectGitError(promise: Promise<unknown>, code: LatheErrorData['code'], reason?: string): Promise<LatheErrorData & { details?: { reason?: string; host?: string; paths?: string[] } }> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}${reason ? ` (${reason})` : ''}, but the call succeeded`);
    },
    (failure: unknown) => failure as LatheErrorData & { details?: { reason?: string } },
  );
  expect(error.code, error.message).toBe(code);
  if (reason) expect(error.details?.reason, error.message).toBe(reason);
  return error;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
