import Dockerode, { type DockerOptions } from 'dockerode';
import type { Config } from '../config.ts';
import { connectionOptions } from './connection.ts';
import { guardModem, type ArchiveAllowlist } from './read-only-guard.ts';

/**
 * Dockerode on a guarded docker-modem: any write through it, from dockhand's code or any
 * dockerode method, is refused before a byte is sent (read-only-guard.ts).
 */
export function guardedDockerode(
  config: Config['docker'],
  archive?: ArchiveAllowlist,
  options: DockerOptions = connectionOptions(config),
): Dockerode {
  const client = new Dockerode(options);
  guardModem(client.modem, { allowExec: config.allowExec, ...(archive ? { archive } : {}) });
  return client;
}
