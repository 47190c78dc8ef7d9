import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { repoRoot, startLathe, type RunningLathe } from './lathe-server';

/**
 * Each test file gets its own Lathe: a private copy of the fixture workspace and a fresh profile, so
 * what one file opens, saves or renames never shows up in another. (Chromium is shared by the run.)
 */
const scratch = mkdtempSync(join(tmpdir(), 'lathe-e2e-'));
export const workspaceDir = join(scratch, 'fixture-workspace');
export const userDataDir = join(scratch, 'profile');
cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspaceDir, { recursive: true });

let lathe: Promise<RunningLathe> | undefined;

/** The URL of this file's Lathe, started on first use. */
export async function latheUrl(): Promise<string> {
  lathe ??= startLathe(workspaceDir, userDataDir);
  return (await lathe).url;
}

/**
 * Kills this file's Lathe the way a crash would (SIGKILL: no shutdown, no flush) and starts it
 * again on the same workspace and profile. Pages opened afterwards reach the new one.
 */
export async function crashAndRestartLathe(): Promise<void> {
  const running = await lathe;
  if (running) {
    const exited = new Promise((resolve) => running.process.once('exit', resolve));
    running.process.kill('SIGKILL');
    await exited;
  }
  lathe = startLathe(workspaceDir, userDataDir);
  await lathe;
}

afterAll(async () => {
  await (await lathe)?.stop();
});
