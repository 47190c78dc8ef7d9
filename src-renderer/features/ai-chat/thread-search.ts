import { useEffect, useState } from 'react';
import type { AiSearchHit } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';

const searchDebounceMs = 200;

export type ThreadSearch = { state: 'idle' } | { state: 'searching' } | { state: 'done'; hits: AiSearchHit[] } | { state: 'failed'; message: string };

/** Full-text search over the folder's chats, run after a pause in typing; idle for an empty query. */
export function useThreadSearch(query: string): ThreadSearch {
  const [result, setResult] = useState<{ query: string; search: ThreadSearch }>({ query: '', search: { state: 'idle' } });
  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed === '') return;
    let cancelled = false;
    const show = (search: ThreadSearch): void => {
      if (!cancelled) setResult({ query: trimmed, search });
    };
    const timer = setTimeout(() => {
      host()
        .ai.searchThreads({ query: trimmed, limit: 50 })
        .then(
          (hits) => show({ state: 'done', hits }),
          (error: unknown) => show({ state: 'failed', message: errorMessage(error) }),
        );
    }, searchDebounceMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [trimmed]);
  if (trimmed === '') return { state: 'idle' };
  return result.query === trimmed ? result.search : { state: 'searching' };
}

/** A snippet cut into plain and matched pieces by the hit's [start, end) highlights. */
export function snippetPieces(snippet: string, highlights: readonly (readonly [number, number])[]): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) pieces.push({ text: snippet.slice(at, start), match: false });
    pieces.push({ text: snippet.slice(start, end), match: true });
    at = end;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), match: false });
  return pieces;
}
