/** One line of a file with the line ending that follows it ('' only on a last line without a final newline). */
export interface Line {
  readonly text: string;
  readonly eol: string;
}

/** A search/replace instruction: `search` lines to find, `replace` lines to put in their place. */
export interface SearchReplaceBlock {
  readonly search: readonly string[];
  readonly replace: readonly string[];
  /** 1-based line where the edit is expected (from a diff hunk header); breaks ties between equal matches. */
  readonly lineHint?: number;
  /** The file the block names, when the answer names one. */
  readonly path?: string;
}

/** Which matching rule found a block. */
export type MatchLayer = 'exact' | 'trailing-whitespace' | 'whitespace' | 'elision' | 'fuzzy';

export type RefusalReason =
  | 'not-found'
  | 'ambiguous'
  | 'empty-search'
  | 'elision-mismatch'
  | 'unparsed'
  | 'unsafe-rewrite';

/** A 1-based, inclusive line range with how alike it is to the search text (1 = identical). */
export interface Candidate {
  readonly startLine: number;
  readonly endLine: number;
  readonly similarity: number;
}

export interface Refusal {
  /** Index of the block in the answer; -1 when the whole answer is refused. */
  readonly blockIndex: number;
  readonly reason: RefusalReason;
  readonly detail: string;
  readonly search: readonly string[];
  readonly closest?: Candidate;
  /** The closest candidate's lines as the file had them when the block was tried. */
  readonly closestText?: string;
}

export interface AppliedBlock {
  readonly blockIndex: number;
  readonly layer: MatchLayer;
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * A change to accept or reject on its own. Lines keep their own endings so a hunk applies byte for byte;
 * `oldStart` is the 0-based index of the first replaced line in the original, `newStart` in the new text.
 */
export interface Hunk {
  readonly id: number;
  readonly oldStart: number;
  readonly newStart: number;
  readonly oldLines: readonly string[];
  readonly newLines: readonly string[];
}

/** The outcome of planning an edit: nothing is written until the caller accepts hunks. */
export interface PendingEdit {
  readonly original: string;
  readonly newText: string;
  readonly hunks: readonly Hunk[];
  readonly applied: readonly AppliedBlock[];
  readonly refusals: readonly Refusal[];
}
