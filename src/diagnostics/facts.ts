import type { ProbeResult } from '../docker/http-probe.ts';
import type { LogLine } from '../docker/log-reader.ts';
import type { PortRow, PortTarget } from '../docker/ports.ts';
import type { Listener } from '../docker/proc-net-tcp.ts';
import type { ContainerInspect, ContainerSummary, HistoryItem, ImageInspect, TopResult } from '../docker/service.ts';
import type { HostBinding } from '../docker/engine-types.ts';

/** One HTTP probe of a published container port. */
export interface PortProbe {
  /** `80/tcp` */
  port: string;
  containerPort: number;
  binding: HostBinding;
  target: PortTarget;
  /** Missing when it could not be probed from here (a 127.0.0.1 binding on a remote host). */
  result?: ProbeResult;
}

/**
 * Everything the checks look at, read once from the engine (and the probes). Checks are
 * pure functions of these facts, so they are tested without an engine.
 */
export interface ContainerFacts {
  now: Date;
  /** The group's time zone (DOCKHAND_TIMEZONE), for moments in the evidence. */
  timeZone: string;
  container: ContainerInspect;
  /** The image the container runs; undefined if it was removed since. */
  image: ImageInspect | undefined;
  history: HistoryItem[];
  ports: PortRow[];
  /** Processes (`docker top`), when running. */
  top: TopResult | undefined;
  /** The last lines of the log, redacted. */
  logs: LogLine[];
  probes: PortProbe[];
  /** Listening sockets from /proc/net/tcp{,6} (DOCKHAND_ALLOW_EXEC=1 and running), else undefined. */
  listeners: Listener[] | undefined;
  /** Visible containers that publish the host port a failed start could not bind. */
  portHolders: ContainerSummary[];
  /** Host ports visible containers publish, read when a start failed on a taken port (to suggest a free one). */
  takenHostPorts: number[];
  /** `oom` events of the last run, read when a SIGKILL exit has no OOMKilled flag. */
  oomEvents: Date[];
}

/** Published TCP ports of a running container: container port → its host bindings. */
export function publishedPorts(facts: ContainerFacts): PortRow[] {
  if (!facts.container.State.Running) return [];
  return facts.ports.filter((row) => row.protocol === 'tcp' && row.actual.length > 0);
}

/** Ports the container is meant to serve but which have no host binding. */
export function unpublishedExposedPorts(facts: ContainerFacts): PortRow[] {
  return facts.ports.filter(
    (row) => (row.exposedByImage || row.exposedByContainer) && row.actual.length === 0 && row.requested.length === 0,
  );
}

/** Port checks make sense only for a running container on its own network namespace with port mapping. */
export function portsApply(facts: ContainerFacts): boolean {
  const mode = facts.container.HostConfig.NetworkMode;
  return facts.container.State.Running && mode !== 'host' && mode !== 'none' && !mode.startsWith('container:');
}

/** Started by Docker Compose: it labels its containers with the project. */
export function isComposeContainer(facts: ContainerFacts): boolean {
  return 'com.docker.compose.project' in facts.container.Config.Labels;
}

/** Engine timestamps are `0001-01-01T00:00:00Z` when unset (a container that never started). */
export function engineTime(value: string | undefined): Date | undefined {
  if (!value || value.startsWith('0001-')) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

export function probeFor(facts: ContainerFacts, port: string): PortProbe | undefined {
  return facts.probes.find((p) => p.port === port);
}
