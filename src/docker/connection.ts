import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerOptions } from 'dockerode';
import { ConfigError, type Config } from '../config.ts';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

const TLS_FILES = ['ca.pem', 'cert.pem', 'key.pem'] as const;

/**
 * Dockerode options from DOCKER_HOST / DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, as the docker CLI
 * reads them. DOCKER_HOST was validated with the configuration; missing TLS files are a
 * ConfigError naming DOCKER_CERT_PATH.
 */
export function connectionOptions(docker: Config['docker']): DockerOptions {
  const host = docker.host;
  const base: DockerOptions = { timeout: docker.timeoutMs };
  if (!host || host.startsWith('unix://')) {
    return { ...base, socketPath: host ? host.slice('unix://'.length) || DEFAULT_SOCKET : DEFAULT_SOCKET };
  }
  if (host.startsWith('npipe://'))
    return { ...base, socketPath: host.slice('npipe://'.length) || '//./pipe/docker_engine' };
  const url = new URL(host);
  if (url.protocol === 'ssh:') {
    return {
      ...base,
      protocol: 'ssh',
      host: url.hostname,
      port: url.port || 22,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      sshOptions: process.env.SSH_AUTH_SOCK ? { agent: process.env.SSH_AUTH_SOCK } : {},
    };
  }
  const tls = docker.tlsVerify || url.protocol === 'https:' || url.port === '2376';
  const options: DockerOptions = {
    ...base,
    protocol: tls ? 'https' : 'http',
    host: url.hostname,
    port: url.port || (tls ? 2376 : 2375),
  };
  if (tls && docker.certPath) {
    const [ca, cert, key] = TLS_FILES.map((file) => readTlsFile(docker.certPath ?? '', file));
    Object.assign(options, { ca, cert, key });
  }
  return options;
}

function readTlsFile(folder: string, file: string): Buffer {
  try {
    return readFileSync(join(folder, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError([
      {
        variable: 'DOCKER_CERT_PATH',
        message: `cannot read ${join(folder, file)} (${code}); TLS to DOCKER_HOST needs ${TLS_FILES.join(', ')} in this folder (default ~/.docker with DOCKER_TLS_VERIFY=1)`,
      },
    ]);
  }
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
