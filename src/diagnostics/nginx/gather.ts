import { posix } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { CONF_LIMITS, INDEX_LIMITS, NGINX_CONF_DIR, type ArchiveEntry } from '../../docker/archive.ts';
import { isLocalEngine } from '../../docker/connection.ts';
import { probeHttp } from '../../docker/http-probe.ts';
import { toLayers } from '../../docker/layers.ts';
import { targetOf, urlOf } from '../../docker/ports.ts';
import type { ContainerInspect, DockerService } from '../../docker/service.ts';
import { loadConfTree } from './conf-tree.ts';
import type { HostProbe, ImageDetails, NginxConf, NginxFacts, PortHolder } from './facts.ts';
import { httpModel, servedAtRoot } from './servers.ts';
import { withParticle } from '../../core/korean-particles.ts';

/** The two Host headers probed: what a browser on the Docker host sends, and any other name (an ALB, an IP). */
export const PROBE_HOSTS = ['localhost', 'ecs-alb.example'] as const;

const LOG_LINES = 200;
const PROBE_TIMEOUT_MS = 2000;
const PROBE_MAX_BYTES = 64 * 1024;
const MAX_PROBED_PORTS = 3;
const MAX_INDEX_FILES = 8;
/** Stopped containers inspected when looking for the one a port was meant for. */
const MAX_BLOCKED_CANDIDATES = 15;
const MAX_SYMLINK_HOPS = 5;

/** A host port as members type it: `8080`, `:8080`, `127.0.0.1:8080`. */
const HOST_PORT = /^(?:(?:\d{1,3}\.){3}\d{1,3}:|:)?(\d{1,5})$/;

export function hostPortOf(target: string): number | undefined {
  const match = HOST_PORT.exec(target.trim());
  const port = match ? Number(match[1]) : NaN;
  return port >= 1 && port <= 65535 ? port : undefined;
}

/**
 * Reads what the nginx path checks need about one visible container (or the container that
 * publishes a host port), each part bounded and in parallel; a part that fails is left
 * empty. nginx's files are read through the archive endpoint only after granting exactly
 * `/etc/nginx`, then the index files of the roots that configuration names.
 */
export async function gatherNginxFacts(
  docker: DockerService,
  target: string,
  signal?: AbortSignal,
): Promise<NginxFacts> {
  const port = hostPortOf(target);
  const container =
    port === undefined ? await docker.container(target, signal) : await containerOnPort(docker, port, signal);
  const softly = <T>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

  const imageRead = softly(docker.imageOf(container, signal), undefined);
  const [image, tagImage, layers, logs, conf, portHolders] = await Promise.all([
    softly(imageDetails(docker, container, signal), undefined),
    softly(currentTagImage(docker, container, signal), undefined),
    imageRead.then((found) => (found ? softly(docker.history(found, signal), []) : [])).then(toLayers),
    softly(
      docker
        .logs(container, { tail: LOG_LINES, timestamps: false, maxLines: LOG_LINES, maxChars: 100_000 }, signal)
        .then((t) => t.lines),
      [],
    ),
    readConf(docker, container, signal),
    port === undefined
      ? softly(holdersOfRequestedPorts(docker, container, signal), [])
      : softly(blockedOnPort(docker, container, port, signal), []),
  ]);
  const [indexFiles, probes] = await Promise.all([
    conf ? softly(readIndexFiles(docker, container, conf, signal), new Map<string, string | null>()) : new Map(),
    probeAnswers(docker, container, port === undefined ? portHolders : [], signal),
  ]);
  return {
    container,
    image,
    tagImage,
    stockNamedTags: image ? image.repoTags.filter(isStockNginxRef) : [],
    layers,
    logs,
    conf,
    indexFiles,
    probes,
    portHolders,
  };
}

/** `nginx`, `nginx:1.23.1-alpine`, `docker.io/library/nginx:latest`: Docker Hub's official image. */
export function isStockNginxRef(ref: string): boolean {
  return /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?nginx(?::[\w.-]+)?(?:@sha256:[a-f0-9]+)?$/.test(ref);
}

