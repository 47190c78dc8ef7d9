/**
 * Turns the `files.exclude` globs VS Code users write (`**∕node_modules`, `*.log`, `build/**`) into
 * one test on a workspace-relative path. Covers `**`, `*`, `?` and `{a,b}`; enough until the host filters.
 */
export function excludeMatcher(patterns: Record<string, boolean>): (path: string) => boolean {
  const expressions = Object.entries(patterns)
    .filter(([, enabled]) => enabled)
    .map(([glob]) => globToRegExp(glob));
  return (path) => expressions.some((expression) => expression.test(path));
}

function globToRegExp(pattern: string): RegExp {
  // `build/**` hides the folder itself too, not just what is inside it.
  const coversFolder = pattern.endsWith('/**');
  const glob = coversFolder ? pattern.slice(0, -3) : pattern;
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*' && glob.charAt(index + 1) === '*') {
      const slashAfter = glob.charAt(index + 2) === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      index += slashAfter ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', index);
      if (end < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(index + 1, end).split(',').map(escape).join('|')})`;
        index = end;
      }
    } else source += escape(char);
  }
  return new RegExp(`^${source}${coversFolder ? '(?:/.*)?' : ''}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
