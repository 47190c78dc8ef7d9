import type { PipelineRunDiagnostic } from '../../../../src-shared/contract';

/** A problem read from a log, before its file is made workspace-relative. */
export type MatchedProblem = Pick<PipelineRunDiagnostic, 'line' | 'column' | 'severity' | 'message' | 'source' | 'code'> & { file: string };

const ansiEscape = /\x1b\[[0-9;]*[A-Za-z]/g;

// rustc and cargo: `error[E0308]: mismatched types` then `  --> src/main.rs:4:5`; or `--message-format short`.
const rustHeader = /^(error|warning)(?:\[([\w:]+)\])?: (.+)$/;
const rustLocation = /^\s*--> (.+?):(\d+):(\d+)$/;
const rustShort = /^(.+?):(\d+):(\d+): (error|warning)(?:\[([\w:]+)\])?: (.+)$/;
// tsc: `src/a.ts(12,5): error TS2322: …` or, with --pretty, `src/a.ts:12:5 - error TS2322: …`.
const tscPlain = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+): (.+)$/;
const tscPretty = /^(.+?):(\d+):(\d+) - (error|warning) (TS\d+): (.+)$/;
// eslint's default (stylish) output: a file's path alone on a line, then `  12:5  error  message  rule`.
const eslintExtensions = new Set(['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'svelte', 'astro']);
const eslintProblem = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?$/;

/**
 * The built-in problem matchers (rustc/cargo, tsc, eslint) over one stream of log lines. Stateful: some
 * formats spread a problem over several lines. Lines are pre-filtered cheaply, so a flood costs little.
 */
export class ProblemMatchers {
  private pendingRust: { severity: 'error' | 'warning'; code: string | null; message: string; linesLeft: number } | undefined;
  private eslintPath: string | undefined;

  match(rawLine: string): MatchedProblem | undefined {
    if (rawLine.length > 2000) return undefined;
    const line = rawLine.includes('\x1b') ? rawLine.replace(ansiEscape, '') : rawLine;
    return this.matchRust(line) ?? this.matchTsc(line) ?? this.matchEslint(line);
  }

  private matchRust(line: string): MatchedProblem | undefined {
    const pending = this.pendingRust;
    if (pending) {
      const location = line.includes('-->') ? rustLocation.exec(line) : null;
      if (location) {
        this.pendingRust = undefined;
        return { source: 'rustc', severity: pending.severity, code: pending.code, message: pending.message, file: location[1] ?? '', line: Number(location[2]), column: Number(location[3]) };
      }
      pending.linesLeft -= 1;
      if (pending.linesLeft <= 0) this.pendingRust = undefined;
    }
    if (!line.startsWith('error') && !line.startsWith('warning') && !line.includes(': error') && !line.includes(': warning')) return undefined;
    const header = rustHeader.exec(line);
    if (header) {
      this.pendingRust = { severity: header[1] as 'error' | 'warning', code: header[2] ?? null, message: header[3] ?? '', linesLeft: 2 };
      return undefined;
    }
    const short = rustShort.exec(line);
    if (short && !short[1]?.endsWith(')')) {
      return { source: 'rustc', file: short[1] ?? '', line: Number(short[2]), column: Number(short[3]), severity: short[4] as 'error' | 'warning', code: short[5] ?? null, message: short[6] ?? '' };
    }
    return undefined;
  }

  private matchTsc(line: string): MatchedProblem | undefined {
    if (!line.includes(' TS')) return undefined;
    const match = tscPlain.exec(line) ?? tscPretty.exec(line);
    if (!match) return undefined;
    return { source: 'tsc', file: match[1] ?? '', line: Number(match[2]), column: Number(match[3]), severity: match[4] as 'error' | 'warning', code: match[5] ?? null, message: match[6] ?? '' };
  }

  private matchEslint(line: string): MatchedProblem | undefined {
    if (line.trim() === '') {
      this.eslintPath = undefined;
      return undefined;
    }
    if (!line.startsWith(' ')) {
      this.eslintPath = eslintExtensions.has(line.slice(line.lastIndexOf('.') + 1).trimEnd()) ? line.trim() : undefined;
      return undefined;
    }
    if (!this.eslintPath) return undefined;
    const match = eslintProblem.exec(line);
    if (!match) return undefined;
    return { source: 'eslint', file: this.eslintPath, line: Number(match[1]), column: Number(match[2]), severity: match[3] as 'error' | 'warning', message: match[4] ?? '', code: match[5] ?? null };
  }
}
