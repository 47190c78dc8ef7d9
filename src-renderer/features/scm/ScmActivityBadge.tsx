import { useChangeCount } from './store';

/** The number of changes on the Source Control button of the activity bar. */
export function ScmActivityBadge() {
  const count = useChangeCount();
  if (count === 0) return null;
  return (
    <span className="activity-bar-badge" data-testid="scm-badge">
      {count > 999 ? '999+' : count}
    </span>
  );
}
