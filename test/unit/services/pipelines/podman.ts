import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';

/** The image container tests run: busybox-static imported as a root file system (no registry is needed). */
export const testImage = 'localhost/lathe-busybox:test';

/** Podman's configuration for this kind of machine (ulimits it allows, runc): see the environment notes. */
const containersConf = '/work/shared/notes/podman-containers.conf';

export type PodmanSetup = { socket: string; docker: Docker; stop(): Promise<void> } | { skip: string };

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) =>
    execFile(program, args, { env, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: `${stdout}${stderr}`.trim() })),
  );
}

/**
 * Starts `podman system service` on a private socket and imports the test image. Answers why the
 * tests must be skipped when Podman is missing or cannot run here.
 */
export async function startPodman(): Promise<PodmanSetup> {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((path) => existsSync(path));
  const env = { ...process.env, ...(existsSync(containersConf) ? { CONTAINERS_CONF: containersConf } : {}) };
  const version = await run('podman', ['--version'], env);
  if (version.code !== 0) return { skip: 'podman is not installed (apt-get install podman runc busybox-static)' };
  if (!busybox) return { skip: 'busybox-static is not installed, so no test image can be made' };

  const scratch = mkdtempSync(join(tmpdir(), 'lathe-podman-'));
  const rootfs = join(scratch, 'rootfs');
  mkdirSync(join(rootfs, 'bin'), { recursive: true });
  mkdirSync(join(rootfs, 'tmp'), { recursive: true });
  mkdirSync(join(rootfs, 'etc'), { recursive: true });
  copyFileSync(busybox, join(rootfs, 'bin', 'busybox'));
  for (const applet of ['sh', 'echo', 'cat', 'sleep', 'tail', 'test', 'mkdir', 'rm', 'tr', 'nc', 'ls', 'true', 'false', 'env', 'id']) {
    symlinkSync('busybox', join(rootfs, 'bin', applet));
  }
  const tar = join(scratch, 'rootfs.tar');
  const packed = await run('tar', ['-C', rootfs, '-cf', tar, '.'], env);
  const imported = packed.code === 0 ? await run('podman', ['import', tar, testImage], env) : packed;
  if (imported.code !== 0) return { skip: `podman cannot import an image here: ${imported.output.split('\n').at(-1)}` };

  const socket = join(scratch, 'podman.sock');
  const service: ChildProcess = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { env, stdio: 'ignore' });
  const docker = new Docker({ socketPath: socket });
  const stop = async (): Promise<void> => {
    service.kill('SIGTERM');
    await new Promise((resolve) => (service.exitCode !== null ? resolve(undefined) : service.once('exit', resolve)));
    rmSync(scratch, { recursive: true, force: true });
  };
  for (let tries = 0; tries < 100; tries += 1) {
    if (existsSync(socket) && (await docker.ping().then(() => true, () => false))) {
      const probe = await run('podman', ['run', '--rm', testImage, '/bin/sh', '-c', 'echo ok'], env);
      if (probe.code !== 0 || probe.output !== 'ok') {
        await stop();
        return { skip: `podman cannot run containers here: ${probe.output.split('\n').at(-1)}` };
      }
      return { socket, docker, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  return { skip: 'podman system service did not answer within 10 s' };
}

/** Lathe's containers that are still there (by the label every run puts on them). */
export async function latheContainers(docker: Docker): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: ['dev.lathe.run'] } });
  return containers.map((container) => container.Id);
}
