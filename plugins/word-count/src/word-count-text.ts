/** What the word count shows: the status bar's text and the details message. */

export interface WordCount {
  words: number;
  /** Words in the selections, or null when nothing is selected. */
  selectedWords: number | null;
  minutes: number;
}

const number = new Intl.NumberFormat('en-US');
const plural = (count: number, one: string, many: string): string => `${number.format(count)} ${count === 1 ? one : many}`;

/** `$(book) 1,234 words · 7 min`, or `$(book) 120 of 1,234 words · 7 min` with a selection. */
export function statusText(count: WordCount): string {
  const words = count.selectedWords === null ? plural(count.words, 'word', 'words') : `${number.format(count.selectedWords)} of ${plural(count.words, 'word', 'words')}`;
  return `$(book) ${words} · ${number.format(count.minutes)} min`;
}

/** The notification of "Word Count: Show Details". */
export function detailsMessage(path: string, count: WordCount, wordsPerMinute: number): string {
  const selection = count.selectedWords === null ? '' : ` ${plural(count.selectedWords, 'word is', 'words are')} selected.`;
  const reading = count.words === 0 ? 'nothing to read' : `about ${plural(count.minutes, 'minute', 'minutes')} to read at ${number.format(wordsPerMinute)} words per minute`;
  return `${path}: ${plural(count.words, 'word', 'words')}, ${reading}.${selection} Code blocks, markup and link targets are not counted.`;
}
