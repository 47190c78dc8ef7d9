import type { RuleText } from './context-files';
import { withRules } from './prompts';
import type { ProviderMessage } from './provider';
import { joinContext } from './tokens';

/** What a commit message is written from (the host reads it from git). */
export interface StagedChanges {
  /** Every staged change as one unified diff. */
  diff: string;
  /** The diff was cut at the length asked for. */
  truncated: boolean;
  /** Subjects of the latest commits, newest first. */
  recentSubjects: string[];
}

/** The most of the staged diff a model reads (less when its window is smaller). */
export const maxCommitDiffChars = 60_000;

const commitInstructions =
  'You write git commit messages. The first line is a subject of at most 72 characters in the Conventional Commits form ' +
  '"type(scope): summary" (feat, fix, refactor, perf, docs, test, build, ci, chore), in the imperative; when the recent subjects ' +
  'of the repository follow another style, follow theirs instead. If the change needs explaining, add a blank line and a short body ' +
  'wrapped at 72 columns that says what changed and why. Answer with the message only: no Markdown fences, no quotes, nothing before or after it.';

/** The request for a commit message: the diff is the last message's context, so a small window cuts it rather than failing. */
export function commitMessageRequest(changes: StagedChanges, rules: RuleText[]): { messages: ProviderMessage[]; lastContext: { context: string; text: string } } {
  const cut = changes.truncated ? ` (cut short: only its first ${maxCommitDiffChars} characters are shown)` : '';
  const context = `The staged changes${cut}:\n\n${changes.diff}`;
  const subjects = changes.recentSubjects.length > 0 ? `Recent commit subjects, newest first:\n${changes.recentSubjects.map((subject) => `- ${subject}`).join('\n')}\n\n` : '';
  const text = `${subjects}Write the commit message for these staged changes.`;
  return {
    messages: [
      { role: 'system', content: withRules(commitInstructions, rules) },
      { role: 'user', content: joinContext(context, text) },
    ],
    lastContext: { context, text },
  };
}
