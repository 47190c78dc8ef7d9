import { spawn } from 'node:child_process';
import { rgPath } from '@vscode/ripgrep';
import { LatheError } from '../../../src-shared/contract';

export interface FindFilesOptions {
  /** Absolute workspace root; rg runs with it as the working directory. */
  root: string;
  /** Stop after this many paths and report `truncated`. */
  limit: number;
  /** `files.exclude`: every glob set to true is left out. */
  excludes: Record<string, boolean>;
  signal: AbortSignal;
}

export interface FoundFiles {
  paths: string[];
  truncated: boolean;
}

/** Where rg lives; inside a packaged Electron app the binary is unpacked next to the asar archive. */
const ripgrep = rgPath.replace(/\bapp\.asar([\\/])/, 'app.asar.unpacked$1');

/** The most stderr kept for an error message. */
const stderrLimit = 4096;

export function ripgrepArgs(excludes: Record<string, boolean>): string[] {
  const args = ['--files', '--hidden', '--no-config', '--no-require-git', '--glob', '!.git'];
  for (const [pattern, enabled] of Object.entries(excludes)) {
    if (enabled === true && pattern.trim() !== '') args.push('--glob', `!${pattern}`);
  }
  return args;
}

function normalise(line: string): string {
  const path = process.platform === 'win32' ? line.replaceAll('\\', '/') : line;
  return path.startsWith('./') ? path.slice(2) : path;
}

/**
 * Lists the workspace's files with `rg --files`: hidden files included, `.git` and `files.exclude`
 * left out, `.gitignore` / `.ignore` honoured (inside a git repository or not), symlinks not followed.
 */
export function findFiles({ root, limit, excludes, signal }: FindFilesOptions): Promise<FoundFiles> {
  return new Promise<FoundFiles>((resolve, reject) => {
    if (signal.aborted) {
      reject(new LatheError('CANCELLED', 'Listing the workspace files was cancelled'));
      return;
    }
    const paths: string[] = [];
    let truncated = false;
    let settled = false;
    let pending = '';
    let stderr = '';

    const child = spawn(ripgrep, ripgrepArgs(excludes), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });

    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const stop = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
    const onAbort = (): void => {
      stop();
      finish(() => reject(new LatheError('CANCELLED', 'Listing the workspace files was cancelled')));
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const take = (line: string): void => {
      if (truncated || line === '') return;
      if (paths.length >= limit) {
        truncated = true;
        stop();
        finish(() => resolve({ paths, truncated: true }));
        return;
      }
      paths.push(normalise(line));
    };

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (truncated || settled) return;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        take(line.endsWith('\r') ? line.slice(0, -1) : line);
        if (truncated) return;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < stderrLimit) stderr += chunk;
    });

    child.on('error', (error) => {
      finish(() => reject(new LatheError('UNAVAILABLE', `Could not run ripgrep: ${error.message}`)));
    });
    child.on('close', (code) => {
      if (settled) return;
      if (pending !== '') take(pending.endsWith('\r') ? pending.slice(0, -1) : pending);
      if (truncated) return;
      // 0: files found; 1: none. 2 with output: some folders could not be read; the rest is still listed.
      if (code === 0 || code === 1 || (code === 2 && paths.length > 0)) {
        finish(() => resolve({ paths, truncated: false }));
        return;
      }
      const reason = stderr.trim().slice(0, stderrLimit) || `ripgrep exited with code ${String(code)}`;
      finish(() => reject(new LatheError('UNAVAILABLE', `Could not list the workspace files: ${reason}`)));
    });
  });
}
