import Dockerode from 'dockerode';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { connectionOptions, describeHost } from './connection.ts';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: string;
  status: string;
  createdAt: Date;
  labels: Record<string, string>;
  ports: Array<{ privatePort: number; publicPort?: number; ip?: string; type: string }>;
}

/**
 * Read-only access to the shared Docker host. Every call has a timeout; a host that
 * is down becomes a clear UserError instead of a hang.
 */
export class DockerService {
  readonly client: Dockerode;

  constructor(
    readonly config: Config['docker'],
    private readonly log: Logger,
  ) {
    this.client = new Dockerode(connectionOptions(config));
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.ping();
      return true;
    } catch (error) {
      this.log.debug('docker ping failed', { error });
      return false;
    }
  }

  async listContainers(): Promise<ContainerSummary[]> {
    const raw = await this.call(() => this.client.listContainers({ all: true }));
    return raw.map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
      image: c.Image,
      state: c.State,
      status: c.Status,
      createdAt: new Date(c.Created * 1000),
      labels: c.Labels ?? {},
      ports: (c.Ports ?? []).map((p) => ({
        privatePort: p.PrivatePort,
        ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
        ...(p.IP ? { ip: p.IP } : {}),
        type: p.Type,
      })),
    }));
  }

  /** Runs an Engine API call, turning connection failures into a message the user can act on. */
  async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && ['ENOENT', 'ECONNREFUSED', 'EACCES', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code)
        || /timeout/i.test((error as Error).message)) {
        const where = describeHost(this.config);
        throw new UserError('docker-unreachable', {
          ko: `Docker 엔진에 연결할 수 없어요 (${where}, ${code ?? 'timeout'}). 엔진이 켜져 있는지, DOCKER_HOST 설정과 소켓 권한을 확인해 주세요.`,
          en: `Cannot reach the Docker engine (${where}, ${code ?? 'timeout'}). Check that it is running, DOCKER_HOST, and socket permissions.`,
        });
      }
      throw error;
    }
  }
}
