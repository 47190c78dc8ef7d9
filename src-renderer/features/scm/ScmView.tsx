import { useCallback, useState, type ReactNode } from 'react';
import type { GitStatus } from '../../../src-shared/contract';
import { runCommand } from '../../app/commands';
import { useAppStore } from '../../app/store';
import { Codicon } from '../../platform/ui/Codicon';
import { ContextMenu, type ContextMenuItem } from '../../platform/ui/ContextMenu';
import { ChangeGroups } from './ChangeGroups';
import { CommitBox } from './CommitBox';
import { refreshStatus } from './follow-git';
import { HistoryPane } from './history/HistoryPane';
import { initRepository } from './operations';
import { useScmStore } from './store';
import { cancelSync } from './sync';
import './scm.css';

const command = (label: string, id: string): ContextMenuItem => ({ label, run: () => runCommand(id) });

/** The "…" menu of the view: what VS Code keeps there, by topic. */
const moreActions: ContextMenuItem[][] = [
  [command('Pull', 'git.pull'), command('Push', 'git.push'), command('Fetch', 'git.fetch'), command('Sync', 'git.sync')],
  [command('Checkout to…', 'git.checkout'), command('Create Branch…', 'git.branch'), command('Rename Branch…', 'git.renameBranch'), command('Delete Branch…', 'git.deleteBranch')],
  [command('Stash', 'git.stash'), command('Stash (Include Untracked)', 'git.stashIncludeUntracked'), command('Pop Stash…', 'git.stashPop'), command('Show Stashes…', 'git.stashList')],
  [command('View File History', 'git.viewFileHistory'), command('Toggle Blame', 'git.blame')],
];

function TitleActions({ repository }: { repository: boolean }) {
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  if (!repository) return null;
  return (
    <div className="side-bar-title-actions">
      <button type="button" className="icon-button" title="Commit" aria-label="Commit" onClick={() => void runCommand('git.commit')}>
        <Codicon name="check" />
      </button>
      <button type="button" className="icon-button" title="Refresh" aria-label="Refresh" data-testid="scm-refresh" onClick={() => void refreshStatus()}>
        <Codicon name="refresh" />
      </button>
      <button
        type="button"
        className="icon-button"
        title="More Actions…"
        aria-label="More Actions…"
        data-testid="scm-more"
        onClick={(event) => {
          const bounds = event.currentTarget.getBoundingClientRect();
          setMenu({ x: bounds.left, y: bounds.bottom });
        }}
      >
        <Codicon name="ellipsis" />
      </button>
      {menu ? <ContextMenu x={menu.x} y={menu.y} groups={moreActions} onClose={closeMenu} testId="scm-more-menu" /> : null}
    </div>
  );
}

/** A fetch, pull or push on its way: an indeterminate bar under the title, and a line that says where it is. */
function SyncProgressLine() {
  const sync = useScmStore((state) => state.sync);
  if (!sync) return null;
  const percent = sync.percent === null ? '' : ` ${Math.round(sync.percent)}%`;
  return (
    <div className="scm-sync-line" role="status" data-testid="scm-sync-progress">
      <Codicon name="sync" className="codicon-modifier-spin" />
      <span className="scm-sync-text">
        {sync.title}…{sync.phase ? ` ${sync.phase}` : ''}
        {percent}
      </span>
      <button type="button" className="icon-button" title="Cancel" aria-label="Cancel" onClick={cancelSync}>
        <Codicon name="close" />
      </button>
    </div>
  );
}

const operationWords = { merge: 'Merging', rebase: 'Rebasing', cherryPick: 'Cherry-picking', revert: 'Reverting' } as const;

function RepositoryChanges({ status }: { status: GitStatus }) {
  return (
    <>
      <CommitBox head={status.head} />
      <SyncProgressLine />
      {status.operation ? (
        <div className="scm-note" data-testid="scm-operation">
          <Codicon name="info" /> {operationWords[status.operation]}: resolve the conflicts, stage them, then commit.
        </div>
      ) : null}
      <ChangeGroups status={status} />
      {status.truncated ? <div className="scm-note">Too many changes: each group shows its first 10,000.</div> : null}
    </>
  );
}

function Message({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="scm-message" data-testid={testId}>
      {children}
    </div>
  );
}

function ViewBody() {
  const hasFolder = useAppStore((state) => state.info?.workspace != null);
  const snapshot = useScmStore((state) => state.snapshot);
  const statusError = useScmStore((state) => state.statusError);
  if (!hasFolder) return <Message testId="scm-no-folder">Open a folder to use source control.</Message>;
  if (statusError) {
    return (
      <Message testId="scm-status-error">
        <p>The status of the repository could not be read: {statusError}</p>
        <button type="button" className="button" onClick={() => void refreshStatus()}>
          Try Again
        </button>
      </Message>
    );
  }
  if (!snapshot) return <Message testId="scm-loading">Reading the repository…</Message>;
  const { repository, status } = snapshot;
  if (repository.kind === 'none') {
    return (
      <Message testId="scm-no-repository">
        <p>The folder currently open doesn&apos;t have a git repository. You can initialize a repository which will enable source control features powered by git.</p>
        <button type="button" className="button scm-wide-button" data-testid="scm-init" onClick={() => void initRepository()}>
          Initialize Repository
        </button>
      </Message>
    );
  }
  if (repository.kind === 'bare' || !status) {
    return (
      <Message testId="scm-bare">
        <p>This folder is a bare git repository ({repository.kind === 'bare' ? repository.gitDir : 'no working tree'}). It has no working tree, so there are no changes to show or commit.</p>
      </Message>
    );
  }
  return <RepositoryChanges status={status} />;
}

/** The Source Control side bar view: commit box and changes on top, the commit graph below. */
export function ScmView() {
  const repository = useScmStore((state) => state.snapshot?.repository.kind === 'repository' && state.snapshot.status !== null);
  const syncing = useScmStore((state) => state.sync !== null);
  return (
    <div className="scm-view" data-testid="scm-view">
      <header className="side-bar-title">
        <h2>Source Control</h2>
        <TitleActions repository={repository} />
      </header>
      <div className={`scm-progress${syncing ? ' active' : ''}`} aria-hidden="true" />
      <div className="scm-changes-pane">
        <ViewBody />
      </div>
      {repository ? <HistoryPane /> : null}
    </div>
  );
}
