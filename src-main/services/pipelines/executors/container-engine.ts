import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';

const pingTimeoutMs = 3000;

export class EngineUnavailableError extends Error {}

/**
 * Finds a running Docker-API engine: the configured socket, else DOCKER_HOST, else the usual Docker and
 * Podman sockets. Fails with the list of what was tried, so the message says what to start or set.
 */
export async function connectEngine(configured: string, env: NodeJS.ProcessEnv = process.env): Promise<Docker> {
  const candidates = configured ? [configured] : [env.DOCKER_HOST, ...defaultSockets(env)].filter((address): address is string => !!address);
  const tried: string[] = [];
  for (const address of candidates) {
    const docker = new Docker(dockerOptions(address));
    tried.push(address);
    if (await answers(docker)) return docker;
  }
  const what = tried.length > 0 ? `nothing answered at ${tried.join(', ')}` : 'no Docker or Podman socket was found';
  throw new EngineUnavailableError(
    `The container engine is not running (${what}). Start Docker, or \`podman system service --time=0\`, or set pipelines.container.socket`,
  );
}

function defaultSockets(env: NodeJS.ProcessEnv): string[] {
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker', 'run', 'docker.sock'),
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock') : '',
    '/run/podman/podman.sock',
  ];
  return sockets.filter((socket) => socket && existsSync(socket));
}

function dockerOptions(address: string): Docker.DockerOptions {
  if (address.startsWith('unix://')) return { socketPath: address.slice('unix://'.length) };
  if (address.startsWith('npipe://')) return { socketPath: address.slice('npipe:'.length).replace(/\//g, '\\') };
  const url = /^(tcp|http|https):\/\/([^:/]+)(?::(\d+))?/.exec(address);
  if (url) return { host: url[2], port: url[3] ?? '2375', protocol: url[1] === 'https' ? 'https' : 'http' };
  return { socketPath: address };
}

async function answers(docker: Docker): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), pingTimeoutMs)));
  try {
    return await Promise.race([docker.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Makes sure an image is present, pulling it when it is not. */
export async function ensureImage(docker: Docker, image: string): Promise<void> {
  try {
    await docker.getImage(image).inspect();
    return;
  } catch {
    // Not here: pull it.
  }
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    throw new Error(`The image '${image}' is not on this machine and could not be pulled: ${(error as Error).message}`);
  }
}
