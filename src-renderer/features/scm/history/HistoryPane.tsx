import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GitCommitDetails } from '../../../../src-shared/contract';
import { Codicon } from '../../../platform/ui/Codicon';
import { fileIcon } from '../../../platform/ui/file-icon';
import { openDiffEditor } from '../../editor';
import { changeLook } from '../change-look';
import { commitFileDiff } from '../editor/git-diff-inputs';
import { useScmStore } from '../store';
import { timeAgo } from '../time-ago';
import { GraphCell, GraphContinuation, rowHeight } from './GraphCell';
import type { GraphRow } from './graph-layout';
import { loadMoreHistory, reloadHistory, showFileHistory, toggleCommit, useHistoryStore } from './history-store';
import { parseRefs, type RefKind } from './refs';

type CommitFile = GitCommitDetails['files'][number];

type Item =
  | { kind: 'commit'; row: GraphRow }
  | { kind: 'file'; row: GraphRow; file: CommitFile }
  | { kind: 'note'; row: GraphRow; text: string };

/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const overscan = 10;
/** How close to the end of what is loaded the next page is asked for. */
const prefetchRows = 150;

const refIcons: Record<RefKind, string> = { head: 'git-branch', branch: 'git-branch', remote: 'cloud', tag: 'tag' };

/** The commits, with the files of the expanded one listed under it. */
function itemsOf(rows: readonly GraphRow[], expanded: string | null, details: ReturnType<typeof useHistoryStore.getState>['details']): Item[] {
  const items: Item[] = [];
  for (const row of rows) {
    items.push({ kind: 'commit', row });
    if (row.commit.oid !== expanded) continue;
    const detail = details[row.commit.oid];
    if (detail === undefined || detail === 'loading') items.push({ kind: 'note', row, text: 'Loading…' });
    else if ('error' in detail) items.push({ kind: 'note', row, text: detail.error });
    else if (detail.files.length === 0) items.push({ kind: 'note', row, text: 'No files changed' });
    else for (const file of detail.files) items.push({ kind: 'file', row, file });
  }
  return items;
}

function CommitRow({ row, columns, expanded }: { row: GraphRow; columns: number; expanded: boolean }) {
  const remotes = useHistoryStore((state) => state.remotes);
  const { commit } = row;
  const badges = parseRefs(commit.refs, remotes);
  const head = badges.some((badge) => badge.kind === 'head');
  const title = `${commit.oid.slice(0, 8)} · ${commit.author.name} <${commit.author.email}> · ${new Date(commit.author.time).toLocaleString()}\n\n${commit.subject}`;
  return (
    <div
      className={`scm-graph-row scm-graph-commit${expanded ? ' expanded' : ''}`}
      role="treeitem"
      aria-expanded={expanded}
      data-testid="scm-graph-commit"
      data-oid={commit.oid}
      title={title}
      onClick={() => void toggleCommit(commit.oid)}
    >
      <GraphCell row={row} columns={columns} head={head} />
      <span className="scm-graph-subject">{commit.subject}</span>
      {badges.map((badge) => (
        <span key={`${badge.kind}:${badge.label}`} className={`scm-graph-ref ref-${badge.kind}`} data-testid="scm-graph-ref" title={badge.label}>
          <Codicon name={refIcons[badge.kind]} />
          <span className="scm-graph-ref-label">{badge.label}</span>
        </span>
      ))}
      <span className="scm-graph-author">
        {commit.author.name}, {timeAgo(commit.author.time)}
      </span>
    </div>
  );
}

function FileRow({ row, file, columns }: { row: GraphRow; file: CommitFile; columns: number }) {
  const slash = file.path.lastIndexOf('/');
  const name = file.path.slice(slash + 1);
  const look = changeLook({ path: file.path, kind: file.kind }, 'unstaged');
  const open = (preview: boolean): void => void openDiffEditor(commitFileDiff(row.commit, file), { preview });
  return (
    <div
      className="scm-graph-row scm-graph-file"
      role="treeitem"
      data-testid="scm-graph-file"
      data-path={file.path}
      title={`${file.oldPath ? `${file.oldPath} → ` : ''}${file.path} • ${look.tooltip}`}
      onClick={() => open(true)}
      onDoubleClick={() => open(false)}
    >
      <GraphContinuation row={row} columns={columns} />
      <Codicon name={fileIcon(name)} className="scm-change-icon" />
      <span className={`scm-change-name git-decoration-${look.kind}`}>{name}</span>
      <span className="scm-change-folder">{slash < 0 ? '' : file.path.slice(0, slash)}</span>
      <span className={`scm-change-letter git-decoration-${look.kind}`}>{look.letter}</span>
    </div>
  );
}

