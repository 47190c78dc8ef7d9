/**
 * The apply engine: turns a model's edit (search/replace blocks, a unified diff or a rewrite) into a pending edit
 * of hunks against a file's text, or refuses blocks it cannot place exactly once. It never writes anything.
 */
export { applyAcceptedHunks, diffHunks, rawLines } from './hunks.js';
export { textLines } from './lines.js';
export { FUZZY_MARGIN, FUZZY_THRESHOLD, locateBlock, type Located } from './locate-block.js';
export { parseAnswer, parseSearchReplace, parseUnifiedDiff, type AnswerBlock, type ParsedAnswer } from './parse-answer.js';
export { planEdit, planRewrite, planSearchReplace, type LineRegion, type PlanOptions } from './plan-edit.js';
export { MAX_RETRIES, retryMessage } from './retry-message.js';
export type { NodeLines, SyntaxOutline, SyntaxParser } from './syntax.js';
export type { AppliedBlock, Candidate, Hunk, MatchLayer, PendingEdit, Refusal, RefusalReason, SearchReplaceBlock } from './types.js';
