import { spawn } from 'node:child_process';
import { LatheError } from '../../../../src-shared/contract';

export interface RunGitOptions {
  cwd: string;
  input?: string | Buffer;
  signal?: AbortSignal;
  /** Extra environment (credentials for the askpass script, for instance). */
  env?: Record<string, string>;
  /** Receives each progress line git writes to stderr (with `--progress`). */
  onProgress?: (line: string) => void;
  /** Exit codes that are answers rather than failures (`git diff --no-index` exits 1 on differences). */
  okCodes?: readonly number[];
  /** Keeps this much of the output and stops git once it writes more (the result is then `truncated`). */
  maxStdoutBytes?: number;
}

export interface RunGitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
  truncated: boolean;
}

/** git exited with a code the caller did not expect; `classifyGitFailure` turns it into a LatheError. */
export class GitProcessError extends Error {
  override readonly name = 'GitProcessError';
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super(`git ${args[0] ?? ''} exited with ${exitCode}: ${stderr.trim() || stdout.trim()}`);
  }
}

/** Variables that would point git at another repository or index than the one asked for. */
const redirectingVariables = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX'];

const stderrLimit = 1024 * 1024;
const killGraceMs = 2000;

export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of redirectingVariables) delete env[name];
  return {
    ...env,
    // Messages in English so they can be recognised; paths stay as bytes thanks to core.quotepath=false.
    LC_ALL: 'C',
    LANGUAGE: '',
    // Never wait for a terminal or an editor that nobody sees.
    GIT_TERMINAL_PROMPT: '0',
    GIT_EDITOR: ':',
    GIT_SEQUENCE_EDITOR: ':',
    GIT_MERGE_AUTOEDIT: 'no',
    // Client paths are file names, never pathspec patterns.
    GIT_LITERAL_PATHSPECS: '1',
    ...extra,
  };
}

const progressLine = /^(?:remote: )?[A-Za-z][A-Za-z ]+:\s+\d+% \(/;

/** Runs git without a shell and collects its output; rejects with GitProcessError or CANCELLED. */
export function runGit(gitPath: string, args: readonly string[], options: RunGitOptions): Promise<RunGitResult> {
  const fullArgs = ['-c', 'core.quotepath=false', '-c', 'color.ui=false', ...args];
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new LatheError('CANCELLED', `git ${args[0] ?? ''} was cancelled`));
      return;
    }
    const child = spawn(gitPath, fullArgs, { cwd: options.cwd, env: gitEnvironment(options.env), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    let stdoutRoom = options.maxStdoutBytes ?? Infinity;
    let truncated = false;
    let stderr = '';
    let partial = '';
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      if (chunk.length > stdoutRoom) {
        stdout.push(chunk.subarray(0, stdoutRoom));
        truncated = true;
        // The rest is not wanted: git need not write it.
        child.kill('SIGTERM');
        return;
      }
      stdout.push(chunk);
      stdoutRoom -= chunk.length;
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Progress arrives as lines ended by \r; keep them out of the words shown on failure.
      const pieces = (partial + chunk).split(/[\r\n]/);
      partial = pieces.pop() ?? '';
      for (const piece of pieces) {
        if (progressLine.test(piece)) options.onProgress?.(piece);
        else if (piece && stderr.length < stderrLimit) stderr += `${piece}\n`;
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');

    child.on('error', (error: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(
        error.code === 'ENOENT'
          ? new LatheError('UNAVAILABLE', `git was not found at "${gitPath}"; install git or set git.backend to "isomorphic"`)
          : new LatheError('UNAVAILABLE', `git could not be started: ${error.message}`),
      );
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      if (partial && !progressLine.test(partial)) stderr += partial;
      if (options.signal?.aborted) {
        reject(new LatheError('CANCELLED', `git ${args[0] ?? ''} was cancelled`));
        return;
      }
      const output = Buffer.concat(stdout);
      const exitCode = code ?? (signal ? 128 : 1);
      if (exitCode === 0 || truncated || options.okCodes?.includes(exitCode)) resolve({ stdout: output, stderr, exitCode, truncated });
      else reject(new GitProcessError(args, exitCode, stderr, output.toString('utf8', 0, Math.min(output.length, stderrLimit))));
    });
  });
}
