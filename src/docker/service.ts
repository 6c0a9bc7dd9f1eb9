import Dockerode from 'dockerode';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import { redact } from '../core/redact.ts';
import { clip } from '../core/text.ts';
import type { Logger } from '../core/logger.ts';
import { ArchiveGrants } from './archive.ts';
import { connectionOptions, defaultProbeHost, describeHost } from './connection.ts';
import { EngineClient, EngineError, EngineResponseError, EngineTimeout } from './engine-client.ts';
import {
  ContainerInspect,
  ContainerListItem,
  ExecCreated,
  HistoryItem,
  ImageInspect,
  ImageListItem,
  TopResult,
} from './engine-types.ts';
import { isAllowedExec } from './exec-allowlist.ts';
import { readLogTail, type LogTail } from './log-reader.ts';
import { similarNames } from './similar-names.ts';
import { containerRef, imageRef } from './names.ts';
import { guardModem } from './read-only-guard.ts';
import { engineTimestamp } from './since.ts';
import { Visibility } from './visibility.ts';

export type { ContainerInspect, HistoryItem, ImageInspect, TopResult } from './engine-types.ts';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: string;
  status: string;
  createdAt: Date;
  labels: Record<string, string>;
  ports: Array<{ privatePort: number; publicPort?: number; ip?: string; type: string }>;
}

export interface ImageSummary {
  id: string;
  tags: string[];
  size: number;
  createdAt: Date;
  labels: Record<string, string>;
}

export interface LogRequest {
  /** Lines from the end the engine sends; 'all' to scan the whole log. */
  tail: number | 'all';
  since?: Date | undefined;
  timestamps: boolean;
  grep?: string | undefined;
  /** Lines and characters kept (the last ones). */
  maxLines: number;
  maxChars: number;
  maxScanBytes?: number;
}

/** Logs may take longer than one call: the whole read gets this many call timeouts. */
const LOG_READ_TIMEOUTS = 3;
const MAX_LIST = 500;

/**
 * Read-only access to the shared Docker host. Every request goes through a guarded
 * docker-modem that refuses anything but reads (and allowlisted exec when enabled), every
 * call has a deadline, and only containers and images the visibility rule allows are
 * ever returned: a hidden one is "not found", the same as one that does not exist.
 */
export class DockerService {
  /** Dockerode on the guarded modem: any write through it is refused before it is sent. */
  readonly client: Dockerode;
  readonly engine: EngineClient;
  readonly visibility: Visibility;
  readonly probeHost: string;
  /** Container files a diagnosis may read through the archive endpoint (none until granted). */
  readonly archive = new ArchiveGrants();

  constructor(
    readonly config: Config['docker'],
    private readonly log: Logger,
  ) {
    this.client = new Dockerode(connectionOptions(config));
    guardModem(this.client.modem, { allowExec: config.allowExec, archive: this.archive });
    this.engine = new EngineClient(this.client.modem, config.timeoutMs);
    this.visibility = new Visibility({ label: config.visibleLabel, names: config.visibleNames });
    this.probeHost = defaultProbeHost(config);
  }

  async ping(signal?: AbortSignal): Promise<boolean> {
    try {
      await this.engine.stream('GET', '/_ping', { signal }).then((res) => res.resume());
      return true;
    } catch (error) {
      this.log.debug('docker ping failed', { error });
      return false;
    }
  }

  async listContainers(signal?: AbortSignal): Promise<ContainerSummary[]> {
    const raw = await this.call(() =>
      this.engine.json('GET', '/containers/json', z.array(ContainerListItem), { query: { all: true }, signal }),
    );
    return raw
      .map(toSummary)
      .filter((c) => this.visibility.container(c))
      .slice(0, MAX_LIST);
  }

