import { spawn } from 'node:child_process';
import { LatheError, type PluginResult } from '../../../src-shared/contract';

/**
 * Environment variables a plugin's process inherits. The IDE's own environment may carry API keys
 * (browser mode reads secrets from it), so only what programs need to find tools and locales passes.
 */
const inheritedVariables = /^(PATH|Path|PATHEXT|HOME|USER|USERNAME|LOGNAME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TERM|TMPDIR|TEMP|TMP|SHELL|SystemRoot|SYSTEMROOT|ComSpec|WINDIR|USERPROFILE|APPDATA|LOCALAPPDATA|ProgramData|ProgramFiles|XDG_[A-Z_]+|CARGO_HOME|RUSTUP_HOME|RUSTUP_TOOLCHAIN|GOPATH|GOROOT|JAVA_HOME|NVM_DIR)$/;

export function pluginProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => inheritedVariables.test(name)));
}

export interface ProcessRun {
  /** The program's absolute path (looked up by the caller). */
  executable: string;
  args: string[];
  cwd: string;
  stdin?: string | undefined;
  timeoutMs: number;
  maxOutputBytes: number;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

/**
 * Runs a program without a shell and collects its output, stopping it (its whole process group where
 * the OS has them) when it runs past its time, writes past the cap, or the call is cancelled.
 */
export function runProcess(run: ProcessRun): Promise<PluginResult<'process.run'>> {
  return new Promise((resolve, reject) => {
    const detached = process.platform !== 'win32';
    const child = spawn(run.executable, run.args, { cwd: run.cwd, env: run.env, shell: false, windowsHide: true, detached, stdio: 'pipe' });
    const output = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    let bytes = 0;
    let truncated = false;
    let timedOut = false;
    const stop = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const room = run.maxOutputBytes - bytes;
      if (room <= 0) return;
      output[stream].push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      bytes += Math.min(chunk.length, room);
      if (chunk.length > room) {
        truncated = true;
        stop();
      }
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, run.timeoutMs);
    run.signal.addEventListener('abort', stop, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new LatheError('UNAVAILABLE', `${run.executable} could not be started: ${error.message}`));
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      run.signal.removeEventListener('abort', stop);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(output.stdout).toString('utf8'),
        stderr: Buffer.concat(output.stderr).toString('utf8'),
        timedOut,
        truncated,
      });
    });
    // A program that does not read its input must not fail the run.
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.stdin ?? '');
  });
}
