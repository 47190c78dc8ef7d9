import type { AiLineRegion, AiReviewFinding, Diagnostic } from '../../../src-shared/contract';

/** The Problems registry's source for AI review findings, and what the Problems view names them. */
export const reviewSource = 'ai-review';
const reviewOrigin = 'AI review';

const categoryLabels: Record<AiReviewFinding['category'], string> = {
  security: 'Security',
  performance: 'Performance',
  smell: 'Code smell',
  'best-practice': 'Best practice',
  bug: 'Bug',
};

/** A finding as a problem: its category leads the message, its suggestion follows it; squiggled from the first code on its first line to the end of its last. */
export function findingDiagnostic(finding: AiReviewFinding, lines: readonly string[]): Diagnostic {
  const first = lines[finding.startLine - 1] ?? '';
  const last = lines[finding.endLine - 1] ?? '';
  return {
    range: { start: { line: finding.startLine, column: first.length - first.trimStart().length + 1 }, end: { line: finding.endLine, column: last.length + 1 } },
    severity: finding.severity,
    message: `${categoryLabels[finding.category]}: ${finding.message}${finding.suggestion ? `\n\nSuggestion: ${finding.suggestion}` : ''}`,
    source: reviewOrigin,
  };
}

/** A file's findings after a review: a file review replaces them all, a selection review only those on the lines it covered. */
export function mergeFindings(previous: readonly Diagnostic[], found: readonly Diagnostic[], reviewed: AiLineRegion | undefined): Diagnostic[] {
  const kept = reviewed ? previous.filter((finding) => finding.range.end.line < reviewed.startLine || finding.range.start.line > reviewed.endLine) : [];
  return [...kept, ...found].sort((a, b) => a.range.start.line - b.range.start.line);
}