  async listImages(signal?: AbortSignal): Promise<ImageSummary[]> {
    const [images, containers] = await Promise.all([
      this.call(() => this.engine.json('GET', '/images/json', z.array(ImageListItem), { signal })),
      this.visibility.restricted ? this.listContainers(signal) : Promise.resolve([]),
    ]);
    const used = new Set(containers.map((c) => c.imageId));
    return images
      .filter((i) =>
        this.visibility.image({ repositories: repositoriesOf(i.RepoTags), labels: i.Labels }, used.has(i.Id)),
      )
      .slice(0, MAX_LIST)
      .map((i) => ({
        id: i.Id,
        tags: i.RepoTags.filter((t) => t !== '<none>:<none>'),
        size: i.Size,
        createdAt: new Date(i.Created * 1000),
        labels: i.Labels,
      }));
  }

  /** A container by name or id prefix, if visible; otherwise a "not found" UserError. */
  async container(input: string, signal?: AbortSignal): Promise<ContainerInspect> {
    const ref = containerRef(input);
    const found = await this.call(() =>
      this.engine
        .json('GET', `/containers/${encodeURIComponent(ref)}/json`, ContainerInspect, { signal })
        .catch(notFoundAs(undefined)),
    );
    if (!found || !this.visibility.container({ name: found.Name, labels: found.Config.Labels })) {
      throw notFound(
        'container',
        ref,
        await this.similar(ref, async () => (await this.listContainers(signal)).map((c) => c.name)),
      );
    }
    return found;
  }

  /** An image by reference or id, if visible. */
  async image(input: string, signal?: AbortSignal): Promise<ImageInspect> {
    const ref = imageRef(input);
    const found = await this.call(() =>
      this.engine
        .json('GET', `/images/${encodeImageRef(ref)}/json`, ImageInspect, { signal })
        .catch(notFoundAs(undefined)),
    );
    if (!found || !(await this.imageVisible(found, signal))) {
      throw notFound(
        'image',
        ref,
        await this.similar(ref, async () => (await this.listImages(signal)).flatMap((i) => i.tags)),
      );
    }
    return found;
  }

  /** Visible names close to one that was not found; none when the list cannot be read. */
  private async similar(ref: string, visibleNames: () => Promise<string[]>): Promise<string[]> {
    try {
      return similarNames(ref, await visibleNames());
    } catch {
      return [];
    }
  }

  /** The image a visible container runs (visible through it), or undefined when it was removed. */
  async imageOf(container: ContainerInspect, signal?: AbortSignal): Promise<ImageInspect | undefined> {
    return this.call(() =>
      this.engine
        .json('GET', `/images/${encodeURIComponent(container.Image)}/json`, ImageInspect, { signal })
        .catch(notFoundAs(undefined)),
    );
  }

  /** The layers of a visible image, newest first (as the engine gives them). */
  async history(image: ImageInspect, signal?: AbortSignal): Promise<HistoryItem[]> {
    return this.call(() =>
      this.engine.json('GET', `/images/${encodeURIComponent(image.Id)}/history`, z.array(HistoryItem), { signal }),
    );
  }

  /** `docker top`, or undefined when the container is not running. */
  async top(container: ContainerInspect, signal?: AbortSignal): Promise<TopResult | undefined> {
    return this.call(() =>
      this.engine.json('GET', `/containers/${container.Id}/top`, TopResult, { signal }).catch((error: unknown) => {
        if (error instanceof EngineError && (error.statusCode === 409 || error.statusCode === 500)) return undefined;
        throw error;
      }),
    );
  }

  /** The end of a container's log, demultiplexed, redacted and bounded. */
  async logs(container: ContainerInspect, request: LogRequest, signal?: AbortSignal): Promise<LogTail> {
    const timeoutMs = this.config.timeoutMs * LOG_READ_TIMEOUTS;
    return this.call(async () => {
      const stream = await this.engine.stream('GET', `/containers/${container.Id}/logs`, {
        query: {
          stdout: true,
          stderr: true,
          follow: false,
          timestamps: request.timestamps,
          tail: request.tail === 'all' ? 'all' : String(request.tail),
          since: request.since ? engineTimestamp(request.since) : undefined,
        },
        signal,
        timeoutMs,
      });
      try {
        return await readLogTail(stream, {
          tty: container.Config.Tty,
          timestamps: request.timestamps,
          grep: request.grep,
          maxLines: request.maxLines,
          maxChars: request.maxChars,
          ...(request.maxScanBytes !== undefined ? { maxScanBytes: request.maxScanBytes } : {}),
        });
      } finally {
        stream.destroy();
      }
    });
  }

