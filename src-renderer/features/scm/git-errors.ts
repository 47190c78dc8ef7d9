import { gitErrorDetailsSchema, toLatheErrorData, type GitErrorDetails, type GitErrorReason } from '../../../src-shared/contract';
import { runCommand } from '../../app/commands';
import { host } from '../../platform/host';
import { notify, type NotificationAction } from '../notifications';
import { promptText } from './prompts';

/** A failed git call: git's own words, and why (when the service could tell). */
export interface GitFailure {
  message: string;
  code: string;
  details: GitErrorDetails | null;
}

export function gitFailure(error: unknown): GitFailure {
  const data = toLatheErrorData(error);
  const details = gitErrorDetailsSchema.safeParse(data.details);
  return { message: data.message, code: data.code, details: details.success ? details.data : null };
}

export function failureReason(error: unknown): GitErrorReason | null {
  return gitFailure(error).details?.reason ?? null;
}

interface ReportOptions {
  /** Runs the same call again: offered where the next step may fix it (credentials, a lock gone). */
  retry?(): Promise<void>;
}

const identityHelp =
  'Make sure you configure your "user.name" and "user.email" in git: git config --global user.name "Your Name" and git config --global user.email "you@example.com".';

/**
 * Shows why a git call failed, in git's words, with the next step its reason calls for: initialize a
 * folder that is no repository, enter credentials the remote asked for, pull before pushing again…
 */
export function reportGitError(title: string, error: unknown, options: ReportOptions = {}): void {
  const failure = gitFailure(error);
  const message = `${title}: ${failure.message}`;
  const actions: NotificationAction[] = [];
  const retry = options.retry;
  const retryAction = retry ? [{ label: 'Retry', run: () => retry() }] : [];
  switch (failure.details?.reason) {
    case 'notRepository':
      actions.push({ label: 'Initialize Repository', run: () => runCommand('git.init') });
      break;
    case 'identityUnknown':
      notify({ severity: 'error', message: `${message} ${identityHelp}` });
      return;
    case 'authentication': {
      const remoteHost = failure.details.host;
      if (remoteHost && retry) actions.push({ label: 'Enter Credentials', run: () => askCredentialsAndRetry(remoteHost, retry) });
      break;
    }
    case 'pushRejected':
      actions.push({ label: 'Pull', run: () => runCommand('git.pull') });
      break;
    case 'conflicts':
    case 'unmerged':
      actions.push({ label: 'Show Changes', run: () => runCommand('workbench.view.scm') });
      break;
    case 'dirtyWorktree':
      actions.push({ label: 'Stash Changes', run: () => runCommand('git.stash') });
      break;
    case 'noRemote':
      notify({ severity: 'error', message: `${message} Add one with: git remote add origin <url>.` });
      return;
    case 'locked':
    case 'network':
      actions.push(...retryAction);
      break;
    default:
      break;
  }
  notify({ severity: 'error', message, actions });
}

/** Asks for a user name and a password (or token) for a host, stores them, and runs the call again. */
async function askCredentialsAndRetry(remoteHost: string, retry: () => Promise<void>): Promise<void> {
  const username = await promptText({ placeholder: `User name for ${remoteHost}`, describe: (value) => (value ? `Sign in to ${remoteHost} as '${value}'` : `User name for ${remoteHost}`) });
  if (username === undefined) return;
  const password = await promptText({
    placeholder: `Password or token for ${username}@${remoteHost}`,
    describe: () => `Password or token for ${username}@${remoteHost}`,
    password: true,
    validate: (value) => (value === '' ? 'Enter a password or token' : null),
  });
  if (password === undefined) return;
  try {
    await host().git.setCredentials({ host: remoteHost, username, password });
  } catch (error) {
    reportGitError('Could not store the credentials', error);
    return;
  }
  await retry();
}
