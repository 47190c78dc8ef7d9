import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FoundProblem } from '../../../../src-main/services/pipelines/logs/step-output';
import { readLog, type LogReadChunk } from '../../../../src-main/services/pipelines/logs/log-reader';
import { LogWriter } from '../../../../src-main/services/pipelines/logs/log-writer';
import { SecretMasker } from '../../../../src-main/services/pipelines/logs/masker';
import { ProblemMatchers } from '../../../../src-main/services/pipelines/logs/problem-matchers';
import { StepOutput } from '../../../../src-main/services/pipelines/logs/step-output';
import { parseWorkflowCommand } from '../../../../src-main/services/pipelines/logs/workflow-commands';
import { pipelineFixtures } from './pipelines-harness';

const scratch = mkdtempSync(join(tmpdir(), 'lathe-logs-'));
let fileCount = 0;
const newLog = (capBytes = 64 * 1024 * 1024) => LogWriter.create(join(scratch, `log-${++fileCount}`, 'a.log'), capBytes);

async function collect(chunks: AsyncIterable<LogReadChunk>): Promise<{ lines: string[]; firstLines: number[]; end: LogReadChunk | undefined }> {
  const lines: string[] = [];
  const firstLines: number[] = [];
  let end: LogReadChunk | undefined;
  for await (const chunk of chunks) {
    if (chunk.kind === 'lines') {
      firstLines.push(chunk.firstLine);
      lines.push(...chunk.lines.map((line) => line.text));
    } else {
      end = chunk;
    }
  }
  return { lines, firstLines, end };
}

