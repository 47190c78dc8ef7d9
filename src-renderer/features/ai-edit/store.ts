import { create } from 'zustand';
import type { AiEditRefusal } from '../../../src-shared/contract';
import type { NewProblem } from './new-problems';

/** `streaming`: the model is answering; `pending`: hunks wait for Accept or Reject; `resolved`: none is left. */
export type EditStatus = 'idle' | 'streaming' | 'pending' | 'resolved' | 'failed';

/** What the file's problems say after an accepted change, compared with before it. */
export type ProblemsCheck =
  | { state: 'none' }
  | { state: 'waiting'; by: 'language-server' | 'cargo' }
  | { state: 'done'; problems: NewProblem[]; heard: boolean; by: 'language-server' | 'cargo' };

export interface EditBox {
  /** New for every box, so the box's own state (its input) starts over. */
  id: number;
  title: string | null;
  /** No region: the model answers with SEARCH/REPLACE blocks anywhere in the file. */
  wholeFile: boolean;
  status: EditStatus;
  /** The model the request goes to, then the one that answered. */
  model: string;
  /** Instructions sent from this box, oldest first; the next one refines the edit. */
  instructions: string[];
  /** The answer as it streams, for whole-file edits (their blocks cannot be drawn before they are planned). */
  answer: string;
  /** One line each: fallbacks, notices, a retry, changes dropped because their lines were edited. */
  notes: string[];
  refusals: AiEditRefusal[];
  hunks: { pending: number; accepted: number; total: number };
  error: string | null;
  check: ProblemsCheck;
  /** A Rust file in a cargo crate: cargo check can look at the result. */
  cargo: boolean;
}

/** The edit box on screen (one at a time, in the editor it was opened in). */
export const useAiEditStore = create<{ box: EditBox | null }>()(() => ({ box: null }));

/** Changes the box, if it is still the one on screen. */
export function updateBox(id: number, change: Partial<EditBox> | ((box: EditBox) => Partial<EditBox>)): void {
  useAiEditStore.setState((state) => (state.box?.id === id ? { box: { ...state.box, ...(typeof change === 'function' ? change(state.box) : change) } } : state));
}
