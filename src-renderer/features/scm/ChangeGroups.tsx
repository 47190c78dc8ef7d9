import type { MouseEvent } from 'react';
import type { GitChange, GitStatus } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { fileIcon } from '../../platform/ui/file-icon';
import { openFile } from '../editor';
import { changeLook, conflictLook, type ChangeGroupId, type ChangeLook } from './change-look';
import { openChange } from './open-change';
import { discardPaths, markResolved, stagePaths, unstagePaths } from './operations';
import { useScmStore } from './store';

interface RowAction {
  id: string;
  title: string;
  icon: string;
  run(): void;
}

interface Entry {
  path: string;
  oldPath?: string | undefined;
  kind: GitChange['kind'];
  look: ChangeLook;
}

interface GroupSpec {
  id: ChangeGroupId;
  title: string;
  entries: Entry[];
  groupActions: RowAction[];
  rowActions(entry: Entry): RowAction[];
}

const paths = (entries: readonly Entry[]): string[] => entries.map((entry) => entry.path);
const stopping = (run: () => void) => (event: MouseEvent) => {
  event.stopPropagation();
  run();
};

const openFileAction = (entry: Entry): RowAction => ({ id: 'open-file', title: 'Open File', icon: 'go-to-file', run: () => void openFile(entry.path) });
const discardAction = (entry: Entry, title: string): RowAction => ({ id: 'discard', title, icon: 'discard', run: () => void discardPaths([entry.path]) });

/** The groups VS Code shows, in its order, each with its actions; empty groups are left out. */
function groupsOf(status: GitStatus): GroupSpec[] {
  const merge = status.conflicted.map((conflict) => ({ path: conflict.path, kind: 'modified' as const, look: conflictLook(conflict) }));
  const staged = status.staged.map((change) => ({ path: change.path, oldPath: change.oldPath, kind: change.kind, look: changeLook(change, 'staged') }));
  const unstaged = status.unstaged.map((change) => ({ path: change.path, oldPath: change.oldPath, kind: change.kind, look: changeLook(change, 'unstaged') }));
  const untracked = status.untracked.map((change) => ({ path: change.path, kind: change.kind, look: changeLook(change, 'untracked') }));
  const groups: GroupSpec[] = [
    {
      id: 'merge',
      title: 'Merge Changes',
      entries: merge,
      groupActions: [{ id: 'stage-all', title: 'Mark All as Resolved', icon: 'add', run: () => void markResolved(paths(merge)) }],
      rowActions: (entry) => [openFileAction(entry), { id: 'stage', title: 'Mark as Resolved', icon: 'add', run: () => void markResolved([entry.path]) }],
    },
    {
      id: 'staged',
      title: 'Staged Changes',
      entries: staged,
      groupActions: [{ id: 'unstage-all', title: 'Unstage All Changes', icon: 'remove', run: () => void unstagePaths(paths(staged)) }],
      rowActions: (entry) => [openFileAction(entry), { id: 'unstage', title: 'Unstage Changes', icon: 'remove', run: () => void unstagePaths([entry.path]) }],
    },
    {
      id: 'unstaged',
      title: 'Changes',
      entries: unstaged,
      groupActions: [
        { id: 'discard-all', title: 'Discard All Changes', icon: 'discard', run: () => void discardPaths(paths(unstaged)) },
        { id: 'stage-all', title: 'Stage All Changes', icon: 'add', run: () => void stagePaths(paths(unstaged)) },
      ],
      rowActions: (entry) => [
        openFileAction(entry),
        discardAction(entry, 'Discard Changes'),
        { id: 'stage', title: 'Stage Changes', icon: 'add', run: () => void stagePaths([entry.path]) },
      ],
    },
    {
      id: 'untracked',
      title: 'Untracked Changes',
      entries: untracked,
      groupActions: [
        { id: 'discard-all', title: 'Delete All Untracked Files', icon: 'discard', run: () => void discardPaths(paths(untracked)) },
        { id: 'stage-all', title: 'Stage All Untracked Files', icon: 'add', run: () => void stagePaths(paths(untracked)) },
      ],
      rowActions: (entry) => [openFileAction(entry), discardAction(entry, 'Delete File'), { id: 'stage', title: 'Stage Changes', icon: 'add', run: () => void stagePaths([entry.path]) }],
    },
  ];
  return groups.filter((group) => group.entries.length > 0);
}

function ActionButtons({ actions, testIdPrefix }: { actions: readonly RowAction[]; testIdPrefix: string }) {
  return (
    <span className="scm-actions">
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className="icon-button"
          title={action.title}
          aria-label={action.title}
          data-testid={`${testIdPrefix}-${action.id}`}
          onClick={stopping(action.run)}
          onDoubleClick={(event) => event.stopPropagation()}
        >
          <Codicon name={action.icon} />
        </button>
      ))}
    </span>
  );
}

function ChangeRow({ group, entry }: { group: GroupSpec; entry: Entry }) {
  const slash = entry.path.lastIndexOf('/');
  const name = entry.path.slice(slash + 1);
  const folder = slash < 0 ? '' : entry.path.slice(0, slash);
  const open = (preview: boolean): void => void openChange(group.id, entry, { preview });
  const title = `${entry.oldPath ? `${entry.oldPath} → ` : ''}${entry.path} • ${entry.look.tooltip}`;
  return (
    <div
      className="scm-row scm-change"
      role="treeitem"
      aria-level={2}
      tabIndex={-1}
      data-testid="scm-change"
      data-group={group.id}
      data-path={entry.path}
      title={title}
      onClick={() => open(true)}
      onDoubleClick={() => open(false)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open(false);
      }}
    >
      <Codicon name={fileIcon(name)} className="scm-change-icon" />
      <span className={`scm-change-name git-decoration-${entry.look.kind}${entry.kind === 'deleted' ? ' deleted' : ''}`}>{name}</span>
      <span className="scm-change-folder">{folder}</span>
      <ActionButtons actions={group.rowActions(entry)} testIdPrefix="scm-change" />
      <span className={`scm-change-letter git-decoration-${entry.look.kind}`} data-testid="scm-change-letter">
        {entry.look.letter}
      </span>
    </div>
  );
}

function ChangeGroup({ group }: { group: GroupSpec }) {
  const collapsed = useScmStore((state) => state.collapsed[group.id] === true);
  return (
    <div className="scm-group" role="group" data-testid="scm-group" data-group={group.id}>
      <div
        className="scm-row scm-group-header"
        role="treeitem"
        aria-level={1}
        aria-expanded={!collapsed}
        tabIndex={-1}
        onClick={() => useScmStore.getState().toggleCollapsed(group.id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') useScmStore.getState().toggleCollapsed(group.id);
        }}
      >
        <Codicon name={collapsed ? 'chevron-right' : 'chevron-down'} className="scm-group-twistie" />
        <span className="scm-group-title">{group.title}</span>
        <ActionButtons actions={group.groupActions} testIdPrefix={`scm-group-${group.id}`} />
        <span className="badge scm-group-count" data-testid="scm-group-count">
          {group.entries.length}
        </span>
      </div>
      {collapsed ? null : group.entries.map((entry) => <ChangeRow key={entry.path} group={group} entry={entry} />)}
    </div>
  );
}

/** Merge Changes, Staged Changes, Changes and Untracked Changes, each a collapsible list of files. */
export function ChangeGroups({ status }: { status: GitStatus }) {
  const groups = groupsOf(status);
  return (
    <div className="scm-groups" role="tree" aria-label="Changes">
      {groups.map((group) => (
        <ChangeGroup key={group.id} group={group} />
      ))}
    </div>
  );
}