/** Follows the list's height, so it knows how many rows fit. */
function useViewportHeight(element: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry?.contentRect.height ?? 0));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return height;
}

/** The commit list, virtualized: only the rows on screen exist, so 50,000 commits scroll like 50. */
function CommitList() {
  const rows = useHistoryStore((state) => state.rows);
  const expanded = useHistoryStore((state) => state.expanded);
  const details = useHistoryStore((state) => state.details);
  const hasMore = useHistoryStore((state) => state.hasMore);
  const items = useMemo(() => itemsOf(rows, expanded, details), [rows, expanded, details]);
  const list = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = useViewportHeight(list);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const visible = items.slice(first, last);
  const columns = Math.max(1, ...visible.map((item) => item.row.width));

  useEffect(() => {
    if (hasMore && last >= items.length - prefetchRows) loadMoreHistory();
  }, [hasMore, last, items.length]);

  return (
    <div ref={list} className="scm-graph-list" role="tree" aria-label="Commits" data-testid="scm-graph" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div className="scm-graph-canvas" style={{ height: items.length * rowHeight }}>
        {visible.map((item, index) => (
          <div key={item.kind === 'file' ? `${item.row.commit.oid}:${item.file.path}` : `${item.kind}:${item.row.commit.oid}`} className="scm-graph-slot" style={{ top: (first + index) * rowHeight }}>
            {item.kind === 'commit' ? <CommitRow row={item.row} columns={columns} expanded={item.row.commit.oid === expanded} /> : null}
            {item.kind === 'file' ? <FileRow row={item.row} file={item.file} columns={columns} /> : null}
            {item.kind === 'note' ? (
              <div className="scm-graph-row scm-graph-note">
                <GraphContinuation row={item.row} columns={columns} />
                {item.text}
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}

/** The Graph pane: every branch's commits as a graph, or one file's history. */
export function HistoryPane() {
  const collapsed = useHistoryStore((state) => state.collapsed);
  const filterPath = useHistoryStore((state) => state.filterPath);
  const error = useHistoryStore((state) => state.error);
  const loading = useHistoryStore((state) => state.loading);
  const empty = useHistoryStore((state) => state.rows.length === 0);
  // The graph changes with HEAD, its upstream and the stashes: read it again when they move.
  const headKey = useScmStore((state) => {
    const status = state.snapshot?.status;
    return status ? JSON.stringify([status.head, status.stashCount]) : '';
  });

  useEffect(() => {
    void reloadHistory();
  }, [headKey]);

  const title = filterPath ? `File History: ${filterPath.split('/').pop() ?? filterPath}` : 'Graph';
  return (
    <section className={`scm-graph-pane${collapsed ? ' collapsed' : ''}`} data-testid="scm-graph-pane">
      <div className="pane-header scm-pane-header">
        <button
          type="button"
          className="pane-header-toggle"
          aria-expanded={!collapsed}
          title={filterPath ?? 'Commits of every branch'}
          onClick={() => useHistoryStore.setState({ collapsed: !collapsed })}
        >
          <Codicon name={collapsed ? 'chevron-right' : 'chevron-down'} />
          <span className="pane-header-title">{title}</span>
        </button>
        <div className="pane-header-actions">
          {filterPath ? (
            <button type="button" className="icon-button" title="Show All Branches" aria-label="Show All Branches" onClick={() => showFileHistory(null)}>
              <Codicon name="close" />
            </button>
          ) : null}
          <button type="button" className="icon-button" title="Refresh" aria-label="Refresh Graph" onClick={() => void reloadHistory()}>
            <Codicon name="refresh" />
          </button>
        </div>
      </div>
      {collapsed ? null : error ? (
        <div className="scm-message">{error}</div>
      ) : empty && !loading ? (
        <div className="scm-message">{filterPath ? 'No commits changed this file.' : 'No commits yet.'}</div>
      ) : (
        <CommitList />
      )}
    </section>
  );
}
