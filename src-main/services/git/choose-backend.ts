import { execFile } from 'node:child_process';
import type { GitBackendKind } from '../../../src-shared/contract';

export type GitBackendSetting = 'auto' | GitBackendKind;

const probes = new Map<string, Promise<boolean>>();

/** Whether `git --version` runs (asked once per executable and process). */
export function nativeGitWorks(gitPath: string): Promise<boolean> {
  let probe = probes.get(gitPath);
  if (!probe) {
    probe = new Promise((resolve) => {
      execFile(gitPath, ['--version'], { timeout: 5000, windowsHide: true }, (error, stdout) => resolve(!error && /^git version /.test(stdout)));
    });
    probes.set(gitPath, probe);
  }
  return probe;
}

/** `auto` picks the installed git when it runs, else the built-in isomorphic-git. */
export async function chooseBackend(setting: GitBackendSetting, gitPath: string): Promise<GitBackendKind> {
  if (setting !== 'auto') return setting;
  return (await nativeGitWorks(gitPath)) ? 'native' : 'isomorphic';
}
