import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerOptions } from 'dockerode';
import type { Config } from '../config.ts';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Dockerode options from DOCKER_HOST / DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, as the docker CLI reads them. */
export function connectionOptions(docker: Config['docker']): DockerOptions {
  const host = docker.host;
  const base: DockerOptions = { timeout: docker.timeoutMs };
  if (!host || host.startsWith('unix://')) {
    return { ...base, socketPath: host ? host.slice('unix://'.length) || DEFAULT_SOCKET : DEFAULT_SOCKET };
  }
  const url = new URL(host);
  if (url.protocol === 'ssh:') {
    return {
      ...base,
      protocol: 'ssh',
      host: url.hostname,
      port: url.port || 22,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      sshOptions: process.env.SSH_AUTH_SOCK ? { agent: process.env.SSH_AUTH_SOCK } : {},
    } as DockerOptions;
  }
  const tls = docker.tlsVerify || url.protocol === 'https:' || url.port === '2376';
  const options: DockerOptions = {
    ...base,
    protocol: tls ? 'https' : 'http',
    host: url.hostname,
    port: url.port || (tls ? 2376 : 2375),
  };
  if (tls && docker.certPath) {
    options.ca = readFileSync(join(docker.certPath, 'ca.pem'));
    options.cert = readFileSync(join(docker.certPath, 'cert.pem'));
    options.key = readFileSync(join(docker.certPath, 'key.pem'));
  }
  return options;
}

/** The host an HTTP probe of a published port should use. */
export function defaultProbeHost(docker: Config['docker']): string {
  if (docker.probeHost) return docker.probeHost;
  if (!docker.host || docker.host.startsWith('unix://')) return '127.0.0.1';
  return new URL(docker.host).hostname || '127.0.0.1';
}

/** The engine runs on this machine, so a port bound to 127.0.0.1 on the Docker host is reachable here. */
export function isLocalEngine(docker: Config['docker']): boolean {
  if (!docker.host || docker.host.startsWith('unix://') || docker.host.startsWith('npipe://')) return true;
  const host = new URL(docker.host).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
}

/** Where the engine is, for messages. */
export function describeHost(docker: Config['docker']): string {
  return docker.host ?? `unix://${DEFAULT_SOCKET}`;
}
