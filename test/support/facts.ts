import type { ContainerFacts, PortProbe } from '../../src/diagnostics/facts.ts';
import { ContainerInspect, ImageInspect } from '../../src/docker/engine-types.ts';
import type { ProbeResult } from '../../src/docker/http-probe.ts';
import { portTable, uniqueTargets } from '../../src/docker/ports.ts';

export const NOW = new Date('2024-05-01T12:00:00Z');

export interface FixtureOptions {
  state?: Record<string, unknown>;
  config?: Record<string, unknown>;
  hostConfig?: Record<string, unknown>;
  /** Container port → host port (bound on 127.0.0.1), e.g. { '8080/tcp': '18080' }. */
  published?: Record<string, string>;
  imageExposed?: string[];
  restartCount?: number;
  path?: string;
  args?: string[];
  /** Probe outcome per container port. */
  probes?: Record<string, Omit<ProbeResult, 'host' | 'port' | 'ms'>>;
  logs?: string[];
  top?: string[];
  listeners?: ContainerFacts['listeners'];
  history?: string[];
  noImage?: boolean;
  oomEvents?: Date[];
}

/** Facts for a container as the engine would describe it, built from a few choices. */
export function fixtureFacts(options: FixtureOptions = {}): ContainerFacts {
  const published = options.published ?? {};
  const bindings = Object.fromEntries(
    Object.entries(published).map(([port, hostPort]) => [port, [{ HostIp: '127.0.0.1', HostPort: hostPort }]]),
  );
  const running = (options.state?.Running as boolean | undefined) ?? true;
  const imageExposed = options.imageExposed ?? [];
  const container = ContainerInspect.parse({
    Id: 'c0ffee000000',
    Name: '/web',
    Path: options.path ?? 'httpd',
    Args: options.args ?? ['-f', '-p', '80'],
    Image: 'sha256:1mage',
    RestartCount: options.restartCount ?? 0,
    State: {
      Status: running ? 'running' : 'exited',
      Running: running,
      StartedAt: '2024-05-01T11:59:00Z',
      ...options.state,
    },
    Config: {
      Image: 'study/web:1',
      Env: ['PATH=/bin'],
      Cmd: [options.path ?? 'httpd', ...(options.args ?? ['-f', '-p', '80'])],
      ExposedPorts: Object.fromEntries([...imageExposed, ...Object.keys(published)].map((p) => [p, {}])),
      ...options.config,
    },
    HostConfig: { PortBindings: bindings, RestartPolicy: { Name: 'no' }, NetworkMode: 'bridge', ...options.hostConfig },
    NetworkSettings: {
      Ports: running ? { ...Object.fromEntries(imageExposed.map((p) => [p, null])), ...bindings } : {},
      Networks: { bridge: { IPAddress: '172.17.0.2' } },
    },
  });
  const image = options.noImage
    ? undefined
    : ImageInspect.parse({
        Id: 'sha256:1mage',
        RepoTags: ['study/web:1'],
        Config: { ExposedPorts: Object.fromEntries(imageExposed.map((p) => [p, {}])) },
      });
  const ports = portTable(container, image, '127.0.0.1');
  const probes = ports.flatMap((row): PortProbe[] => {
    const outcome = options.probes?.[row.port];
    const [binding] = row.actual;
    const [target] = uniqueTargets(row.actual, '127.0.0.1');
    if (!outcome || !binding || !target) return [];
    const result = { host: target.host, port: target.port, ms: 3, ...outcome };
    return [{ port: row.port, containerPort: row.containerPort, binding, target, result }];
  });
  return {
    now: NOW,
    timeZone: 'Asia/Seoul',
    container,
    image,
    history: (options.history ?? []).map((createdBy, i) => ({
      Id: `layer${i}`,
      Created: 0,
      CreatedBy: createdBy,
      Tags: [],
      Size: 0,
      Comment: '',
    })),
    ports,
    top: options.top
      ? { Titles: ['UID', 'PID', 'CMD'], Processes: options.top.map((cmd, i) => ['root', String(100 + i), cmd]) }
      : undefined,
    logs: (options.logs ?? []).map((text) => ({ stream: 'stdout' as const, text })),
    probes,
    listeners: options.listeners,
    portHolders: [],
    takenHostPorts: [],
    oomEvents: options.oomEvents ?? [],
  };
}
