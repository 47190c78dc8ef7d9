/**
 * Edits of a Cargo.toml that keep its formatting: each is an insertion at a position of the text as
 * it is, so comments, order, spacing and line endings stay as the author left them. A line-based
 * reading of TOML, enough for Cargo manifests (tables, keys, arrays of strings).
 */

/** Inserting `text` at a 0-based line and character. */
export interface Insertion {
  line: number;
  character: number;
  text: string;
}

interface Position {
  line: number;
  character: number;
}

interface Lines {
  lines: string[];
  eol: string;
}

function splitLines(toml: string): Lines {
  return { lines: toml.split(/\r?\n/), eol: toml.includes('\r\n') ? '\r\n' : '\n' };
}

/** The dotted name of a table header (`[ target.'cfg(unix)'.dependencies ]` → `target.cfg(unix).dependencies`), or null. */
function tableName(line: string): string | null {
  const match = /^\s*\[\[?([^[\]]+)\]\]?\s*(?:#.*)?$/.exec(line);
  if (!match?.[1]) return null;
  return match[1]
    .split('.')
    .map((part) => part.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .join('.');
}

/** The first key of a key/value line (`serde.workspace = true` → `serde`), or null. */
function keyOf(line: string): string | null {
  const match = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]/.exec(line);
  return match?.[1] ? match[1].replace(/^(["'])(.*)\1$/, '$2') : null;
}

const isContent = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/** The header line of table `name` and the line where its body ends (the next header, or the end). */
function findTable({ lines }: Lines, name: string): { header: number; end: number } | null {
  const header = lines.findIndex((line) => tableName(line) === name);
  if (header === -1) return null;
  const next = lines.findIndex((line, index) => index > header && tableName(line) !== null);
  return { header, end: next === -1 ? lines.length : next };
}

/** Inserts a line after line `index`, or at the end of it when the file ends there without a line break. */
function lineAfter({ lines, eol }: Lines, index: number, line: string): Insertion {
  if (index + 1 < lines.length) return { line: index + 1, character: 0, text: `${line}${eol}` };
  return { line: index, character: (lines[index] ?? '').length, text: `${eol}${line}` };
}

/** crates.io treats `-` and `_`, and letter case, as the same. */
const sameCrate = (a: string, b: string): boolean => a.toLowerCase().replace(/_/g, '-') === b.toLowerCase().replace(/_/g, '-');

/** Whether the manifest declares a package (a virtual workspace manifest does not, and takes no dependencies). */
export function declaresPackage(toml: string): boolean {
  return findTable(splitLines(toml), 'package') !== null;
}

/** Where the text ends, for an edit that replaces all of it. */
export function endOfText(text: string): { line: number; character: number } {
  const { lines } = splitLines(text);
  return { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
}

export type DependencyPlan = { kind: 'insert'; insertion: Insertion } | { kind: 'exists'; line: number };

/**
 * Where `name = "requirement"` goes in `[dependencies]`: in alphabetical order when the table is
 * sorted (above the comments of the key it precedes), else after its last entry. A missing table
 * is added at the end of the file.
 */
export function planDependency(toml: string, name: string, requirement: string): DependencyPlan {
  const text = splitLines(toml);
  const { lines, eol } = text;
  const entry = `${name} = "${requirement}"`;
  const ownTable = lines.findIndex((line) => {
    const table = tableName(line);
    return table !== null && table.startsWith('dependencies.') && sameCrate(table.slice('dependencies.'.length), name);
  });
  if (ownTable !== -1) return { kind: 'exists', line: ownTable };

  const table = findTable(text, 'dependencies');
  if (!table) {
    const last = lines.length - 1;
    const lastLine = lines[last] ?? '';
    const endsWithBlankLine = lastLine === '' && (last === 0 || (lines[last - 1] ?? '').trim() === '');
    const separator = lastLine !== '' ? `${eol}${eol}` : endsWithBlankLine ? '' : eol;
    return { kind: 'insert', insertion: { line: last, character: lastLine.length, text: `${separator}[dependencies]${eol}${entry}${eol}` } };
  }

  const keys: { key: string; line: number }[] = [];
  for (let index = table.header + 1; index < table.end; index++) {
    const key = keyOf(lines[index] ?? '');
    if (key !== null) keys.push({ key, line: index });
  }
  const existing = keys.find(({ key }) => sameCrate(key, name));
  if (existing) return { kind: 'exists', line: existing.line };

  const sorted = keys.every(({ key }, index) => index === 0 || (keys[index - 1]?.key ?? '').toLowerCase() <= key.toLowerCase());
  const following = sorted ? keys.find(({ key }) => key.toLowerCase() > name.toLowerCase()) : undefined;
  if (following) {
    let line = following.line;
    while (line - 1 > table.header && (lines[line - 1] ?? '').trim().startsWith('#')) line--;
    return { kind: 'insert', insertion: { line, character: 0, text: `${entry}${eol}` } };
  }
  let lastContent = table.header;
  for (let index = table.header + 1; index < table.end; index++) if (isContent(lines[index] ?? '')) lastContent = index;
  return { kind: 'insert', insertion: lineAfter(text, lastContent, entry) };
}

interface StringArray {
  open: Position;
  close: Position;
  items: { value: string; start: Position; end: Position }[];
  /** Just after a comma that follows the last item (a trailing comma), if there is one. */
  trailingComma: Position | null;
}

/** Reads an array of strings whose `[` is at `open`, across lines and comments; null when it holds anything else. */
function readStringArray(lines: readonly string[], open: Position): StringArray | null {
  const items: StringArray['items'] = [];
  let trailingComma: Position | null = null;
  let { line, character } = { line: open.line, character: open.character + 1 };
  while (line < lines.length) {
    const text = lines[line] ?? '';
    const char = text[character];
    if (char === undefined || char === '#') {
      line++;
      character = 0;
    } else if (/\s/.test(char)) {
      character++;
    } else if (char === ']') {
      return { open, close: { line, character }, items, trailingComma };
    } else if (char === ',') {
      if (items.length === 0 || trailingComma) return null;
      character++;
      trailingComma = { line, character };
    } else if (char === '"' || char === "'") {
      if (items.length > 0 && !trailingComma) return null;
      const literal = char === "'" ? /^'([^']*)'/ : /^"((?:[^"\\]|\\.)*)"/;
      const match = literal.exec(text.slice(character));
      if (!match) return null;
      const value = char === "'" ? (match[1] ?? '') : (match[1] ?? '').replace(/\\(.)/g, '$1');
      items.push({ value, start: { line, character }, end: { line, character: character + match[0].length } });
      character += match[0].length;
      trailingComma = null;
    } else {
      return null;
    }
  }
  return null;
}

/** The `members` array of `[workspace]`: where it is and what it holds; null when there is none. */
function findMembers(text: Lines): { table: { header: number; end: number } | null; array: StringArray | null; line: number } {
  const table = findTable(text, 'workspace');
  if (!table) return { table: null, array: null, line: -1 };
  for (let line = table.header + 1; line < table.end; line++) {
    const match = /^(\s*members\s*=\s*)\[/.exec(text.lines[line] ?? '');
    if (match?.[1] !== undefined) return { table, array: readStringArray(text.lines, { line, character: match[1].length }), line };
  }
  return { table, array: null, line: -1 };
}

/** The entries of `[workspace] members` (paths and globs), or null when the manifest declares no workspace. */
export function workspaceMembers(toml: string): string[] | null {
  const { table, array } = findMembers(splitLines(toml));
  if (!table) return null;
  return array ? array.items.map((item) => item.value) : [];
}

/** Whether a `members` glob (`crates/*`) covers a folder; `*` and `?` stay within one path segment, `**` does not. */
export function memberGlobCovers(pattern: string, folder: string): boolean {
  const source = pattern
    .replace(/\/+$/, '')
    .split(/(\*\*|\*|\?)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[\\^$.+()[\]{}|]/g, String.raw`\$&`)))
    .join('');
  return new RegExp(`^${source}$`).test(folder);
}

export type MemberPlan =
  | { kind: 'insert'; insertions: Insertion[] }
  | { kind: 'exists' }
  | { kind: 'covered'; pattern: string }
  | { kind: 'no-workspace' }
  | { kind: 'unreadable' };

/**
 * How to add `folder` to `[workspace] members`, in the array's own style: one per line (with the
 * indentation and trailing comma of the last) or all on one line. A glob that covers it already
 * needs no edit; a missing `members` key is added under `[workspace]`.
 */
export function planWorkspaceMember(toml: string, folder: string): MemberPlan {
  const text = splitLines(toml);
  const { lines, eol } = text;
  const { table, array, line } = findMembers(text);
  const quoted = JSON.stringify(folder);
  if (!table) return { kind: 'no-workspace' };
  if (line === -1) return { kind: 'insert', insertions: [lineAfter(text, table.header, `members = [${quoted}]`)] };
  if (!array) return { kind: 'unreadable' };

  const normalize = (path: string): string => path.replace(/^\.\//, '').replace(/\/+$/, '');
  if (array.items.some((item) => normalize(item.value) === folder)) return { kind: 'exists' };
  const glob = array.items.find((item) => /[*?]/.test(item.value) && memberGlobCovers(normalize(item.value), folder));
  if (glob) return { kind: 'covered', pattern: glob.value };

  const last = array.items.at(-1);
  if (!last) return { kind: 'insert', insertions: [{ line: array.open.line, character: array.open.character + 1, text: quoted }] };
  if (array.close.line === last.end.line) {
    // All on one line: after the last item (and its trailing comma, kept trailing).
    const insertion = array.trailingComma ? { ...array.trailingComma, text: ` ${quoted},` } : { ...last.end, text: `, ${quoted}` };
    return { kind: 'insert', insertions: [insertion] };
  }
  // One per line: a new line like the last one, after its comment if it has one.
  const indent = /^\s*/.exec(lines[last.start.line] ?? '')?.[0] ?? '';
  const endOf = (line: number): Position => ({ line, character: (lines[line] ?? '').length });
  if (array.trailingComma) return { kind: 'insert', insertions: [{ ...endOf(array.trailingComma.line), text: `${eol}${indent}${quoted},` }] };
  const lineEnd = endOf(last.end.line);
  if (lineEnd.character === last.end.character) return { kind: 'insert', insertions: [{ ...last.end, text: `,${eol}${indent}${quoted}` }] };
  return { kind: 'insert', insertions: [{ ...last.end, text: ',' }, { ...lineEnd, text: `${eol}${indent}${quoted}` }] };
}
