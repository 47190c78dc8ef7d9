import { useEffect, useState } from 'react';
import type { PipelineLogLine } from '../../../src-shared/contract';
import { host } from '../../platform/host';

export interface StepLog {
  lines: PipelineLogLine[];
  /** The attempt ended and every line arrived. */
  ended: boolean;
  truncated: boolean;
  error: string | null;
}

const empty: StepLog = { lines: [], ended: false, truncated: false, error: null };

/**
 * A step's log, following it while the step runs. A new attempt (a retry) starts a new stream; lines
 * arriving together are handed to React once per frame.
 */
export function useStepLog(runId: string, jobKey: string, stepIndex: number, attempt: number | undefined): StepLog {
  const source = `${runId}/${jobKey}/${String(stepIndex)}/${String(attempt)}`;
  // The log is kept with the stream it came from, so switching steps never shows the previous one's lines.
  const [kept, setKept] = useState<{ source: string; log: StepLog }>({ source, log: empty });
  useEffect(() => {
    if (attempt === undefined) return undefined;
    const setLog = (update: (current: StepLog) => StepLog) =>
      setKept((current) => ({ source, log: update(current.source === source ? current.log : empty) }));
    let arrived: PipelineLogLine[] = [];
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      const batch = arrived;
      arrived = [];
      if (batch.length > 0) setLog((current) => ({ ...current, lines: [...current.lines, ...batch] }));
    };
    const stream = host().pipelines.logs(
      { runId, jobKey, stepIndex, attempt, follow: true },
      {
        next: (chunk) => {
          if (chunk.kind === 'lines') {
            arrived.push(...chunk.lines);
            frame ??= requestAnimationFrame(flush);
          } else {
            if (frame !== undefined) cancelAnimationFrame(frame);
            flush();
            setLog((current) => ({ ...current, ended: true, truncated: chunk.truncated }));
          }
        },
        error: (error) => {
          if (error.code !== 'CANCELLED') setLog((current) => ({ ...current, error: error.message }));
        },
      },
    );
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      stream.dispose();
    };
  }, [source, runId, jobKey, stepIndex, attempt]);
  return kept.source === source ? kept.log : empty;
}
