/**
 * Counting the words of Markdown as a reader sees them: markup, link targets, HTML, front matter
 * and fenced code are not words; the text of links, emphasis and inline code is.
 */

/** YAML (`---`) or TOML (`+++`) front matter at the very start of the file. */
const frontMatter = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/;
const htmlComment = /<!--[\s\S]*?(?:-->|$)/g;
const htmlTag = /<\/?[A-Za-z][^>]*>/g;
/** `![alt](target)` and `[text](target)`: the alt text and the text stay. */
const inlineLink = /!?\[([^\]]*)\]\([^)]*\)/g;
/** The number of an ordered list's item (`1.`, `2)`), which is no word. */
const orderedListMarker = /^[ \t>]*\d{1,9}[.)](?=[ \t]|$)/gm;
/** `[id]: https://…` on a line of its own. */
const linkDefinition = /^ {0,3}\[[^\]]+\]:\s+\S.*$/gm;
/** Scripts written without spaces between words: each character is a word. */
const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Letters and digits, with inner apostrophes, hyphens, dots and underscores: `don't`, `well-known`, `3.14`. */
const word = /[\p{L}\p{N}\p{M}]+(?:['’._-][\p{L}\p{N}\p{M}]+)*/gu;

/** The lines outside fenced code blocks (a fence left open runs to the end, as in CommonMark). */
function withoutFencedCode(text: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && opener) fence = opener;
    else if (fence !== null && opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.join('\n');
}

/** The words of a Markdown text. */
export function countWords(markdown: string): number {
  const prose = withoutFencedCode(markdown.replace(frontMatter, ''))
    .replace(htmlComment, ' ')
    .replace(orderedListMarker, ' ')
    .replace(linkDefinition, ' ')
    .replace(inlineLink, ' $1 ')
    .replace(htmlTag, ' ');
  const ideographs = prose.match(ideograph)?.length ?? 0;
  const words = prose.replace(ideograph, ' ').match(word)?.length ?? 0;
  return ideographs + words;
}

/** Minutes to read `words` at `wordsPerMinute`, rounded up (0 for an empty text). */
export function readingMinutes(words: number, wordsPerMinute: number): number {
  return words === 0 ? 0 : Math.ceil(words / wordsPerMinute);
}

/** The setting's value when it is a positive number, else the default reading speed. */
export function wordsPerMinuteSetting(value: unknown, fallback = 200): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
