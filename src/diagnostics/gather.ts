import type { Clock } from '../core/clock.ts';
import { isLocalEngine } from '../docker/connection.ts';
import { probeHttp } from '../docker/http-probe.ts';
import { portTable, uniqueTargets } from '../docker/ports.ts';
import { parseProcNetTcp, type Listener } from '../docker/proc-net-tcp.ts';
import type { ContainerInspect, ContainerSummary, DockerService } from '../docker/service.ts';
import { engineTime, type ContainerFacts, type PortProbe } from './facts.ts';
import { explainStartError } from './start-errors.ts';

const LOG_LINES = 200;
const MAX_PROBES = 6;
const PROBE_TIMEOUT_MS = 2000;
const PROBE_MAX_BYTES = 64 * 1024;

/**
 * Reads what the checks need about one visible container, in parallel, each part bounded:
 * image and history, processes, the log's tail, an HTTP probe per published port and,
 * with exec allowed, the listening sockets. A part that fails is left empty: a diagnosis
 * with less evidence beats no diagnosis.
 */
export async function gatherFacts(
  docker: DockerService,
  name: string,
  clock: Clock,
  timeZone: string,
  signal?: AbortSignal,
): Promise<ContainerFacts> {
  const container = await docker.container(name, signal);
  const running = container.State.Running;
  const softly = <T>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

  const imageRead = softly(docker.imageOf(container, signal), undefined);
  const [image, history, top, logs, listeners, published, oomEvents] = await Promise.all([
    imageRead,
    imageRead.then((image) => (image ? softly(docker.history(image, signal), []) : [])),
    running ? softly(docker.top(container, signal), undefined) : Promise.resolve(undefined),
    softly(
      docker
        .logs(container, { tail: LOG_LINES, timestamps: false, maxLines: LOG_LINES, maxChars: 100_000 }, signal)
        .then((t) => t.lines),
      [],
    ),
    running ? readListeners(docker, container, signal) : Promise.resolve(undefined),
    publishedOnConflictingPort(docker, container, signal),
    softly(oomEventsOfLastRun(docker, container, clock, signal), []),
  ]);
  const ports = portTable(container, image, docker.probeHost);
  const facts: ContainerFacts = {
    now: clock.now(),
    timeZone,
    container,
    image,
    history,
    ports,
    top,
    logs,
    probes: [],
    listeners,
    portHolders: published.holders,
    takenHostPorts: published.taken,
    oomEvents,
  };
  facts.probes = running ? await probePublished(docker, facts, signal) : [];
  return facts;
}

async function readListeners(
  docker: DockerService,
  container: ContainerInspect,
  signal?: AbortSignal,
): Promise<Listener[] | undefined> {
  if (!docker.config.allowExec) return undefined;
  const [v4, v6] = await Promise.all([
    docker.execAllowed(container, ['cat', '/proc/net/tcp'], signal),
    docker.execAllowed(container, ['cat', '/proc/net/tcp6'], signal),
  ]);
  if (v4 === undefined && v6 === undefined) return undefined;
  return [...parseProcNetTcp(v4 ?? ''), ...parseProcNetTcp(v6 ?? '')];
}

/** Only asked when it matters: a SIGKILL exit (137) that the engine did not flag as OOM. */
async function oomEventsOfLastRun(
  docker: DockerService,
  container: ContainerInspect,
  clock: Clock,
  signal?: AbortSignal,
): Promise<Date[]> {
  const { State } = container;
  if (State.Running || State.OOMKilled || State.ExitCode !== 137) return [];
  const started = engineTime(State.StartedAt);
  if (!started) return [];
  const finished = engineTime(State.FinishedAt) ?? clock.now();
  return docker.oomEvents(container, started, new Date(finished.getTime() + 2000), signal);
}

/**
 * For a start that failed on a taken host port: the visible containers holding it, and every
 * host port visible containers publish (so the suggested `-p` names one that is free).
 */
async function publishedOnConflictingPort(
  docker: DockerService,
  container: ContainerInspect,
  signal?: AbortSignal,
): Promise<{ holders: ContainerSummary[]; taken: number[] }> {
  const explained = container.State.Error ? explainStartError(container.State.Error) : undefined;
  if (explained?.kind !== 'port-allocated' || !explained.hostPort) return { holders: [], taken: [] };
  const all = await docker.listContainers(signal).catch(() => []);
  const others = all.filter((c) => c.Id !== container.Id);
  return {
    holders: others.filter((c) => c.Ports.some((p) => p.PublicPort === explained.hostPort)),
    taken: others.flatMap((c) => c.Ports.flatMap((p) => (p.PublicPort ? [p.PublicPort] : []))),
  };
}

async function probePublished(
  docker: DockerService,
  facts: ContainerFacts,
  signal?: AbortSignal,
): Promise<PortProbe[]> {
  const local = isLocalEngine(docker.config);
  const planned: PortProbe[] = [];
  for (const row of facts.ports) {
    if (row.protocol !== 'tcp' || row.actual.length === 0) continue;
    const target = uniqueTargets(row.actual, docker.probeHost)[0];
    const binding = row.actual.find((b) => Number(b.HostPort) === target?.port);
    if (!target || !binding) continue;
    planned.push({ port: row.port, containerPort: row.containerPort, binding, target });
  }
  return Promise.all(
    planned.slice(0, MAX_PROBES).map(async (probe) => {
      const loopbackOnRemote = !local && /^(127\.|::1$|localhost$)/.test(probe.target.host);
      if (loopbackOnRemote) return probe;
      const result = await probeHttp(probe.target.host, probe.target.port, {
        timeoutMs: PROBE_TIMEOUT_MS,
        maxBytes: PROBE_MAX_BYTES,
        signal,
      });
      return { ...probe, result };
    }),
  );
}
