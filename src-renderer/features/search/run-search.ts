import type { Disposable, TextSearchFile } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { useSearchStore } from './store';

/** The most matches a search sends; the view says how many more there were. */
export const maxSearchResults = 2000;
/** How long typing waits before searching. */
export const searchDebounceMs = 300;

let active: Disposable | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

/** Stops the running search, if any (its ripgrep is killed by the host). */
export function cancelSearch(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  generation += 1;
  active?.dispose();
  active = undefined;
}

/** Searches after a pause in typing. */
export function scheduleSearch(delay = searchDebounceMs): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    runSearch();
  }, delay);
}

/** Starts a search with the view's current options, replacing the one running. */
export function runSearch(): void {
  cancelSearch();
  const store = useSearchStore.getState();
  if (store.query === '') {
    store.clear();
    return;
  }
  const id = generation;
  store.begin();
  const current = () => id === generation;
  // Hand arriving files to the view at most once per frame, so it renders dozens of times, not thousands.
  let arrived: TextSearchFile[] = [];
  let frame: number | undefined;
  const flush = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
    const batch = arrived;
    arrived = [];
    if (current() && batch.length > 0) useSearchStore.getState().addFiles(batch);
  };
  active = host().search.text(
    {
      query: store.query,
      isRegex: store.isRegex,
      matchCase: store.matchCase,
      wholeWord: store.wholeWord,
      include: store.include.trim() || undefined,
      exclude: store.exclude.trim() || undefined,
      maxResults: maxSearchResults,
    },
    {
      next: (chunk) => {
        if (!current()) return;
        if (chunk.kind === 'files') {
          arrived.push(...chunk.files);
          frame ??= requestAnimationFrame(flush);
        } else {
          flush();
          useSearchStore.getState().finish(chunk);
        }
      },
      error: (error) => {
        if (!current() || error.code === 'CANCELLED') return;
        useSearchStore.getState().fail(error.message);
      },
      complete: () => {
        if (current()) active = undefined;
      },
    },
  );
}
