import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createHost, type Host } from '../../../src-main/host';
import { EnvironmentSecretStore } from '../../../src-main/services/secrets';
import { buildHelperScript } from './build-helper-script';

export const fixtureWorkspace = join(import.meta.dirname, '..', '..', 'fixtures', 'workspace');

export interface TestHost {
  host: Host;
  userDataDir: string;
  workspaceRoot: string;
  /** Every log line the host wrote, parsed. */
  logLines: Record<string, unknown>[];
}

/** A real host on a fresh profile and a private copy of the fixture workspace. */
export async function startTestHost(env: Record<string, string> = {}): Promise<TestHost> {
  const scratch = mkdtempSync(join(tmpdir(), 'lathe-host-'));
  const workspaceRoot = join(scratch, 'workspace');
  cpSync(fixtureWorkspace, workspaceRoot, { recursive: true });
  const userDataDir = join(scratch, 'profile');
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const host = await createHost({
    shell: 'browser',
    userDataDir,
    workspaceRoot,
    secrets: new EnvironmentSecretStore(env),
    version: '0.0.0-test',
    logger: pino({ level: 'debug' }, sink),
    planWorkerPath: await buildHelperScript('src-main/services/ai/plan-worker.ts', 'esm'),
  });
  return { host, userDataDir, workspaceRoot, logLines };
}
