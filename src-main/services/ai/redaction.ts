import { pathMatcher } from '../../../src-shared/globs';

/** Files never attached to a request unless the user allows that one file explicitly. */
export const sensitiveFileGlobs = ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*', '**/id_ecdsa*', '**/id_dsa*'] as const;

/**
 * Reads `.lathe/ai-ignore` lines like .gitignore: `#` comments, blank lines skipped; a pattern without a
 * slash matches at any depth, one with a leading slash only at the root.
 */
export function parseIgnoreFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      if (line.startsWith('/')) return line.slice(1);
      return line.replace(/\/$/, '').includes('/') ? line : `**/${line}`;
    });
}

export function sensitivePathMatcher(ignorePatterns: readonly string[]): (path: string) => boolean {
  return pathMatcher([...sensitiveFileGlobs, ...ignorePatterns]);
}

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** The capture group holding the secret; the whole match when absent. */
  group?: number;
  accepts?: (value: string) => boolean;
}

// Known token shapes first, then generic `name = value` assignments of secret-sounding names.
const secretPatterns: SecretPattern[] = [
  { kind: 'private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g },
  { kind: 'anthropic key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'openai key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'github token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g },
  { kind: 'gitlab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'aws access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'google api key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'stripe key', pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{20,}/g },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: 'bearer token', pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/g, group: 1 },
  { kind: 'url password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]{3,})@/gi, group: 1 },
  {
    kind: 'secret',
    pattern:
      /\b[\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth)[\w.-]*["']?\s*[:=]\s*["']?([A-Za-z0-9_\-+/=.!@#$%^&*~]{8,})(?![\w(])/gi,
    group: 1,
    // A value from code (`token = store.get_token`) is not a secret: ask for letters and digits mixed.
    accepts: (value) => /\d/.test(value) && /[A-Za-z]/.test(value) && !/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(value),
  },
];

/**
 * Replaces secret-looking strings with `[REDACTED <kind>]` before text leaves the machine; returns how
 * many were masked. Placeholders such as `${VAR}` or `<your-key>` are left alone.
 */
export function maskSecrets(text: string): { text: string; count: number } {
  let count = 0;
  let result = text;
  for (const { kind, pattern, group, accepts } of secretPatterns) {
    result = result.replace(pattern, (match: string, ...captures: unknown[]) => {
      const secret = group === undefined ? match : captures[group - 1];
      if (typeof secret !== 'string' || secret.startsWith('[REDACTED') || looksLikePlaceholder(secret)) return match;
      if (accepts && !accepts(secret)) return match;
      count += 1;
      const replacement = `[REDACTED ${kind}]`;
      return group === undefined ? replacement : match.replace(secret, replacement);
    });
  }
  return { text: result, count };
}

function looksLikePlaceholder(value: string): boolean {
  return /^(?:\$\{?[A-Za-z_][\w]*\}?|<[^>]*>|\*+|x+|\.\.\.|process\.env\.\w+|os\.environ.*|env\(.*)$/i.test(value);
}