describe('log files', () => {
  it('stores lines with time and kind, indexes them, and reads from any line', async () => {
    const writer = await newLog();
    for (let index = 0; index < 5000; index += 1) writer.append(index % 2 ? 'stderr' : 'stdout', `line ${index}\twith a tab`, 1000 + index);
    const index = await writer.close();
    expect(index).toMatchObject({ lineCount: 5000, truncated: false });
    expect(index.offsets).toHaveLength(5);
    expect(JSON.parse(readFileSync(`${writer.path}.idx`, 'utf8'))).toMatchObject({ lineCount: 5000 });
    const all = await collect(readLog(writer.path, undefined, 0, false, new AbortController().signal));
    expect(all.lines).toHaveLength(5000);
    expect(all.lines[4999]).toBe('line 4999\twith a tab');
    expect(all.end).toEqual({ kind: 'end', lineCount: 5000, truncated: false });
    const tail = await collect(readLog(writer.path, undefined, 4990, false, new AbortController().signal));
    expect(tail.lines).toEqual(Array.from({ length: 10 }, (_, offset) => `line ${4990 + offset}\twith a tab`));
    expect(tail.firstLines[0]).toBe(4990);
    const past = await collect(readLog(writer.path, undefined, 9000, false, new AbortController().signal));
    expect(past.lines).toEqual([]);
  });

  it('follows a live log until it closes, in chunks of at most 1000 lines', async () => {
    const writer = await newLog();
    const reading = collect(readLog(writer.path, writer, 0, true, new AbortController().signal));
    for (let batch = 0; batch < 5; batch += 1) {
      for (let index = 0; index < 700; index += 1) writer.append('stdout', `b${batch} ${index}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await writer.close();
    const { lines, end, firstLines } = await reading;
    expect(lines).toHaveLength(3500);
    expect(lines[3499]).toBe('b4 699');
    expect(end).toMatchObject({ kind: 'end', lineCount: 3500 });
    expect(firstLines.every((first, position) => position === 0 || first > (firstLines[position - 1] ?? 0))).toBe(true);
  });

  it('reads only as fast as the consumer pulls (back-pressure reaches the file)', async () => {
    const writer = await newLog();
    for (let index = 0; index < 20_000; index += 1) writer.append('stdout', `line ${index}`);
    await writer.close();
    const reader = readLog(writer.path, undefined, 0, false, new AbortController().signal);
    const first = await reader.next();
    expect(first.value).toMatchObject({ kind: 'lines', firstLine: 0 });
    expect((first.value as { lines: unknown[] }).lines).toHaveLength(1000);
    // Nothing more is read until asked; returning stops it and closes the file.
    await reader.return(undefined);
  });

  it('drops what passes the cap, says so once, and keeps counting', async () => {
    const writer = await newLog(10_000);
    for (let index = 0; index < 2000; index += 1) writer.append('stdout', `flood line number ${index}`);
    const index = await writer.close();
    expect(index.truncated).toBe(true);
    expect(index.bytes).toBeLessThan(10_500);
    const { lines } = await collect(readLog(writer.path, undefined, 0, false, new AbortController().signal));
    expect(lines.at(-1)).toMatch(/reached its cap .* further output of this attempt is dropped/);
  });

  it('reads a short log without an index, and one whose index is missing (a host that stopped) as finished', async () => {
    const writer = await newLog();
    writer.append('stdout', 'only line');
    await writer.close();
    expect(existsSync(`${writer.path}.idx`)).toBe(false);
    const { lines, end } = await collect(readLog(writer.path, undefined, 0, true, new AbortController().signal));
    expect(lines).toEqual(['only line']);
    expect(end).toMatchObject({ kind: 'end', lineCount: 1 });
    expect(existsSync(writer.path)).toBe(true);
  });
});

describe('step output: commands, masks, matchers', () => {
  async function run(text: string, secrets: string[] = []): Promise<{ lines: { kind: string; text: string }[]; problems: FoundProblem[]; outputs: Record<string, string> }> {
    const writer = await newLog();
    const masker = new SecretMasker();
    for (const secret of secrets) masker.add(secret);
    const problems: FoundProblem[] = [];
    const outputs: Record<string, string> = {};
    const output = new StepOutput(writer, masker, { problem: (problem) => problems.push(problem), output: (name, value) => (outputs[name] = value) });
    // Split anywhere, even inside a line or a UTF-8 character.
    const bytes = Buffer.from(text);
    for (let start = 0; start < bytes.length; start += 7) output.write('stdout', bytes.subarray(start, start + 7));
    output.end();
    await writer.close();
    const { lines } = await collectLines(writer.path);
    return { lines, problems, outputs };
  }

  async function collectLines(path: string): Promise<{ lines: { kind: string; text: string }[] }> {
    const lines: { kind: string; text: string }[] = [];
    for await (const chunk of readLog(path, undefined, 0, false, new AbortController().signal)) {
      if (chunk.kind === 'lines') lines.push(...chunk.lines.map(({ kind, text }) => ({ kind, text })));
    }
    return { lines };
  }

  it('masks configured secrets and ::add-mask:: values (never writing the command line), groups, annotates', async () => {
    const { lines, problems, outputs } = await run(
      [
        'token is s3cr3t-value here',
        '::add-mask::later-secret',
        'later-secret appears',
        '::group::Build ✓',
        'inside',
        '::endgroup::',
        '::error file=src/a.rs,line=3,col=7,title=Bad%2C really::broken%0Aline two',
        '::warning::no file',
        '::debug::details',
        '::set-output name=legacy::value',
        '::stop-commands::tok',
        '::error::literal now',
        '::tok::',
        'crlf line\r',
        'no newline at the end',
      ].join('\n'),
      ['s3cr3t-value'],
    );
    expect(lines).toEqual([
      { kind: 'stdout', text: 'token is *** here' },
      { kind: 'stdout', text: '*** appears' },
      { kind: 'group', text: 'Build ✓' },
      { kind: 'stdout', text: 'inside' },
      { kind: 'endgroup', text: '' },
      { kind: 'error', text: 'src/a.rs:3:7: Bad, really: broken' },
      { kind: 'error', text: 'line two' },
      { kind: 'warning', text: 'no file' },
      { kind: 'debug', text: 'details' },
      { kind: 'stdout', text: '::error::literal now' },
      { kind: 'stdout', text: 'crlf line' },
      { kind: 'stdout', text: 'no newline at the end' },
    ]);
    expect(problems).toEqual([
      { source: 'annotation', severity: 'error', file: 'src/a.rs', line: 3, column: 7, message: 'Bad, really: broken\nline two', code: null },
      { source: 'annotation', severity: 'warning', file: null, line: null, column: null, message: 'no file', code: null },
    ]);
    expect(outputs).toEqual({ legacy: 'value' });
  });

  it('finds rustc/cargo, tsc and eslint problems (ANSI colours included)', async () => {
    const text = readFileSync(join(pipelineFixtures, 'problem-matchers', 'problems.txt'), 'utf8').replace('error[E0308]', '\u001b[1m\u001b[31merror[E0308]\u001b[0m');
    const { problems } = await run(text);
    expect(problems).toEqual([
      { source: 'rustc', severity: 'error', code: 'E0308', message: 'mismatched types', file: 'src/main.rs', line: 4, column: 18 },
      { source: 'rustc', severity: 'warning', code: null, message: 'unused variable: `y`', file: 'src/lib.rs', line: 10, column: 9 },
      { source: 'tsc', severity: 'error', code: 'TS2322', message: "Type 'string' is not assignable to type 'number'.", file: 'src/app.ts', line: 12, column: 5 },
      { source: 'tsc', severity: 'error', code: 'TS1005', message: "';' expected.", file: 'src/view.tsx', line: 3, column: 1 },
      { source: 'eslint', severity: 'error', code: 'no-unused-vars', message: "'x' is defined but never used", file: '/work/demo/web/index.js', line: 1, column: 10 },
      { source: 'eslint', severity: 'warning', code: 'no-console', message: 'Unexpected console statement', file: '/work/demo/web/index.js', line: 2, column: 1 },
    ]);
  });

  it('reads short rustc messages and ignores lines that only look alike', () => {
    const matchers = new ProblemMatchers();
    expect(matchers.match('src/lib.rs:2:5: warning: unused import')).toMatchObject({ source: 'rustc', file: 'src/lib.rs', line: 2, column: 5, severity: 'warning' });
    expect(matchers.match('error: could not compile `x`')).toBeUndefined();
    expect(matchers.match('everything is fine')).toBeUndefined();
  });

  it('parses workflow commands with escapes', () => {
    expect(parseWorkflowCommand('::notice file=a%3Ab.txt,line=2::100%25 done')).toEqual({ name: 'notice', properties: { file: 'a:b.txt', line: '2' }, message: '100% done' });
    expect(parseWorkflowCommand('::not a command')).toBeUndefined();
    expect(parseWorkflowCommand(':: no name::x')).toBeUndefined();
  });
});
