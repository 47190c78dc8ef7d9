import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { parseAnsi, stripAnsi } from './ansi';
import { visibleRows, type LogRow } from './log-groups';
import { useStepLog } from './use-step-log';
import { useVisibleWindow } from './use-visible-window';
import './ansi.css';

interface StepLogProps {
  runId: string;
  jobKey: string;
  stepIndex: number;
  /** The attempt to show (the latest); undefined before the step started. */
  attempt: number | undefined;
  filter: string;
}

/** Matches `.pipeline-log-line` in the style sheet: rows are one line each, so the log can draw only what is seen. */
const rowHeight = 18;

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

function LogLine({ row, expanded, onToggle }: { row: LogRow; expanded: boolean; onToggle(): void }) {
  const { line, number } = row;
  const isGroup = line.kind === 'group';
  return (
    <div
      className={`pipeline-log-line kind-${line.kind}${row.groupOf === null ? '' : ' in-group'}`}
      data-testid="pipeline-log-line"
      onClick={isGroup ? onToggle : undefined}
      aria-expanded={isGroup ? expanded : undefined}
    >
      <span className="pipeline-log-number">{number}</span>
      <span className="pipeline-log-time">{clock.format(line.time)}</span>
      <span className="pipeline-log-text">
        {isGroup ? <Codicon name={expanded ? 'chevron-down' : 'chevron-right'} /> : null}
        {parseAnsi(line.text).map((segment, index) =>
          segment.className ? (
            <span key={index} className={segment.className}>
              {segment.text}
            </span>
          ) : (
            segment.text
          ),
        )}
      </span>
    </div>
  );
}

/** A step's log, live while the step runs: ANSI colours, folded `::group::`s, a text filter, and it follows the end. */
export function StepLog({ runId, jobKey, stepIndex, attempt, filter }: StepLogProps) {
  const log = useStepLog(runId, jobKey, stepIndex, attempt);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (needle === '') return visibleRows(log.lines, expanded);
    // A filter looks through folded groups too.
    return log.lines
      .map((line, index) => ({ line, number: index + 1, groupOf: null }))
      .filter(({ line }) => line.kind !== 'endgroup' && stripAnsi(line.text).toLowerCase().includes(needle));
  }, [log.lines, expanded, filter]);
  const visible = useVisibleWindow(scroller, rowHeight, rows.length);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atEnd.current) element.scrollTop = element.scrollHeight;
  }, [rows]);
  const toggle = (number: number) =>
    setExpanded((current) => (current.has(number) ? new Set([...current].filter((other) => other !== number)) : new Set([...current, number])));
  return (
    <div
      className="pipeline-log"
      data-testid="pipeline-log"
      data-ended={log.ended}
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < rowHeight;
        visible.onScroll();
      }}
    >
      {attempt === undefined ? <div className="pipeline-log-note">This step has not started.</div> : null}
      <div className="pipeline-log-rows" style={{ height: rows.length * rowHeight }}>
        <div style={{ transform: `translateY(${String(visible.start * rowHeight)}px)` }}>
          {rows.slice(visible.start, visible.end).map((row) => (
            <LogLine key={row.number} row={row} expanded={expanded.has(row.number)} onToggle={() => toggle(row.number)} />
          ))}
        </div>
      </div>
      {log.truncated ? <div className="pipeline-log-note">The log reached its size limit; later output was dropped.</div> : null}
      {log.error ? <div className="pipeline-log-note error">{log.error}</div> : null}
    </div>
  );
}
