import type { ErrorCode, GitErrorReason } from '../../../../src-shared/contract';
import type { LatheError } from '../../../../src-shared/contract';
import { gitError, gitWords } from '../git-error';
import type { GitProcessError } from './run-git';

interface Rule {
  pattern: RegExp;
  code: ErrorCode;
  reason?: GitErrorReason;
}

// Checked in order, against git's English messages (LC_ALL=C); the first match wins.
const rules: Rule[] = [
  { pattern: /not a git repository/i, code: 'NOT_FOUND', reason: 'notRepository' },
  { pattern: /must be run in a work tree|bare repository/i, code: 'UNSUPPORTED', reason: 'bareRepository' },
  { pattern: /unable to create '.*\.lock'|\.lock': file exists|another git process seems to be running/i, code: 'CONFLICT', reason: 'locked' },
  { pattern: /index file corrupt|bad signature 0x|bad index file|index file smaller than expected|unknown index entry format/i, code: 'UNAVAILABLE', reason: 'corruptIndex' },
  { pattern: /dubious ownership/i, code: 'PERMISSION_DENIED' },
  {
    pattern: /authentication failed|could not read (username|password)|terminal prompts disabled|invalid username or password|access denied|returned error: 40[13]/i,
    code: 'PERMISSION_DENIED',
    reason: 'authentication',
  },
  { pattern: /\[rejected\]|\[remote rejected\]|failed to push some refs|non-fast-forward/i, code: 'CONFLICT', reason: 'pushRejected' },
  { pattern: /would be overwritten by|your local changes to the following files|you have unstaged changes|please commit or stash them/i, code: 'CONFLICT', reason: 'dirtyWorktree' },
  { pattern: /you have unmerged paths|is unmerged|needs merge|resolve your current index first|unmerged files/i, code: 'CONFLICT', reason: 'unmerged' },
  { pattern: /^CONFLICT \(|automatic merge failed|fix conflicts and then|could not apply|conflicts in index/im, code: 'CONFLICT', reason: 'conflicts' },
  { pattern: /nothing to commit|no changes added to commit|nothing added to commit/i, code: 'CONFLICT', reason: 'nothingToCommit' },
  { pattern: /does not have any commits yet|bad (default )?revision 'HEAD'|ambiguous argument 'HEAD'|you do not have the initial commit yet/i, code: 'NOT_FOUND', reason: 'emptyRepository' },
  { pattern: /no tracking information|no upstream configured|has no upstream branch|no upstream branch/i, code: 'NOT_FOUND', reason: 'noUpstream' },
  { pattern: /no such remote|does not appear to be a git repository|no configured push destination|no remote repository specified/i, code: 'NOT_FOUND', reason: 'noRemote' },
  { pattern: /is not fully merged/i, code: 'CONFLICT', reason: 'notMerged' },
  { pattern: /already exists/i, code: 'CONFLICT', reason: 'alreadyExists' },
  { pattern: /is not a valid branch name|not a valid (ref|branch) name|invalid refspec|invalid branch name/i, code: 'INVALID_INPUT', reason: 'invalidName' },
  { pattern: /please tell me who you are|unable to auto-detect email address|empty ident name/i, code: 'UNAVAILABLE', reason: 'identityUnknown' },
  { pattern: /could not resolve host|failed to connect|connection refused|couldn't connect|timed out|unable to access/i, code: 'UNAVAILABLE', reason: 'network' },
  { pattern: /empty commit message/i, code: 'INVALID_INPUT' },
  { pattern: /checked out at|cannot delete (the )?branch|not currently on a branch|detached head/i, code: 'CONFLICT' },
  {
    pattern: /did not match any|not a valid object name|unknown revision|bad revision|invalid reference|no such path|does not exist|not found|no stash entries|is not a valid reference|not a stash-like commit/i,
    code: 'NOT_FOUND',
  },
  { pattern: /permission denied|read-only file system/i, code: 'PERMISSION_DENIED' },
];

/** Turns a failed git run into a typed error whose message is git's own. */
export function classifyGitFailure(failure: GitProcessError): LatheError {
  const words = gitWords([failure.stderr, failure.stdout].filter((text) => text.trim()).join('\n')) || `exit code ${failure.exitCode}`;
  const command = failure.args.find((arg) => !arg.startsWith('-')) ?? 'git';
  const message = `git ${command}: ${words}`;
  for (const rule of rules) {
    if (rule.pattern.test(words)) return gitError(rule.code, message, rule.reason);
  }
  return gitError('UNAVAILABLE', message);
}
