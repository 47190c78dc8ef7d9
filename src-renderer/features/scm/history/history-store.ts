import { create } from 'zustand';
import type { GitCommitDetails, GitLogCommit } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import { gitFailure } from '../git-errors';
import { emptyGraphState, layoutGraph, type GraphRow, type GraphState } from './graph-layout';

/** Commits asked for at a time: enough to fill many screens, few enough to answer fast. */
const historyPageSize = 500;

interface HistoryState {
  /** Only the commits that changed this file (file history); null for every branch. */
  filterPath: string | null;
  rows: GraphRow[];
  graph: GraphState;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  /** Remote names, to tell `origin/main` (a remote branch) from `feature/x` (a local one). */
  remotes: string[];
  /** The commit whose files are shown under it. */
  expanded: string | null;
  details: Record<string, GitCommitDetails | 'loading' | { error: string }>;
  collapsed: boolean;
  /** File history: the last commit read, drawn once the next page says which commit follows it. */
  carry: GitLogCommit | null;
  /** Bumped by every reload, so a page that arrives for an older list is dropped. */
  generation: number;
}

export const useHistoryStore = create<HistoryState>()(() => ({
  filterPath: null,
  rows: [],
  graph: emptyGraphState(),
  hasMore: false,
  loading: false,
  error: null,
  remotes: [],
  expanded: null,
  details: {},
  collapsed: false,
  carry: null,
  generation: 0,
}));

/**
 * File history is a list, not a graph: its commits' parents are often commits the list leaves out,
 * so each commit is drawn as following the next one.
 */
function asLinearHistory(commits: readonly GitLogCommit[]): GitLogCommit[] {
  return commits.map((commit, index) => {
    const following = commits[index + 1];
    return { ...commit, parents: following ? [following.oid] : [] };
  });
}

async function fetchPage(generation: number): Promise<void> {
  const { filterPath, rows, carry } = useHistoryStore.getState();
  useHistoryStore.setState({ loading: true });
  try {
    const page = await host().git.log({
      all: filterPath === null,
      ...(filterPath === null ? {} : { path: filterPath }),
      skip: rows.length + (carry ? 1 : 0),
      limit: historyPageSize,
    });
    const state = useHistoryStore.getState();
    if (state.generation !== generation) return;
    let commits = page.commits;
    let nextCarry: GitLogCommit | null = null;
    if (filterPath !== null) {
      const read = carry ? [carry, ...page.commits] : page.commits;
      nextCarry = page.hasMore ? (read[read.length - 1] ?? null) : null;
      commits = asLinearHistory(read).slice(0, nextCarry ? -1 : undefined);
    }
    const laidOut = layoutGraph(state.graph, commits);
    useHistoryStore.setState({
      rows: [...state.rows, ...laidOut.rows],
      graph: laidOut.state,
      carry: nextCarry,
      hasMore: page.hasMore,
      loading: false,
      error: null,
    });
  } catch (error) {
    if (useHistoryStore.getState().generation !== generation) return;
    const failure = gitFailure(error);
    // An empty repository has no history yet: that is not an error to show.
    const empty = failure.details?.reason === 'emptyRepository';
    useHistoryStore.setState({ loading: false, hasMore: false, error: empty ? null : failure.message });
  }
}

/** Reads the history again from the top (after a commit, a fetch, a switch of branch or filter). */
export async function reloadHistory(): Promise<void> {
  const generation = useHistoryStore.getState().generation + 1;
  // A commit's details never change: those read before are kept, so an expanded commit stays open.
  useHistoryStore.setState({ generation, rows: [], graph: emptyGraphState(), carry: null, hasMore: false, error: null });
  const remotes = await host()
    .git.remotes()
    .catch(() => []);
  if (useHistoryStore.getState().generation !== generation) return;
  useHistoryStore.setState({ remotes: remotes.map((remote) => remote.name) });
  await fetchPage(generation);
}

/** Reads the next page, unless one is on its way or there is none. */
export function loadMoreHistory(): void {
  const { loading, hasMore, generation } = useHistoryStore.getState();
  if (!loading && hasMore) void fetchPage(generation);
}

/** Shows the history of one file (or, with null, of every branch again). */
export function showFileHistory(path: string | null): void {
  useHistoryStore.setState({ filterPath: path, expanded: null, collapsed: false });
  void reloadHistory();
}

/** Shows a commit's files under it, reading them the first time; a second click hides them. */
export async function toggleCommit(oid: string): Promise<void> {
  const { expanded, details } = useHistoryStore.getState();
  if (expanded === oid) {
    useHistoryStore.setState({ expanded: null });
    return;
  }
  useHistoryStore.setState({ expanded: oid });
  if (details[oid] && details[oid] !== 'loading' && !('error' in details[oid])) return;
  useHistoryStore.setState((state) => ({ details: { ...state.details, [oid]: 'loading' } }));
  try {
    const loaded = await host().git.showCommit({ revision: oid });
    useHistoryStore.setState((state) => ({ details: { ...state.details, [oid]: loaded } }));
  } catch (error) {
    useHistoryStore.setState((state) => ({ details: { ...state.details, [oid]: { error: gitFailure(error).message } } }));
  }
}
