import { create } from 'zustand';
import type { Disposable } from '../../../src-shared/contract';

export interface RunningReview {
  path: string;
  /** `src/main.rs` or `src/main.rs:4-9`. */
  label: string;
  stream: Disposable;
}

/** The reviews on their way, one per file: the status bar shows them, each with its cancel. */
export const useRunningReviews = create<{ reviews: readonly RunningReview[] }>()(() => ({ reviews: [] }));

export function addReview(review: RunningReview): void {
  useRunningReviews.setState((state) => ({ reviews: [...state.reviews, review] }));
}

/** Takes a review off the list; false when it was not on it any more (it ended or was cancelled already). */
export function removeReview(review: RunningReview): boolean {
  const { reviews } = useRunningReviews.getState();
  if (!reviews.includes(review)) return false;
  useRunningReviews.setState({ reviews: reviews.filter((candidate) => candidate !== review) });
  return true;
}

/** Stops a review: its stream is closed and nothing it found is kept. */
export function cancelReview(review: RunningReview): void {
  if (removeReview(review)) review.stream.dispose();
}

export function reviewOf(path: string): RunningReview | undefined {
  return useRunningReviews.getState().reviews.find((review) => review.path === path);
}
