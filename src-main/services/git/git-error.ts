import { LatheError, type ErrorCode, type GitErrorDetails, type GitErrorReason } from '../../../src-shared/contract';

/** A LatheError whose details tell the workbench why (see `gitErrorDetailsSchema`). */
export function gitError(code: ErrorCode, message: string, reason?: GitErrorReason, extra: Omit<GitErrorDetails, 'reason'> = {}): LatheError {
  return new LatheError(code, message, reason ? { reason, ...extra } : undefined);
}

/** git's own words, trimmed to what a message box shows. */
export function gitWords(text: string, limit = 2000): string {
  const trimmed = text.trim();
  return trimmed.length > limit ? `${trimmed.slice(0, limit)}…` : trimmed;
}