async function containerOnPort(docker: DockerService, port: number, signal?: AbortSignal): Promise<ContainerInspect> {
  const list = await docker.listContainers(signal);
  const holder = list.find((c) => c.State === 'running' && c.Ports.some((p) => p.PublicPort === port));
  if (!holder) {
    throw new UserError('port-not-found', {
      ko: `호스트 포트 ${withParticle(String(port), '을/를')} 게시한 컨테이너가 (이 봇이 볼 수 있는 것 중에는) 없어요. 호스트의 다른 프로그램이 쓰고 있을 수 있어요. \`/docker containers\`로 포트를 확인해 보세요.`,
      en: `No visible container publishes host port ${port}; another program on the host may hold it. See \`/docker containers\`.`,
    });
  }
  return docker.container(holder.Id, signal);
}

async function imageDetails(
  docker: DockerService,
  container: ContainerInspect,
  signal?: AbortSignal,
): Promise<ImageDetails | undefined> {
  const image = await docker.imageOf(container, signal);
  if (!image) return undefined;
  return {
    id: image.Id,
    repoTags: image.RepoTags.filter((t) => t !== '<none>:<none>'),
    repoDigests: image.RepoDigests,
    created: image.Created,
    workingDir: image.Config.WorkingDir,
    labels: image.Config.Labels,
  };
}

/** The image the container's `Config.Image` tag points at now, when that is a (visible) tag. */
async function currentTagImage(
  docker: DockerService,
  container: ContainerInspect,
  signal?: AbortSignal,
): Promise<NginxFacts['tagImage']> {
  const ref = container.Config.Image;
  if (!ref || /^(?:sha256:)?[a-f0-9]{12,64}$/.test(ref) || ref.includes('@sha256:')) return undefined;
  const found = await docker.image(ref, signal);
  return { id: found.Id, created: found.Created };
}

async function readConf(
  docker: DockerService,
  container: ContainerInspect,
  signal?: AbortSignal,
): Promise<NginxConf | undefined> {
  const revoke = docker.archive.grantConfig(container.Id);
  let read;
  try {
    read = await docker.readArchive(container, NGINX_CONF_DIR, CONF_LIMITS, signal);
  } finally {
    revoke();
  }
  return read ? nginxConfOf(read.entries, read.truncated) : undefined;
}

/** nginx's configuration loaded from the entries of /etc/nginx: files, the include tree, the http model. */
export function nginxConfOf(entries: ArchiveEntry[], truncated = false): NginxConf {
  const files = confFiles(entries);
  const tree = loadConfTree(files);
  return { entries, files, tree, model: httpModel(tree, nginxPrefix(entries)), truncated };
}

/** Files with their text, symlinks resolved within what was read (sites-enabled → sites-available). */
export function confFiles(entries: ArchiveEntry[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of entries) if (entry.type === 'file' && entry.text !== undefined) files.set(entry.path, entry.text);
  const links = entries.filter((e) => e.type === 'symlink' && e.linkname);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop++) {
    let added = false;
    for (const link of links) {
      if (files.has(link.path) || !link.linkname) continue;
      const target = posix.resolve(posix.dirname(link.path), link.linkname);
      const text = files.get(target);
      if (text !== undefined) {
        files.set(link.path, text);
        added = true;
      }
    }
    if (!added) break;
  }
  return files;
}

/**
 * Where a relative `root` points: the official image's nginx is built with prefix /etc/nginx,
 * Debian's package with /usr/share/nginx (recognised by its sites-enabled folder).
 */
function nginxPrefix(entries: ArchiveEntry[]): string {
  return entries.some((e) => e.path === `${NGINX_CONF_DIR}/sites-enabled`) ? '/usr/share/nginx' : NGINX_CONF_DIR;
}

async function readIndexFiles(
  docker: DockerService,
  container: ContainerInspect,
  conf: NginxConf,
  signal?: AbortSignal,
): Promise<Map<string, string | null>> {
  const served = conf.model.servers.map((s) => ({ served: servedAtRoot(conf.model, s), index: s.index }));
  const roots = [...new Set(served.flatMap((s) => (s.served.kind === 'static' ? [s.served.root] : [])))];
  const names = [...new Set(served.flatMap((s) => s.index))];
  const grant = docker.archive.grantIndexFiles(container.Id, roots, names);
  const out = new Map<string, string | null>();
  try {
    const paths = grant.paths.slice(0, MAX_INDEX_FILES);
    const texts = await Promise.all(
      paths.map((path) =>
        docker.readArchive(container, path, INDEX_LIMITS, signal).then(
          (read) => read?.entries.find((e) => e.type === 'file')?.text ?? null,
          () => undefined,
        ),
      ),
    );
    paths.forEach((path, i) => {
      const text = texts[i];
      if (text !== undefined) out.set(path, text);
    });
  } finally {
    grant.revoke();
  }
  return out;
}