  /**
   * The times the engine reported the kernel OOM-killing a process of this container
   * between `since` and `until` (the `oom` events). Docker can lose `State.OOMKilled` when
   * the exit is handled before the OOM notice; the event log still has it.
   */
  async oomEvents(container: ContainerInspect, since: Date, until: Date, signal?: AbortSignal): Promise<Date[]> {
    return this.call(async () => {
      const stream = await this.engine.stream('GET', '/events', {
        query: {
          since: Math.floor(since.getTime() / 1000),
          until: Math.ceil(until.getTime() / 1000),
          filters: JSON.stringify({ type: ['container'], container: [container.Id], event: ['oom'] }),
        },
        signal,
      });
      const text = await readCapped(stream, EVENTS_MAX_BYTES);
      return text
        .split('\n')
        .map((line) => OomEvent.safeParse(safeJson(line)))
        .filter((parsed) => parsed.success && parsed.data.Action === 'oom')
        .map((parsed) => new Date((parsed.data!.time ?? 0) * 1000));
    });
  }

  /**
   * Runs one allowlisted command (DOCKHAND_ALLOW_EXEC=1) and returns its stdout, or
   * undefined when exec is off, the container is not running, or the command failed.
   */
  async execAllowed(container: ContainerInspect, argv: string[], signal?: AbortSignal): Promise<string | undefined> {
    if (!this.config.allowExec || !isAllowedExec(argv) || !container.State.Running) return undefined;
    try {
      const created = await this.engine.json('POST', `/containers/${container.Id}/exec`, ExecCreated, {
        body: { Cmd: argv, AttachStdout: true, AttachStderr: true },
        signal,
      });
      const stream = await this.engine.stream('POST', `/exec/${created.Id}/start`, {
        body: { Detach: false, Tty: false },
        signal,
      });
      const output = await readLogTail(stream, { tty: false, timestamps: false, maxLines: 2000, maxChars: 512 * 1024 });
      return output.lines
        .filter((l) => l.stream === 'stdout')
        .map((l) => l.text)
        .join('\n');
    } catch (error) {
      this.log.debug('exec failed', { container: container.Name, argv, error });
      return undefined;
    }
  }

  private async imageVisible(image: ImageInspect, signal?: AbortSignal): Promise<boolean> {
    if (!this.visibility.restricted) return true;
    const fast = this.visibility.image(
      { repositories: repositoriesOf(image.RepoTags), labels: image.Config.Labels },
      false,
    );
    if (fast) return true;
    const containers = await this.listContainers(signal);
    return containers.some((c) => c.imageId === image.Id);
  }

  /** Runs Engine API calls, turning an unreachable or confused engine into a message the user can act on. */
  async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof UserError) throw error;
      const where = describeHost(this.config);
      if (error instanceof EngineTimeout) {
        throw new UserError('docker-timeout', {
          ko: `Docker 엔진이 ${error.timeoutMs / 1000}초 안에 답하지 않았어요 (${where}). 엔진이 바쁘거나 꺼져 있을 수 있어요. 잠시 뒤 다시 해 보세요.`,
          en: `The Docker engine did not answer within ${error.timeoutMs / 1000}s (${where}). It may be busy or down; try again shortly.`,
        });
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code && CONNECTION_ERRORS.has(code)) {
        throw new UserError('docker-unreachable', {
          ko: `Docker 엔진에 연결할 수 없어요 (${where}, ${code}). 엔진이 켜져 있는지, DOCKER_HOST 설정과 소켓 권한을 확인해 주세요.`,
          en: `Cannot reach the Docker engine (${where}, ${code}). Check that it is running, DOCKER_HOST, and socket permissions.`,
        });
      }
      if (error instanceof EngineResponseError) {
        this.log.warn('unexpected engine response', { path: error.path, issues: error.issues });
        throw new UserError('docker-bad-response', {
          ko: 'Docker 엔진의 응답을 이해하지 못했어요. 엔진 버전(API 1.41 이상)을 확인해 주세요.',
          en: 'Could not understand the Docker engine’s answer. Check the engine version (API 1.41 or later).',
        });
      }
      if (error instanceof EngineError) throw engineRefused(error, where, this.log);
      throw error;
    }
  }
}

