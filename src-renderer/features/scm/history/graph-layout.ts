import type { GitLogCommit } from '../../../../src-shared/contract';

/** A line drawn in one row: from a column at one height to a column at another (0 top, 0.5 middle, 1 bottom). */
export interface GraphSegment {
  fromColumn: number;
  fromY: 0 | 0.5;
  toColumn: number;
  toY: 0.5 | 1;
  /** An index into the lane colours. */
  color: number;
}

export interface GraphRow {
  commit: GitLogCommit;
  /** The column of the commit's dot. */
  column: number;
  color: number;
  segments: GraphSegment[];
  /** Columns whose lines go on below this row (rows inserted under it, such as its files, continue them). */
  continuing: { column: number; color: number }[];
  /** How many columns the row uses. */
  width: number;
}

interface Lane {
  /** The commit this lane leads to. */
  oid: string;
  color: number;
}

/** Where the layout stands between two pages of the log. */
export interface GraphState {
  lanes: (Lane | null)[];
  nextColor: number;
}

export const emptyGraphState = (): GraphState => ({ lanes: [], nextColor: 0 });

const graphColorCount = 5;

/** The first free column, or a new one at the end. */
function freeColumn(lanes: readonly (Lane | null)[]): number {
  const index = lanes.indexOf(null);
  return index < 0 ? lanes.length : index;
}

function trimEnd(lanes: (Lane | null)[]): void {
  while (lanes.length > 0 && lanes[lanes.length - 1] === null) lanes.pop();
}

/**
 * Lays out commits (newest first, as the log gives them) in lanes: each lane waits for one commit,
 * a commit takes the leftmost lane that waits for it and hands it to its first parent, and its other
 * parents get lanes of their own. Columns stay where they are while a lane lives, so a line never jumps
 * sideways; freed columns are reused. The state carries over, so pages can be laid out as they come.
 */
export function layoutGraph(previous: GraphState, commits: readonly GitLogCommit[]): { rows: GraphRow[]; state: GraphState } {
  const lanes = [...previous.lanes];
  let nextColor = previous.nextColor;
  const takeColor = (): number => nextColor++ % graphColorCount;
  const rows: GraphRow[] = [];

  for (const commit of commits) {
    const segments: GraphSegment[] = [];
    const waiting = lanes.flatMap((lane, column) => (lane?.oid === commit.oid ? [column] : []));
    const column = waiting[0] ?? freeColumn(lanes);
    const color = (waiting[0] !== undefined ? lanes[column]?.color : undefined) ?? takeColor();

    // Top half: lanes that waited for this commit join its dot; the others pass by.
    const before = [...lanes];
    before.forEach((lane, index) => {
      if (!lane) return;
      if (lane.oid === commit.oid) segments.push({ fromColumn: index, fromY: 0, toColumn: column, toY: 0.5, color: lane.color });
      else segments.push({ fromColumn: index, fromY: 0, toColumn: index, toY: 0.5, color: lane.color });
    });
    for (const index of waiting) lanes[index] = null;

    // Bottom half: the first parent always continues this lane, so a branch's own line stays
    // straight (lanes that wait for the same commit meet at its dot); other parents join the lane
    // that already waits for them, or open one.
    const [first, ...others] = commit.parents;
    if (first !== undefined) lanes[column] = { oid: first, color };
    for (const parent of others) {
      let target = lanes.findIndex((lane) => lane?.oid === parent);
      if (target < 0) {
        target = freeColumn(lanes);
        lanes[target] = { oid: parent, color: takeColor() };
      }
      segments.push({ fromColumn: column, fromY: 0.5, toColumn: target, toY: 1, color: lanes[target]?.color ?? color });
    }
    lanes.forEach((lane, index) => {
      if (!lane) return;
      // The first parent's lane leaves the dot straight down; lanes that passed by go straight on
      // (lanes opened for the other parents were drawn from the dot above).
      if (index === column && lane.oid === first) segments.push({ fromColumn: column, fromY: 0.5, toColumn: column, toY: 1, color: lane.color });
      else if (index !== column && before[index]?.oid === lane.oid) segments.push({ fromColumn: index, fromY: 0.5, toColumn: index, toY: 1, color: lane.color });
    });
    trimEnd(lanes);

    const continuing = lanes.flatMap((lane, index) => (lane ? [{ column: index, color: lane.color }] : []));
    const width = Math.max(column + 1, before.length, lanes.length);
    rows.push({ commit, column, color, segments, continuing, width });
  }
  return { rows, state: { lanes, nextColor } };
}
