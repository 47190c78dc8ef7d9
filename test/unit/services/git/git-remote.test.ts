import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitBackendKind, GitSyncChunk } from '../../../../src-shared/contract';
import type { GitService } from '../../../../src-main/services/git';
import { collect, expectGitError, git, makeRepository, makeService, MemorySecrets, scratch, write } from './git-fixtures';
import { startGitHttpServer, type GitHttpServer } from './git-http-server';

const username = 'lathe';
const password = 'correct horse';
const projectRoot = scratch('served');
let server: GitHttpServer;

beforeAll(async () => {
  process.env.NO_PROXY = '127.0.0.1';
  server = await startGitHttpServer(projectRoot, username, password);
});

afterAll(async () => {
  await server.close();
});

const signal = (): AbortSignal => new AbortController().signal;

describe.each<GitBackendKind>(['native', 'isomorphic'])('fetch, pull and push over HTTP with the %s back-end', (backend) => {
  const bare = join(projectRoot, `${backend}.git`);
  let clone: string;
  let service: GitService;
  let secrets: MemorySecrets;

  /** Another developer's commit, pushed straight into the served repository. */
  const commitElsewhere = (file: string, content: string): string => {
    const other = join(scratch('other'), 'work');
    git(projectRoot, 'clone', '-q', bare, other);
    write(other, file, content);
    git(other, 'add', '-A');
    git(other, 'commit', '-qm', `elsewhere: ${file}`);
    git(other, 'push', '-q', 'origin', 'main');
    return git(other, 'rev-parse', 'HEAD').trim();
  };

  beforeAll(async () => {
    const seed = makeRepository({ 'readme.md': 'hello\n' });
    git(projectRoot, 'clone', '-q', '--bare', seed, bare);
    clone = join(scratch('clone'), 'work');
    git(projectRoot, 'clone', '-q', bare, clone);
    git(clone, 'remote', 'set-url', 'origin', `${server.origin}/${backend}.git`);
    git(clone, 'config', 'user.name', 'Test Author');
    git(clone, 'config', 'user.email', 'author@example.com');
    secrets = new MemorySecrets();
    service = await makeService(clone, backend, secrets);
  });

  it('fails with a typed error naming the host when credentials are missing or wrong', async () => {
    write(clone, 'readme.md', 'hello again\n');
    git(clone, 'commit', '-qam', 'local');
    const missing = await expectGitError(collect(service.push(undefined, false, signal())), 'PERMISSION_DENIED', 'authentication');
    expect(missing.details?.host ?? server.host).toBe(server.host);
    await service.setCredentials(server.host, username, 'wrong');
    await expectGitError(collect(service.push(undefined, false, signal())), 'PERMISSION_DENIED', 'authentication');
    expect(git(bare, 'rev-parse', 'main').trim()).not.toBe(git(clone, 'rev-parse', 'HEAD').trim());
  });

  it('pushes with the stored credentials', async () => {
    await service.setCredentials(server.host, username, password);
    const chunks: GitSyncChunk[] = await collect(service.push(undefined, false, signal()));
    expect(chunks[chunks.length - 1]?.kind).toBe('done');
    expect(git(bare, 'rev-parse', 'main').trim()).toBe(git(clone, 'rev-parse', 'HEAD').trim());
    expect([...secrets.values.values()].join()).toContain(username);
  });

  it('fetches (behind by one), then pulls the remote commit', async () => {
    const remoteOid = commitElsewhere('theirs.txt', 'theirs\n');
    await collect(service.fetch(undefined, false, signal()));
    expect((await service.status()).status?.head).toMatchObject({ upstream: 'origin/main', ahead: 0, behind: 1 });
    await collect(service.pull(false, signal()));
    expect(git(clone, 'rev-parse', 'HEAD').trim()).toBe(remoteOid);
    expect((await service.status()).status?.head).toMatchObject({ ahead: 0, behind: 0 });
  });

  it('reports a rejected push and changes nothing on the remote', async () => {
    const remoteOid = commitElsewhere('again.txt', 'again\n');
    write(clone, 'mine.txt', 'mine\n');
    git(clone, 'add', '-A');
    git(clone, 'commit', '-qm', 'diverging');
    const rejected = await expectGitError(collect(service.push(undefined, false, signal())), 'CONFLICT', 'pushRejected');
    expect(rejected.message.length).toBeGreaterThan(10);
    expect(git(bare, 'rev-parse', 'main').trim()).toBe(remoteOid);
  });

  it('pulls with rebase onto the diverged upstream (isomorphic-git cannot, and changes nothing)', async () => {
    const before = git(clone, 'rev-parse', 'HEAD').trim();
    if (backend === 'isomorphic') {
      await expectGitError(collect(service.pull(true, signal())), 'UNSUPPORTED', 'unsupported');
      expect(git(clone, 'rev-parse', 'HEAD').trim()).toBe(before);
      return;
    }
    await collect(service.pull(true, signal()));
    expect(git(clone, 'log', '--format=%P', '-1').trim().split(' ')).toEqual([git(clone, 'rev-parse', 'origin/main').trim()]);
    await collect(service.push(undefined, false, signal()));
    expect(git(bare, 'rev-parse', 'main').trim()).toBe(git(clone, 'rev-parse', 'HEAD').trim());
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectGitError(collect(service.fetch(undefined, false, controller.signal)), 'CANCELLED');
  });
});
