import { create } from 'zustand';
import type { TextSearchMatch } from '../../../src-shared/contract';

export interface SearchFileResult {
  path: string;
  matches: TextSearchMatch[];
  collapsed: boolean;
}

export interface SearchSummary {
  fileCount: number;
  matchCount: number;
  truncated: boolean;
  omitted: number;
}

export interface SearchOptions {
  query: string;
  replacement: string;
  isRegex: boolean;
  matchCase: boolean;
  wholeWord: boolean;
  include: string;
  exclude: string;
}

interface SearchState extends SearchOptions {
  showDetails: boolean;
  status: 'idle' | 'searching' | 'done';
  files: SearchFileResult[];
  summary: SearchSummary | null;
  error: string | null;
  /** Bumped to ask the view to focus (and select) the query box. */
  focusRequest: number;
  /** A replace is being prepared or written. */
  replacing: boolean;
  setOptions(options: Partial<SearchOptions>): void;
  toggleDetails(): void;
  toggleFile(path: string): void;
  requestFocus(): void;
  setReplacing(replacing: boolean): void;
  begin(): void;
  /** Appends files that arrived together (one render per animation frame, not per file). */
  addFiles(files: readonly { path: string; matches: TextSearchMatch[] }[]): void;
  finish(summary: SearchSummary): void;
  fail(message: string): void;
  clear(): void;
}

export const useSearchStore = create<SearchState>()((set) => ({
  query: '',
  replacement: '',
  isRegex: false,
  matchCase: false,
  wholeWord: false,
  include: '',
  exclude: '',
  showDetails: false,
  status: 'idle',
  files: [],
  summary: null,
  error: null,
  focusRequest: 0,
  replacing: false,
  setOptions: (options) => set(options),
  toggleDetails: () => set((state) => ({ showDetails: !state.showDetails })),
  toggleFile: (path) =>
    set((state) => ({ files: state.files.map((file) => (file.path === path ? { ...file, collapsed: !file.collapsed } : file)) })),
  requestFocus: () => set((state) => ({ focusRequest: state.focusRequest + 1 })),
  setReplacing: (replacing) => set({ replacing }),
  begin: () => set({ status: 'searching', files: [], summary: null, error: null }),
  addFiles: (files) => set((state) => ({ files: [...state.files, ...files.map((file) => ({ ...file, collapsed: false }))] })),
  finish: (summary) => set({ status: 'done', summary }),
  fail: (error) => set({ status: 'done', error, files: [], summary: null }),
  clear: () => set({ status: 'idle', files: [], summary: null, error: null }),
}));
