import { create } from 'zustand';
import type { PipelineList, PipelineRun, PipelineRunDetail, PipelineStarter } from '../../../src-shared/contract';

/** How many runs the view's history keeps. */
export const recentRunCount = 30;

/** The step whose log is shown. */
export interface SelectedStep {
  jobKey: string;
  stepIndex: number;
}

interface PipelinesState {
  list: PipelineList | null;
  /** Recent runs of every pipeline, newest first. */
  runs: PipelineRun[];
  starter: PipelineStarter | null;
  /** The run shown in the panel, with everything known about it. */
  detail: PipelineRunDetail | null;
  selectedJobKey: string | null;
  selectedStep: SelectedStep | null;
  setList(list: PipelineList): void;
  setRuns(runs: PipelineRun[]): void;
  /** Puts a new or changed run at its place in the history. */
  upsertRun(run: PipelineRun): void;
  setStarter(starter: PipelineStarter | null): void;
  showDetail(detail: PipelineRunDetail): void;
  updateDetail(update: (detail: PipelineRunDetail) => PipelineRunDetail): void;
  selectJob(jobKey: string | null): void;
  selectStep(step: SelectedStep | null): void;
}

export const usePipelinesStore = create<PipelinesState>()((set) => ({
  list: null,
  runs: [],
  starter: null,
  detail: null,
  selectedJobKey: null,
  selectedStep: null,
  setList: (list) => set({ list }),
  setRuns: (runs) => set({ runs }),
  upsertRun: (run) =>
    set((state) => {
      const others = state.runs.filter((known) => known.id !== run.id);
      return { runs: [...others, run].sort((a, b) => b.createdAt - a.createdAt).slice(0, recentRunCount) };
    }),
  setStarter: (starter) => set({ starter }),
  showDetail: (detail) =>
    set((state) => {
      const sameRun = state.detail?.run.id === detail.run.id;
      return { detail, selectedJobKey: sameRun ? state.selectedJobKey : null, selectedStep: sameRun ? state.selectedStep : null };
    }),
  updateDetail: (update) => set((state) => (state.detail ? { detail: update(state.detail) } : state)),
  selectJob: (selectedJobKey) => set({ selectedJobKey, selectedStep: null }),
  selectStep: (selectedStep) => set({ selectedStep }),
}));
