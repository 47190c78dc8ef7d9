import { StringDecoder } from 'node:string_decoder';
import type { PipelineRunDiagnostic } from '../../../../src-shared/contract';
import type { LogWriter } from './log-writer';
import type { SecretMasker } from './masker';
import { ProblemMatchers } from './problem-matchers';
import { parseWorkflowCommand, type WorkflowCommand } from './workflow-commands';

/** A problem found in a step's output, its file as printed (relative to the step's folder, or absolute). */
export type FoundProblem = Omit<PipelineRunDiagnostic, 'jobKey' | 'stepIndex'>;

export interface StepOutputEvents {
  problem(problem: FoundProblem): void;
  /** `::set-output name=…::value` (deprecated by GitHub, still honoured). */
  output(name: string, value: string): void;
}

interface StreamState {
  readonly decoder: StringDecoder;
  readonly matchers: ProblemMatchers;
  partial: string;
}

const annotationKinds = new Set(['error', 'warning', 'notice']);

/**
 * Turns a step's raw output into log lines: splits it into lines, runs workflow commands (`::add-mask::`,
 * `::group::`, `::error file=,line=::`, …) and the problem matchers, masks secrets, and appends the
 * result to the attempt's log.
 */
export class StepOutput {
  private readonly streams = { stdout: this.newStream(), stderr: this.newStream() };
  /** Set by `::stop-commands::<token>`: commands are plain text until `::<token>::`. */
  private stopToken: string | undefined;

  constructor(
    private readonly writer: LogWriter,
    private readonly masker: SecretMasker,
    private readonly events: StepOutputEvents,
  ) {}

  write(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    const state = this.streams[stream];
    const text = state.partial + state.decoder.write(chunk);
    const lines = text.split('\n');
    state.partial = lines.pop() ?? '';
    const time = Date.now();
    for (const line of lines) this.line(stream, state, line.endsWith('\r') ? line.slice(0, -1) : line, time);
  }

  /** Lathe's own line (the command being run, a retry, a timeout). */
  info(text: string): void {
    this.writer.append('info', this.masker.mask(text));
  }

  /** The output ended: a last line without a newline still counts. */
  end(): void {
    for (const [stream, state] of Object.entries(this.streams) as ['stdout' | 'stderr', StreamState][]) {
      const rest = state.partial + state.decoder.end();
      state.partial = '';
      if (rest !== '') this.line(stream, state, rest, Date.now());
    }
  }

  private line(stream: 'stdout' | 'stderr', state: StreamState, line: string, time: number): void {
    const command = line.startsWith('::') ? parseWorkflowCommand(line) : undefined;
    if (command && this.run(command, time)) return;
    const problem = state.matchers.match(line);
    const masked = this.masker.mask(line);
    if (problem) this.events.problem({ ...problem, message: this.masker.mask(problem.message) });
    this.writer.append(stream, masked, time);
  }

  /** Runs a workflow command; false when the line is to be shown as plain output. */
  private run(command: WorkflowCommand, time: number): boolean {
    if (this.stopToken !== undefined) {
      if (command.name !== this.stopToken.toLowerCase()) return false;
      this.stopToken = undefined;
      return true;
    }
    const message = this.masker.mask(command.message);
    switch (command.name) {
      case 'add-mask':
        // The line itself holds the secret: it is never written.
        this.masker.add(command.message);
        return true;
      case 'group':
        this.writer.append('group', message, time);
        return true;
      case 'endgroup':
        this.writer.append('endgroup', '', time);
        return true;
      case 'debug':
        this.writer.append('debug', message, time);
        return true;
      case 'stop-commands':
        this.stopToken = command.message;
        return true;
      case 'set-output':
        if (command.properties.name) this.events.output(command.properties.name, command.message);
        return true;
      default:
        if (!annotationKinds.has(command.name)) return false;
        this.annotate(command.name as FoundProblem['severity'], command, message, time);
        return true;
    }
  }

  private annotate(severity: FoundProblem['severity'], command: WorkflowCommand, message: string, time: number): void {
    const { file, line, col, title } = command.properties;
    const text = title ? `${this.masker.mask(title)}: ${message}` : message;
    this.writer.append(severity, file ? `${file}${line ? `:${line}` : ''}${col ? `:${col}` : ''}: ${text}` : text, time);
    this.events.problem({
      source: 'annotation',
      severity,
      file: file ?? null,
      line: positiveInteger(line),
      column: positiveInteger(col),
      message: text,
      code: null,
    });
  }

  private newStream(): StreamState {
    return { decoder: new StringDecoder('utf8'), matchers: new ProblemMatchers(), partial: '' };
  }
}

function positiveInteger(text: string | undefined): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
}
