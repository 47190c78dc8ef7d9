import type Docker from 'dockerode';
import { splitCommandLine } from '../command-line';
import { ensureImage } from './container-engine';

/** A `services.<id>` entry, evaluated. */
export interface ServiceSpec {
  id: string;
  image: string;
  env: Record<string, string>;
  /** `host:container` or `container` (a free host port is picked). */
  ports: string[];
  volumes: string[];
  entrypoint: string | undefined;
  command: string | undefined;
}

/** GitHub's `job.services.<id>` context: container ports mapped to host ports. */
export interface ServiceContext {
  id: string;
  network: string;
  ports: Record<string, string>;
}

/**
 * A job's service containers on the run's network, reachable by their id as host name; their ports are
 * also published on this machine, so local jobs reach them at localhost.
 */
export class ServiceContainers {
  private constructor(
    private readonly containers: Docker.Container[],
    readonly context: Record<string, ServiceContext>,
  ) {}

  static async start(docker: Docker, network: string, specs: ServiceSpec[], labels: Record<string, string>): Promise<ServiceContainers> {
    const containers: Docker.Container[] = [];
    const context: Record<string, ServiceContext> = {};
    try {
      for (const spec of specs) {
        await ensureImage(docker, spec.image);
        const container = await docker.createContainer({
          Image: spec.image,
          Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
          Labels: labels,
          ExposedPorts: Object.fromEntries(spec.ports.map((port) => [`${containerPort(port)}/tcp`, {}])),
          ...(spec.entrypoint ? { Entrypoint: [spec.entrypoint] } : {}),
          ...(spec.command ? { Cmd: splitCommandLine(spec.command, { singleQuotes: true }) } : {}),
          HostConfig: {
            NetworkMode: network,
            Binds: spec.volumes,
            PortBindings: Object.fromEntries(spec.ports.map((port) => [`${containerPort(port)}/tcp`, [{ HostPort: hostPort(port) }]])),
          },
          NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [spec.id] } } },
        });
        containers.push(container);
        await container.start();
        const info = await container.inspect();
        const published = info.NetworkSettings.Ports ?? {};
        context[spec.id] = {
          id: container.id,
          network,
          ports: Object.fromEntries(spec.ports.map((port) => [containerPort(port), published[`${containerPort(port)}/tcp`]?.[0]?.HostPort ?? hostPort(port)])),
        };
      }
    } catch (error) {
      await Promise.all(containers.map((container) => container.remove({ force: true }).catch(() => undefined)));
      throw error;
    }
    return new ServiceContainers(containers, context);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.containers.map((container) => container.remove({ force: true }).catch(() => undefined)));
  }
}

function containerPort(port: string): string {
  return port.split(':').at(-1)?.split('/')[0] ?? port;
}

function hostPort(port: string): string {
  const parts = port.split(':');
  return parts.length > 1 ? (parts.at(-2) ?? '') : '';
}
