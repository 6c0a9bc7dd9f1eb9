import type { ContainerInspect, ImageInspect } from './engine-types.ts';
import type { HostBinding } from './engine-types.ts';

/** One container port seen three ways: what the image exposes, what `-p` asked for, what the engine bound. */
export interface PortRow {
  /** `80/tcp` */
  port: string;
  containerPort: number;
  protocol: string;
  /** EXPOSE in the image. */
  exposedByImage: boolean;
  /** In the container's ExposedPorts (EXPOSE, `--expose`, or added by `-p`). */
  exposedByContainer: boolean;
  /** HostConfig.PortBindings: what `docker run -p` requested. */
  requested: HostBinding[];
  /** NetworkSettings.Ports: what is bound now (empty when stopped or unpublished). */
  actual: HostBinding[];
  /** Addresses to open in a browser, for TCP ports that are bound. */
  urls: string[];
}

/** Where to reach a published port from dockhand (and the group), or why not. */
export interface PortTarget {
  host: string;
  port: number;
}

export function portTable(container: ContainerInspect, image: ImageInspect | undefined, probeHost: string): PortRow[] {
  const keys = new Set<string>([
    ...(image?.Config.ExposedPorts ?? []),
    ...container.Config.ExposedPorts,
    ...Object.keys(container.HostConfig.PortBindings),
    ...Object.keys(container.NetworkSettings.Ports),
  ]);
  const imageExposed = new Set(image?.Config.ExposedPorts ?? []);
  const containerExposed = new Set(container.Config.ExposedPorts);
  return [...keys]
    .map((port) => {
      const [number, protocol = 'tcp'] = port.split('/');
      const actual = container.NetworkSettings.Ports[port] ?? [];
      return {
        port,
        containerPort: Number(number),
        protocol,
        exposedByImage: imageExposed.has(port),
        exposedByContainer: containerExposed.has(port),
        requested: container.HostConfig.PortBindings[port] ?? [],
        actual,
        urls: protocol === 'tcp' ? uniqueTargets(actual, probeHost).map(urlOf) : [],
      };
    })
    .sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol));
}

const WILDCARD = new Set(['', '0.0.0.0', '::']);

/**
 * The address to reach a binding at: its own IP when it is bound to one, otherwise the
 * probe host (the Docker host's address). `0.0.0.0` and `::` bindings of one port are one target.
 */
export function targetOf(binding: HostBinding, probeHost: string): PortTarget | undefined {
  const port = Number(binding.HostPort);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  return { host: WILDCARD.has(binding.HostIp) ? probeHost : binding.HostIp, port };
}

export function uniqueTargets(bindings: HostBinding[], probeHost: string): PortTarget[] {
  const seen = new Map<string, PortTarget>();
  for (const binding of bindings) {
    const target = targetOf(binding, probeHost);
    if (target) seen.set(`${target.host}|${target.port}`, target);
  }
  return [...seen.values()];
}

export function urlOf(target: PortTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `http://${host}:${target.port}/`;
}

/** `127.0.0.1:8080` or `8080` (all interfaces), as in `docker run -p`. */
export function describeBinding(binding: HostBinding): string {
  return WILDCARD.has(binding.HostIp) ? binding.HostPort || '?' : `${binding.HostIp}:${binding.HostPort}`;
}
