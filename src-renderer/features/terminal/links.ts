/** A file location found in a line of terminal output. */
export interface FileLink {
  /** UTF-16 index of the first character of the link text in the line. */
  start: number;
  /** UTF-16 index just past the link text. */
  end: number;
  text: string;
  path: string;
  line: number | undefined;
  column: number | undefined;
}

// A path: optional drive, `./`, `../`, `~/` or `/` start, then segments, ending in a name with an extension.
const pathPart = String.raw`(?:[A-Za-z]:[\\/]|~[\\/]|\.{1,2}[\\/]|[\\/])?(?:[\w.@+\-]+[\\/])*[\w@+\-][\w.@+\-]*\.[A-Za-z0-9]+`;
const linePatterns = [
  // rustc, cargo, tsc --pretty, eslint unix/compact, gcc, go, python tracebacks' `file.py:12`: path:line[:col]
  String.raw`(?<path>${pathPart}):(?<line>\d+)(?::(?<column>\d+))?`,
  // tsc, MSBuild: path(line[,col])
  String.raw`(?<path2>${pathPart})\((?<line2>\d+)(?:,\s*(?<column2>\d+))?\)`,
  // eslint compact: "path: line 12, col 5"
  String.raw`(?<path3>${pathPart}): line (?<line3>\d+), col (?<column3>\d+)`,
];
const linkPattern = new RegExp(`(?<![\\w/\\\\.:])(?:${linePatterns.join('|')})`, 'g');

/** Finds `path:line:col` locations (rustc, cargo, tsc, eslint, gcc formats) in one line of output. */
export function findFileLinks(lineText: string): FileLink[] {
  const links: FileLink[] = [];
  for (const match of lineText.matchAll(linkPattern)) {
    const groups = match.groups ?? {};
    const path = groups.path ?? groups.path2 ?? groups.path3;
    const line = groups.line ?? groups.line2 ?? groups.line3;
    const column = groups.column ?? groups.column2 ?? groups.column3;
    if (!path || match.index === undefined) continue;
    // An IP address or a version number is not a file.
    if (/^[\d.]+$/.test(path.replace(/^[\\/]/, ''))) continue;
    // A path inside a URL belongs to the URL link.
    if (/[a-z]+:\/\/\S*$/i.test(lineText.slice(0, match.index))) continue;
    links.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      path,
      line: line ? Number(line) : undefined,
      column: column ? Number(column) : undefined,
    });
  }
  return links;
}

/**
 * The workspace-relative path a link points at, or undefined when it leaves the workspace.
 * `cwd` is the terminal's folder relative to the workspace root ('' = the root).
 */
export function resolveLinkPath(linkPath: string, cwd: string, workspaceRoot: string | undefined): string | undefined {
  const slashed = linkPath.replace(/\\/g, '/');
  const root = workspaceRoot?.replace(/\\/g, '/').replace(/\/+$/, '');
  let relative: string;
  if (/^([A-Za-z]:)?\//.test(slashed)) {
    if (!root) return undefined;
    const lowerWindows = /^[A-Za-z]:/.test(slashed);
    const inside = lowerWindows ? slashed.toLowerCase().startsWith(`${root.toLowerCase()}/`) : slashed.startsWith(`${root}/`);
    if (!inside) return undefined;
    relative = slashed.slice(root.length + 1);
  } else if (slashed.startsWith('~/')) {
    return undefined;
  } else {
    relative = cwd ? `${cwd}/${slashed}` : slashed;
  }
  const parts: string[] = [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}

/** Only web links open in the browser; `file:`, `javascript:` and the like are refused. */
export function isSafeWebLink(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
