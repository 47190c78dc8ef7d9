/**
 * Which comments count as TODOs. A tag (`TODO`, `FIXME`, `HACK`, or the user's own) counts when it
 * starts a comment or a line and is a whole word, so `todoList` or a string mentioning "TODO" does not.
 */

export const defaultTags: readonly string[] = ['TODO', 'FIXME', 'HACK'];

/** What may come before a tag: a comment opener of a common language, or nothing but indentation. */
const commentOpener = String.raw`(?://|#|--|;|%|/\*|\*|<!--|^)\s*`;

/** The setting's value as a clean list: trimmed, without blanks, duplicates or non-strings; the defaults when nothing is left. */
export function normalizeTags(setting: unknown): string[] {
  const tags = Array.isArray(setting) ? setting.filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.trim()) : [];
  const unique = [...new Set(tags.filter((tag) => tag.length > 0 && !/\s/.test(tag)))];
  return unique.length > 0 ? unique : [...defaultTags];
}

/** Escapes what is special in both JavaScript's and ripgrep's (Rust) regular expressions. */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, String.raw`\$&`);
}

/** A tag as a whole word: `\b` only on a side where the tag has a word character (`@todo` starts with none). */
function wholeTag(tag: string): string {
  const start = /^\w/.test(tag) ? String.raw`\b` : '';
  const end = /\w$/.test(tag) ? String.raw`\b` : '';
  return `${start}${escapeRegExp(tag)}${end}`;
}

/** The regular expression to search the workspace with; the same syntax works for ripgrep and JavaScript. */
export function searchPattern(tags: readonly string[]): string {
  return `${commentOpener}(?:${tags.map(wholeTag).join('|')})`;
}

export interface TaggedLine {
  tag: string;
  /** What follows the tag, without the separator (`:`, `(owner):`) or a comment closer. */
  text: string;
}

/** Finds the first tag on a line and what it says, or null when the line holds none. */
export function parseTaggedLine(line: string, tags: readonly string[]): TaggedLine | null {
  // Longest first, so a tag that extends another (`TODO` and `TODO!`) wins.
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map(wholeTag);
  const match = new RegExp(`${commentOpener}(${alternatives.join('|')})(.*)$`).exec(line);
  if (!match) return null;
  const tag = match[1] ?? '';
  const rest = (match[2] ?? '')
    .replace(/^\([^)]*\)/, '')
    .replace(/^\s*[:\-–—]?\s*/, '')
    .replace(/\s*(?:\*\/|-->)\s*$/, '')
    .trim();
  return { tag, text: rest };
}
