import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { ensureImage } from './container-engine';
import type { ExecRequest, ExecResult, JobContainerContext, JobExecutor, OutputListener } from './executor';

export interface ContainerJobOptions {
  image: string;
  /** Host folders mounted at the same path inside (the workspace or its copy, the job's temp folder). */
  mounts: string[];
  env: Record<string, string>;
  /** The run's network, when the job has services. */
  network: string | undefined;
  /** Labels that mark the container as Lathe's, for cleaning up after a crash. */
  labels: Record<string, string>;
}

/**
 * Runs a job's steps with `exec` in one long-lived container of the job's image. A step that times out
 * or is cancelled cannot be killed through the API, so the container is killed and removed, and the
 * next step gets a fresh one (the workspace lives on the host, so only the container's own files are lost).
 */
export class ContainerExecutor implements JobExecutor {
  readonly kind = 'container';
  readonly baseEnv = {};
  private container: Docker.Container | undefined;
  private removals: Promise<void> = Promise.resolve();
  private readonly programs = new Map<string, boolean>();

  private constructor(
    private readonly docker: Docker,
    private readonly options: ContainerJobOptions,
  ) {}

  static async create(docker: Docker, options: ContainerJobOptions): Promise<ContainerExecutor> {
    await ensureImage(docker, options.image);
    const executor = new ContainerExecutor(docker, options);
    await executor.start();
    return executor;
  }

  get containerId(): string | null {
    return this.container?.id ?? null;
  }

  get context(): JobContainerContext {
    return { ...(this.container ? { id: this.container.id } : {}), ...(this.options.network ? { network: this.options.network } : {}) };
  }

  async exec(request: ExecRequest, output: OutputListener, signal: AbortSignal): Promise<ExecResult> {
    if (signal.aborted) return { exitCode: null };
    const container = this.container ?? (await this.start());
    const exec = await container.exec({
      Cmd: [request.program, ...request.args],
      Env: Object.entries(request.env).map(([key, value]) => `${key}=${value}`),
      WorkingDir: request.cwd,
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({ hijack: true, stdin: false });
    const stdout = new PassThrough().on('data', (chunk: Buffer) => output('stdout', chunk));
    const stderr = new PassThrough().on('data', (chunk: Buffer) => output('stderr', chunk));
    this.docker.modem.demuxStream(stream, stdout, stderr);
    const kill = (): void => {
      stream.destroy();
      void this.removeContainer();
    };
    signal.addEventListener('abort', kill, { once: true });
    if (signal.aborted) kill();
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    signal.removeEventListener('abort', kill);
    if (signal.aborted) return { exitCode: null };
    const info = await exec.inspect();
    return { exitCode: info.ExitCode ?? 1 };
  }

  /** Asks the image's shell (the answer holds for the job: a replaced container has the same image). */
  async hasProgram(name: string): Promise<boolean> {
    let found = this.programs.get(name);
    if (found === undefined) {
      const discard = (): void => undefined;
      const probe = { program: 'sh', args: ['-c', `command -v '${name.replace(/'/g, '')}'`], env: {}, cwd: '/' };
      found = await this.exec(probe, discard, new AbortController().signal).then(({ exitCode }) => exitCode === 0, () => false);
      this.programs.set(name, found);
    }
    return found;
  }

  async dispose(): Promise<void> {
    await this.removeContainer();
  }

  private async start(): Promise<Docker.Container> {
    const { image, mounts, env, network, labels } = this.options;
    const container = await this.docker.createContainer({
      Image: image,
      // Kept alive while steps run through `exec`, as GitHub's runner does.
      Entrypoint: ['tail'],
      Cmd: ['-f', '/dev/null'],
      Env: Object.entries(env).map(([key, value]) => `${key}=${value}`),
      Labels: labels,
      HostConfig: { Binds: mounts.map((path) => `${path}:${path}`), ...(network ? { NetworkMode: network } : {}) },
    });
    await container.start();
    this.container = container;
    return container;
  }

  /** Removals are chained, so disposing waits for one a cancellation started. */
  private removeContainer(): Promise<void> {
    const container = this.container;
    this.container = undefined;
    if (container) this.removals = this.removals.then(() => container.remove({ force: true }).then(() => undefined, () => undefined));
    return this.removals;
  }
}
