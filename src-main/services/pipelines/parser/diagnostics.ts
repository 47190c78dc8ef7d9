import type { PipelineDiagnostic } from '../../../../src-shared/contract';
import type { SourceRange } from '../model';

/** Collects a file's diagnostics, in the order found, without repeating one. */
export class DiagnosticList {
  private readonly items: PipelineDiagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly file: string) {}

  error(range: SourceRange, message: string): void {
    this.add(range, 'error', message);
  }

  warning(range: SourceRange, message: string): void {
    this.add(range, 'warning', message);
  }

  get hasErrors(): boolean {
    return this.items.some((item) => item.severity === 'error');
  }

  list(): PipelineDiagnostic[] {
    return [...this.items].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private add(range: SourceRange, severity: PipelineDiagnostic['severity'], message: string): void {
    const key = `${range.line}:${range.column}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ file: this.file, ...range, severity, message });
  }
}
