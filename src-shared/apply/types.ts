import type { AiEditHunk, AiEditRefusal, AiPendingEdit } from '../contract/index.js';

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

/*
 * What a plan is made of is what the AI contract carries to clients (`aiPendingEditSchema`): one definition.
 */

/** Which matching rule found a block. */
export type MatchLayer = AppliedBlock['layer'];

export type RefusalReason = Refusal['reason'];

/** A 1-based, inclusive line range with how alike it is to the search text (1 = identical). */
export type Candidate = NonNullable<Refusal['closest']>;

/** A block that was not applied; `closestText` is the closest candidate's lines as the file had them when the block was tried. */
export type Refusal = AiEditRefusal;

export type AppliedBlock = AiPendingEdit['applied'][number];

/**
 * A change to accept or reject on its own. Lines keep their own endings so a hunk applies byte for byte;
 * `oldStart` is the 0-based index of the first replaced line in the original, `newStart` in the new text.
 */
export type Hunk = AiEditHunk;

/** The outcome of planning an edit: nothing is written until the caller accepts hunks. */
export type PendingEdit = Omit<AiPendingEdit, 'path'>;
