import * as lathe from 'lathe';

/** Asks again, saying why, until the answer passes `problem` (null: no problem) or the user presses Escape. */
export async function askFor(options: lathe.InputBoxOptions, problem: (value: string) => string | null): Promise<string | undefined> {
  let { value, prompt } = options;
  for (;;) {
    const answer = await lathe.window.showInputBox({ ...options, value, prompt });
    if (answer === undefined) return undefined;
    const reason = problem(answer.trim());
    if (reason === null) return answer.trim();
    value = answer;
    prompt = `${reason} ${options.prompt ?? ''}`.trim();
  }
}

/** Shows `text` in the status bar while `task` runs: AI answers take a while. */
export async function withBusyStatus<T>(text: string, task: () => Promise<T>): Promise<T> {
  const status = lathe.window.createStatusBarItem('rust-crates.busy', 'left', 0);
  status.text = `$(sync) ${text}`;
  status.show();
  try {
    return await task();
  } finally {
    status.dispose();
  }
}

/** A failure's message, for a notification. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
