import { useEffect, useState } from 'react';
import type { PipelineDurations } from '../../../src-shared/contract';
import { host } from '../../platform/host';

/** Job durations over a pipeline's latest runs, fetched again whenever `version` changes (a run finished). */
export function useDurations(pipelineId: string, version: string): PipelineDurations {
  const [kept, setKept] = useState<{ pipelineId: string; durations: PipelineDurations }>({ pipelineId, durations: [] });
  useEffect(() => {
    let current = true;
    void host()
      .pipelines.durations({ pipelineId, limit: 20 })
      .then((durations) => {
        if (current) setKept({ pipelineId, durations });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [pipelineId, version]);
  return kept.pipelineId === pipelineId ? kept.durations : [];
}
