import { execFile } from 'node:child_process';
import { arch, platform, userInfo } from 'node:os';
import { basename } from 'node:path';
import type { PipelineRun, PipelineSummary } from '../../../../src-shared/contract';

/** What git says about the workspace, for `github.sha`, `github.ref` and friends (empty outside a repository). */
export interface GitFacts {
  sha: string;
  branch: string;
}

export async function readGitFacts(cwd: string): Promise<GitFacts> {
  const git = (args: string[]): Promise<string> =>
    new Promise((resolve) => execFile('git', args, { cwd, timeout: 5000 }, (error, stdout) => resolve(error ? '' : stdout.trim())));
  const [sha, branch] = await Promise.all([git(['rev-parse', 'HEAD']), git(['rev-parse', '--abbrev-ref', 'HEAD'])]);
  return { sha, branch: branch === 'HEAD' ? '' : branch };
}

/** GitHub's names for this machine (`runner.os`, `runner.arch`). */
export function runnerPlatform(container: boolean): { os: string; arch: string } {
  const os = container ? 'Linux' : ({ linux: 'Linux', darwin: 'macOS', win32: 'Windows' } as Record<string, string>)[platform()] ?? platform();
  const cpu = ({ x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' } as Record<string, string>)[arch()] ?? arch();
  return { os, arch: cpu };
}

/**
 * The `github` context of a run. A GitHub workflow run here behaves as on a push (what most CI checks
 * expect before you push); a Lathe pipeline names its own trigger.
 */
export function githubContext(run: PipelineRun, summary: PipelineSummary, workspace: string, git: GitFacts): Record<string, unknown> {
  const actor = safeUser();
  const eventName = summary.kind === 'github' ? 'push' : run.trigger;
  return {
    action: '',
    actor,
    triggering_actor: actor,
    api_url: 'https://api.github.com',
    server_url: 'https://github.com',
    graphql_url: 'https://api.github.com/graphql',
    event: {},
    event_name: eventName,
    ref: git.branch ? `refs/heads/${git.branch}` : '',
    ref_name: git.branch,
    ref_type: 'branch',
    base_ref: '',
    head_ref: '',
    repository: `${actor}/${basename(workspace)}`,
    repository_owner: actor,
    run_id: run.id,
    run_number: String(run.number),
    run_attempt: '1',
    sha: git.sha,
    token: '',
    workflow: summary.name,
    workflow_ref: summary.id,
    workspace,
    retention_days: '0',
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'lathe';
  }
}
