import { Codicon } from '../../platform/ui/Codicon';
import { showBranchPicker } from './branches';
import { useScmStore } from './store';
import { syncBranch } from './sync';

const operationWords = { merge: 'Merging', rebase: 'Rebasing', cherryPick: 'Cherry-picking', revert: 'Reverting' } as const;

/**
 * The branch (or the detached commit) with `*` when the working tree has changes, and beside it the
 * commits to pull and push, which sync on a click (or publish a branch that has no upstream).
 */
export function ScmStatusBarItems() {
  const status = useScmStore((state) => (state.snapshot?.repository.kind === 'repository' ? state.snapshot.status : null));
  const syncing = useScmStore((state) => state.sync !== null);
  if (!status) return null;
  const { head } = status;
  const dirty = status.unstaged.length + status.untracked.length > 0 ? '*' : '';
  const staged = status.staged.length > 0 ? '+' : '';
  const name = head.branch ?? (head.oid ? head.oid.slice(0, 8) : 'HEAD');
  const operation = status.operation ? ` (${operationWords[status.operation]})` : '';
  const branchTitle = head.detached ? `${name} (detached HEAD) - Checkout Branch…` : `${name} (Git) - Checkout Branch…`;
  return (
    <>
      <button type="button" className="status-bar-item" data-testid="statusbar-branch" title={branchTitle} onClick={() => void showBranchPicker()}>
        <Codicon name={head.detached ? 'git-commit' : 'git-branch'} />
        {`${name}${dirty}${staged}${operation}`}
      </button>
      {head.branch === null ? null : head.upstream ? (
        <button
          type="button"
          className="status-bar-item"
          data-testid="statusbar-sync"
          title={`${head.upstream}: ${head.behind} to pull, ${head.ahead} to push - Synchronize Changes`}
          disabled={syncing}
          onClick={() => void syncBranch()}
        >
          <Codicon name="sync" className={syncing ? 'codicon-modifier-spin' : undefined} />
          {head.behind > 0 || head.ahead > 0 ? `${head.behind}↓ ${head.ahead}↑` : null}
        </button>
      ) : (
        <button type="button" className="status-bar-item" data-testid="statusbar-publish" title="Publish Branch" disabled={syncing} onClick={() => void syncBranch()}>
          <Codicon name={syncing ? 'sync' : 'cloud-upload'} className={syncing ? 'codicon-modifier-spin' : undefined} />
        </button>
      )}
    </>
  );
}
