import type { PipelineLogLine } from '../../../src-shared/contract';

/** A log line to draw: its number in the log (1-based), and the group it opens or lies in. */
export interface LogRow {
  line: PipelineLogLine;
  number: number;
  /** The number of the `group` line this one lies in, if any. */
  groupOf: number | null;
}

/** Numbers the lines and ties each to its `::group::`, leaving out `endgroup` markers and the lines of groups not expanded (folded by default, as on GitHub). */
export function visibleRows(lines: readonly PipelineLogLine[], expanded: ReadonlySet<number>): LogRow[] {
  const rows: LogRow[] = [];
  let group: number | null = null;
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.kind === 'endgroup') {
      group = null;
      return;
    }
    if (line.kind === 'group') {
      group = number;
      rows.push({ line, number, groupOf: null });
      return;
    }
    if (group !== null && !expanded.has(group)) return;
    rows.push({ line, number, groupOf: group });
  });
  return rows;
}