/**
 * An error status the lookups did not expect: a socket proxy refusing the endpoint (403), or
 * DOCKER_HOST pointing at some other HTTP server (an empty 404). The engine's own words are
 * redacted and clipped: they may quote a command line.
 */
function engineRefused(error: EngineError, where: string, log: Logger): UserError {
  log.warn('engine error answer', { status: error.statusCode, message: clip(redact(error.message), 200) });
  const said = error.message ? `: ${clip(redact(error.message), 200)}` : '';
  if (error.statusCode === 403) {
    return new UserError('docker-forbidden', {
      ko: `Docker 엔진(또는 앞의 소켓 프록시)이 이 요청을 막았어요 (${where}, HTTP 403${said}). 프록시에서 읽기(GET) API가 허용되어 있는지 확인해 주세요.`,
      en: `The Docker engine (or the socket proxy before it) refused this request (${where}, HTTP 403${said}). Check that the proxy allows the read (GET) endpoints.`,
    });
  }
  return new UserError('docker-error', {
    ko: `Docker 엔진이 오류로 답했어요 (${where}, HTTP ${error.statusCode}${said}). DOCKER_HOST가 Docker 엔진을 가리키는지 확인해 주세요.`,
    en: `The Docker engine answered with an error (${where}, HTTP ${error.statusCode}${said}). Check that DOCKER_HOST points at a Docker engine.`,
  });
}

const EVENTS_MAX_BYTES = 256 * 1024;
const OomEvent = z.object({ Action: z.string(), time: z.number().optional() });

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The body of a finite stream as text, at most `max` bytes (the rest is dropped). */
async function readCapped(stream: NodeJS.ReadableStream & { destroy(): void }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      chunks.push(buffer.subarray(0, Math.max(0, max - size)));
      size += buffer.length;
      if (size >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

const CONNECTION_ERRORS = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'EACCES',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function toSummary(c: ContainerListItem): ContainerSummary {
  return {
    id: c.Id,
    name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image,
    imageId: c.ImageID,
    state: c.State,
    status: c.Status,
    createdAt: new Date(c.Created * 1000),
    labels: c.Labels,
    ports: c.Ports.map((p) => ({
      privatePort: p.PrivatePort,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      ...(p.IP ? { ip: p.IP } : {}),
      type: p.Type,
    })),
  };
}

function repositoriesOf(tags: string[]): string[] {
  return tags.filter((t) => t !== '<none>:<none>').map((t) => t.replace(/:[^:/]+$/, ''));
}

/** Image references keep their slashes in the path (`/images/ghcr.io/x/y:tag/json`). */
function encodeImageRef(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}

function notFoundAs<T>(value: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof EngineError && (error.statusCode === 404 || /multiple ids|ambiguous/i.test(error.message)))
      return value;
    throw error;
  };
}

function notFound(kind: 'container' | 'image', ref: string, similar: string[] = []): UserError {
  const names = similar.map((name) => `\`${name}\``).join(', ');
  const ko = names ? ` 혹시 ${names}을(를) 찾으셨나요?` : '';
  const en = names ? ` Did you mean ${names}?` : '';
  return kind === 'container'
    ? new UserError('container-not-found', {
        ko: `\`${ref}\` 컨테이너를 찾을 수 없어요 (없거나 이 봇에서 볼 수 없는 컨테이너예요).${ko} \`/docker containers\`로 목록을 확인해 보세요.`,
        en: `No container \`${ref}\` (it does not exist or is not visible to this bot).${en} See \`/docker containers\`.`,
      })
    : new UserError('image-not-found', {
        ko: `\`${ref}\` 이미지를 찾을 수 없어요 (없거나 이 봇에서 볼 수 없는 이미지예요).${ko} \`/docker images\`로 목록을 확인해 보세요.`,
        en: `No image \`${ref}\` (it does not exist or is not visible to this bot).${en} See \`/docker images\`.`,
      });
}
