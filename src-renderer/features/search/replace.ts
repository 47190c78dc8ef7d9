import type { TextSearchQuery } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { openFileText, replaceInOpenFile } from '../editor';
import { notify } from '../notifications';
import { runSearch } from './run-search';
import { useSearchStore } from './store';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The JavaScript equivalent of the search's pattern, global and per line; throws when it does not compile. */
export function buildSearchRegExp(query: Pick<TextSearchQuery, 'query' | 'isRegex' | 'matchCase' | 'wholeWord'>, global = true): RegExp {
  let source = query.isRegex ? query.query : escapeRegExp(query.query);
  if (query.wholeWord) source = `\\b(?:${source})\\b`;
  const flags = `${global ? 'g' : ''}m${query.matchCase ? '' : 'i'}`;
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    return new RegExp(source, flags);
  }
}

/** Replaces every match in a text; `$1`-style groups work in regex mode, a literal replacement is taken as is. */
export function replaceInText(
  text: string,
  query: Pick<TextSearchQuery, 'query' | 'isRegex' | 'matchCase' | 'wholeWord'>,
  replacement: string,
): { text: string; count: number } {
  const pattern = buildSearchRegExp(query);
  const count = [...text.matchAll(pattern)].length;
  if (count === 0) return { text, count };
  const result = query.isRegex ? text.replace(pattern, replacement) : text.replace(pattern, () => replacement);
  return { text: result, count };
}

/** What a match becomes, for the preview in the results; null when the pattern does not compile. */
export function replacementFor(matched: string, query: Pick<TextSearchQuery, 'query' | 'isRegex' | 'matchCase' | 'wholeWord'>, replacement: string): string {
  if (!query.isRegex) return replacement;
  try {
    return matched.replace(buildSearchRegExp(query, false), replacement);
  } catch {
    return replacement;
  }
}

interface PlannedFile {
  path: string;
  content: string;
  encoding: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';
  count: number;
  /** Open in an editor: the replacement is made in its buffer (unsaved edits included), then saved. */
  open: boolean;
}

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

/**
 * Replaces the matches in the given result files (all results when none are given), after a confirm
 * that lists them. Open files are changed in their buffers (one undoable edit, unsaved edits included)
 * and saved.
 */
export async function replaceInFiles(only?: string[]): Promise<void> {
  const store = useSearchStore.getState();
  if (store.replacing || store.query === '') return;
  const query = { query: store.query, isRegex: store.isRegex, matchCase: store.matchCase, wholeWord: store.wholeWord };
  const replacement = store.replacement;
  const targets = store.files.map((file) => file.path).filter((path) => !only || only.includes(path));
  if (targets.length === 0) return;

  store.setReplacing(true);
  try {
    const planned: PlannedFile[] = [];
    const failed: string[] = [];
    for (const path of targets) {
      const buffer = openFileText(path);
      if (buffer !== undefined) {
        const { text, count } = replaceInText(buffer, query, replacement);
        if (count > 0 && text !== buffer) planned.push({ path, content: text, encoding: 'utf8', count, open: true });
        continue;
      }
      try {
        const file = await host().workspace.readFile({ path });
        const { text, count } = replaceInText(file.content, query, replacement);
        if (count > 0 && text !== file.content) planned.push({ path, content: text, encoding: file.encoding, count, open: false });
      } catch (error) {
        failed.push(`${path}: ${errorMessage(error)}`);
      }
    }
    if (planned.length === 0) {
      notify({ severity: 'info', message: 'Nothing to replace' });
      return;
    }
    const total = planned.reduce((sum, file) => sum + file.count, 0);
    const lines = planned.slice(0, 20).map((file) => `  ${file.path} (${String(file.count)})`);
    if (planned.length > 20) lines.push(`  … and ${plural(planned.length - 20, 'more file')}`);
    const summary = [
      `Replace ${plural(total, 'occurrence')} across ${plural(planned.length, 'file')} with "${replacement}"?`,
      '',
      ...lines,
    ].join('\n');
    if (!window.confirm(summary)) return;

    let written = 0;
    let replaced = 0;
    for (const file of planned) {
      try {
        if (file.open) {
          // The buffer may have changed since the confirm: replace in what it holds now.
          const applied = await replaceInOpenFile(file.path, (text) => replaceInText(text, query, replacement).text);
          if (!applied) {
            failed.push(`${file.path}: the file was closed or could not be saved`);
            continue;
          }
        } else {
          await host().workspace.writeFile({ path: file.path, content: file.content, encoding: file.encoding });
        }
        written += 1;
        replaced += file.count;
      } catch (error) {
        failed.push(`${file.path}: ${errorMessage(error)}`);
      }
    }
    const parts = [`Replaced ${plural(replaced, 'occurrence')} in ${plural(written, 'file')}.`];
    if (failed.length > 0) parts.push(`Could not replace in ${failed.join('; ')}`);
    notify({ severity: failed.length > 0 ? 'warning' : 'info', message: parts.join(' ') });
  } finally {
    useSearchStore.getState().setReplacing(false);
  }
  runSearch();
}
