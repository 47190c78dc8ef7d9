import { followProviders, refreshProviders, restoreModelChoice } from './model-catalog';
import { followThreads, refreshThreads, restoreActiveThread } from './thread-loading';

let started = false;

/** Loads the threads, the providers and the last choices, and follows their changes; once, on first need. */
export function startAiChat(): void {
  if (started) return;
  started = true;
  followThreads();
  followProviders();
  void refreshThreads().catch(() => undefined);
  void refreshProviders().catch(() => undefined);
  void restoreModelChoice();
  void restoreActiveThread();
}
