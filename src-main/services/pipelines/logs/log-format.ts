import { pipelineLogLineKinds, type PipelineLogLine } from '../../../../src-shared/contract';

/**
 * One log line per file line: `<epoch ms>\t<kind letter>\t<text>`. Text never holds a newline (output is
 * split into lines before it is stored); a tab in it is kept, as only the first two separate fields.
 */
const letters: Record<PipelineLogLine['kind'], string> = {
  stdout: 'o',
  stderr: 'e',
  group: 'g',
  endgroup: 'G',
  error: 'E',
  warning: 'W',
  notice: 'N',
  debug: 'D',
  info: 'I',
};
const kindsByLetter = new Map(pipelineLogLineKinds.map((kind) => [letters[kind], kind]));

/** Every `indexStride`-th line's byte offset is kept, so a reader can start anywhere without scanning. */
export const indexStride = 1000;

export function formatLogLine(time: number, kind: PipelineLogLine['kind'], text: string): string {
  return `${time}\t${letters[kind]}\t${text}\n`;
}

export function parseLogLine(line: string): PipelineLogLine {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  if (first < 0 || second < 0) return { time: 0, kind: 'stdout', text: line };
  return { time: Number(line.slice(0, first)), kind: kindsByLetter.get(line.slice(first + 1, second)) ?? 'stdout', text: line.slice(second + 1) };
}

/** What a finished log's sidecar file (`<log>.idx`) holds. */
export interface LogIndex {
  lineCount: number;
  bytes: number;
  truncated: boolean;
  /** Byte offset of line `i * indexStride`. */
  offsets: number[];
}