/** Host ports this container asked for (`-p`) but does not hold, and the visible container that holds each. */
async function holdersOfRequestedPorts(
  docker: DockerService,
  container: ContainerInspect,
  signal?: AbortSignal,
): Promise<PortHolder[]> {
  const wanted = Object.entries(container.HostConfig.PortBindings).flatMap(([containerPort, bindings]) =>
    (bindings ?? [])
      .filter((b) => Number(b.HostPort) > 0)
      .filter((b) => !(container.NetworkSettings.Ports[containerPort] ?? []).some((a) => a.HostPort === b.HostPort))
      .map((binding) => ({ containerPort, binding, hostPort: Number(binding.HostPort) })),
  );
  if (wanted.length === 0) return [];
  const list = await docker.listContainers(signal);
  return wanted.flatMap((w) =>
    list
      .filter((c) => c.Id !== container.Id && c.Ports.some((p) => p.PublicPort === w.hostPort))
      .map((holder) => ({ ...w, holder })),
  );
}

/** Given the container that holds a host port: recent stopped containers that asked for the same port. */
async function blockedOnPort(
  docker: DockerService,
  holder: ContainerInspect,
  port: number,
  signal?: AbortSignal,
): Promise<PortHolder[]> {
  const list = await docker.listContainers(signal);
  const summary = list.find((c) => c.Id === holder.Id);
  if (!summary) return [];
  const candidates = list
    .filter((c) => c.State !== 'running' && c.Id !== holder.Id)
    .sort((a, b) => b.Created - a.Created)
    .slice(0, MAX_BLOCKED_CANDIDATES);
  const inspected = await Promise.all(candidates.map((c) => docker.container(c.Id, signal).catch(() => undefined)));
  return inspected.flatMap((blocked) => {
    if (!blocked) return [];
    return Object.entries(blocked.HostConfig.PortBindings).flatMap(([containerPort, bindings]) =>
      (bindings ?? [])
        .filter((b) => Number(b.HostPort) === port)
        .map((binding) => ({ hostPort: port, binding, containerPort, holder: summary, blocked: blocked.Name })),
    );
  });
}

/**
 * `GET /` with `Host: localhost` and with another name on each published TCP port of the
 * container, or, when it could not get its port, on the port the other container holds.
 */
async function probeAnswers(
  docker: DockerService,
  container: ContainerInspect,
  holders: PortHolder[],
  signal?: AbortSignal,
): Promise<HostProbe[]> {
  const local = isLocalEngine(docker.config);
  const planned: Array<{ host: string; port: number; containerPort: number; answeredBy: string }> = [];
  if (container.State.Running) {
    for (const [key, bindings] of Object.entries(container.NetworkSettings.Ports)) {
      if (!key.endsWith('/tcp')) continue;
      const binding = (bindings ?? [])[0];
      const target = binding ? targetOf(binding, docker.probeHost) : undefined;
      if (target) planned.push({ ...target, containerPort: Number(key.split('/')[0]), answeredBy: container.Name });
    }
  }
  for (const held of holders) {
    const target = targetOf(held.binding, docker.probeHost);
    if (target)
      planned.push({
        ...target,
        containerPort: Number(held.containerPort.split('/')[0]),
        answeredBy: held.holder.Name,
      });
  }
  const unique = planned
    .filter((p, i) => planned.findIndex((q) => q.host === p.host && q.port === p.port) === i)
    .filter((p) => local || !/^(127\.|::1$|localhost$)/.test(p.host))
    .slice(0, MAX_PROBED_PORTS);
  const probes = unique.flatMap((p) => PROBE_HOSTS.map((hostHeader) => ({ ...p, hostHeader })));
  return Promise.all(
    probes.map(async (p) => ({
      hostHeader: p.hostHeader,
      url: urlOf({ host: p.host, port: p.port }),
      containerPort: p.containerPort,
      answeredBy: p.answeredBy,
      result: await probeHttp(p.host, p.port, {
        timeoutMs: PROBE_TIMEOUT_MS,
        maxBytes: PROBE_MAX_BYTES,
        hostHeader: p.hostHeader,
        signal,
      }),
    })),
  );
}
