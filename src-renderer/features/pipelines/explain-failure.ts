import type { PipelineJob, PipelineLogLine, PipelineStep } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { askInNewChat } from '../ai-chat';
import { notify } from '../notifications';
import { stripAnsi } from './ansi';

/** Enough of the end of a log to show the error and what led to it, without flooding the prompt. */
const tailLines = 80;

/** The last lines of a step's latest attempt, read once (not followed). */
function logTail(runId: string, job: PipelineJob, step: PipelineStep): Promise<string[]> {
  const attempt = step.attempts.at(-1)?.number;
  return new Promise((resolve, reject) => {
    let tail: PipelineLogLine[] = [];
    host().pipelines.logs(
      { runId, jobKey: job.key, stepIndex: step.index, ...(attempt === undefined ? {} : { attempt }), follow: false },
      {
        next: (chunk) => {
          if (chunk.kind === 'lines') tail = [...tail, ...chunk.lines].slice(-tailLines);
        },
        error: (error) => reject(new Error(error.message)),
        complete: () => resolve(tail.map((line) => stripAnsi(line.text))),
      },
    );
  });
}

/** Sends the failed step's command, exit code and last log lines to the chat, which answers beside the run. */
export async function explainFailure(runId: string, job: PipelineJob, step: PipelineStep): Promise<void> {
  let lines: string[];
  try {
    lines = await logTail(runId, job, step);
  } catch (error) {
    notify({ severity: 'error', message: `Could not read the log of “${step.name}”: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  askInNewChat(
    [
      `A CI step failed in the job “${job.name}”. Explain the most likely cause and how to fix it.`,
      '',
      `Step: ${step.name}`,
      `Exit code: ${step.exitCode === null ? 'none (stopped)' : String(step.exitCode)}`,
      'Command:',
      '```sh',
      step.command,
      '```',
      `Last ${String(lines.length)} lines of its log:`,
      '```text',
      ...lines,
      '```',
    ].join('\n'),
  );
}
