import { LatheError, type AiLineRegion } from '../../../src-shared/contract';

/** Refuses a region outside the text; it may end on the last line, or be the empty range after it (an insertion). */
export function checkRegion(region: AiLineRegion | undefined, lineCount: number): void {
  if (region && (region.startLine > lineCount + 1 || region.endLine > lineCount)) {
    throw new LatheError('INVALID_INPUT', `Lines ${region.startLine}-${region.endLine} are not in the file: it has ${lineCount} line(s)`);
  }
}
