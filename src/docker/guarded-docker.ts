import Dockerode from 'dockerode';
import type { Config } from '../config.ts';
import { connectionOptions } from './connection.ts';
import { guardModem } from './read-only-guard.ts';

/**
 * Dockerode on a guarded docker-modem: any write through it, from dockhand's code or any
 * dockerode method, is refused before a byte is sent (read-only-guard.ts).
 */
export function guardedDockerode(config: Config['docker']): Dockerode {
  const client = new Dockerode(connectionOptions(config));
  guardModem(client.modem, { allowExec: config.allowExec });
  return client;
}
