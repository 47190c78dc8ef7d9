import { memo } from 'react';
import type { GraphRow, GraphSegment } from './graph-layout';

const laneWidth = 11;
export const rowHeight = 22;
const dotRadius = 4;

const x = (column: number): number => column * laneWidth + laneWidth / 2 + 2;
const stroke = (color: number): string => `var(--scm-graph-${color + 1})`;

function segmentPath({ fromColumn, fromY, toColumn, toY }: GraphSegment): string {
  const x1 = x(fromColumn);
  const x2 = x(toColumn);
  const y1 = fromY * rowHeight;
  const y2 = toY * rowHeight;
  if (x1 === x2) return `M ${x1} ${y1} L ${x2} ${y2}`;
  const middle = (y1 + y2) / 2;
  return `M ${x1} ${y1} C ${x1} ${middle}, ${x2} ${middle}, ${x2} ${y2}`;
}

interface GraphCellProps {
  row: GraphRow;
  /** Columns the cell is wide (the widest row on screen, so the text lines up). */
  columns: number;
  /** The checked-out commit: its dot is drawn as a ring. */
  head: boolean;
}

/** One row of the commit graph: the lanes passing through, the lines joining the commit, and its dot. */
export const GraphCell = memo(function GraphCell({ row, columns, head }: GraphCellProps) {
  const width = columns * laneWidth + 4;
  const merge = row.commit.parents.length > 1;
  return (
    <svg className="scm-graph-cell" width={width} height={rowHeight} aria-hidden="true">
      {row.segments.map((segment, index) => (
        <path key={index} d={segmentPath(segment)} stroke={stroke(segment.color)} strokeWidth={1.5} fill="none" />
      ))}
      {head || merge ? (
        <circle cx={x(row.column)} cy={rowHeight / 2} r={dotRadius} fill="var(--side-bar-background)" stroke={stroke(row.color)} strokeWidth={head ? 2.5 : 1.5} />
      ) : (
        <circle cx={x(row.column)} cy={rowHeight / 2} r={dotRadius} fill={stroke(row.color)} />
      )}
      {merge && !head ? <circle cx={x(row.column)} cy={rowHeight / 2} r={1.5} fill={stroke(row.color)} /> : null}
    </svg>
  );
});

/** The lanes that go on under a commit, drawn through the rows of its files. */
export function GraphContinuation({ row, columns }: { row: GraphRow; columns: number }) {
  const width = columns * laneWidth + 4;
  return (
    <svg className="scm-graph-cell" width={width} height={rowHeight} aria-hidden="true">
      {row.continuing.map((lane) => (
        <path key={lane.column} d={`M ${x(lane.column)} 0 L ${x(lane.column)} ${rowHeight}`} stroke={stroke(lane.color)} strokeWidth={1.5} fill="none" />
      ))}
    </svg>
  );
}
