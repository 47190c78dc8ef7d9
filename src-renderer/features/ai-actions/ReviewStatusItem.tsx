import { Codicon } from '../../platform/ui/Codicon';
import { fileName } from './editor-target';
import { cancelReview, useRunningReviews } from './running-reviews';

/** "Reviewing main.rs…" in the status bar while an AI review runs; a click cancels it. */
export function ReviewStatusItem() {
  const reviews = useRunningReviews((state) => state.reviews);
  return reviews.map((review) => (
    <button
      key={review.path}
      type="button"
      className="status-bar-item"
      data-testid="ai-review-status"
      title={`Cancel the AI review of ${review.label}`}
      onClick={() => cancelReview(review)}
    >
      <Codicon name="loading" className="codicon-modifier-spin" />
      Reviewing {fileName(review.label)}…
      <Codicon name="close" />
    </button>
  ));
}
