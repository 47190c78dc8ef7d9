import type { CargoTestOutcome } from '../../../src-shared/contract';

/** The tests a harness lists with `--list`: lines `name: test` (benchmarks are left out). */
export function parseTestList(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => /^(.+): test$/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

export interface TestResult {
  name: string;
  outcome: CargoTestOutcome;
  output?: string;
}

const resultLine = /^test (.+?) \.\.\. (ok|FAILED|ignored)(?:,.*)?$/;
const failureHeader = /^---- (.+?) stdout ----$/;

/**
 * Follows libtest's human output line by line. A passed or ignored test is known at once; a failed
 * one when its binary's summary (`test result:`) is printed, after the section with what it printed.
 */
export class TestOutputParser {
  private readonly failed: string[] = [];
  private readonly outputs = new Map<string, string[]>();
  private section: string[] | undefined;

  push(line: string): TestResult[] {
    const result = resultLine.exec(line);
    if (result?.[1] && result[2]) {
      if (result[2] === 'FAILED') {
        this.failed.push(result[1]);
        return [];
      }
      return [{ name: result[1], outcome: result[2] === 'ok' ? 'passed' : 'ignored' }];
    }
    const header = failureHeader.exec(line);
    if (header?.[1]) {
      this.section = [];
      this.outputs.set(header[1], this.section);
      return [];
    }
    if (line === 'failures:' || line.startsWith('test result:')) this.section = undefined;
    else this.section?.push(line);
    return line.startsWith('test result:') ? this.flushFailed() : [];
  }

  /** Failed tests whose summary never came (the binary crashed). */
  finish(): TestResult[] {
    return this.flushFailed();
  }

  private flushFailed(): TestResult[] {
    const results = this.failed.splice(0).map((name): TestResult => {
      const output = this.outputs.get(name)?.join('\n').trim();
      return output ? { name, outcome: 'failed', output } : { name, outcome: 'failed' };
    });
    this.outputs.clear();
    return results;
  }
}
