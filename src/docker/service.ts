import { posix } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../core/logger.ts';
import { z } from 'zod';
import { ArchiveGrants, untar, type ArchiveLimits, type ArchiveRead } from './archive.ts';
import { readCapped } from './capped-read.ts';
import { connectionOptions, defaultProbeHost, describeHost } from './connection.ts';
import { EngineClient, EngineError } from './engine-client.ts';
import { explainEngineFailure } from './engine-failures.ts';
import {
  ContainerInspect,
  ContainerSummary,
  ExecCreated,
  HistoryItem,
  ImageInspect,
  ImageSummary,
  TopResult,
} from './engine-types.ts';
import { isAllowedExec } from './exec-allowlist.ts';
import { readLogTail, type LogTail } from './log-reader.ts';
import { readNewestFirst } from './log-scan.ts';
import { findContainer, findImage, type LookupSource } from './lookup.ts';
import { readOomEvents } from './oom-events.ts';
import { engineTimestamp } from './since.ts';
import { Visibility } from './visibility.ts';

export type {
  ContainerInspect,
  ContainerSummary,
  HistoryItem,
  ImageInspect,
  ImageSummary,
  PortSummary,
  TopResult,
} from './engine-types.ts';

export interface LogRequest {
  /** Lines from the end to look at; 'all' to scan the whole log. */
  tail: number | 'all';
  since?: Date | undefined;
  timestamps: boolean;
  grep?: string | undefined;
  /** Lines and characters kept (the last ones). */
  maxLines: number;
  maxChars: number;
  /** Bytes read in all, at most (default: the per-call cap, DOCKHAND_DOCKER_MAX_MB). */
  maxScanBytes?: number;
}

/** Logs may take longer than one call: the whole read gets this many call timeouts. */
const LOG_READ_TIMEOUTS = 3;
/** What lists show at most; lookups search every visible container. */
const MAX_LIST = 500;

/**
 * Read-only access to the shared Docker host. Every request goes through a guarded
 * docker-modem that refuses anything but reads (and allowlisted exec when enabled), every
 * call has a deadline and a cap on what it reads, and only containers and images the
 * visibility rule allows are ever returned: a hidden one is "not found", the same as one that
 * does not exist, also when it shares an id prefix with a visible one. What it returns keeps
 * the Engine API's names (engine-types.ts); failures become UserErrors a member can act on.
 */
export class DockerService {
  readonly probeHost: string;
  /** Container files a diagnosis may read through the archive endpoint (none until granted). */
  readonly archive = new ArchiveGrants();
  private readonly engine: EngineClient;
  private readonly visibility: Visibility;
  private readonly lookups: LookupSource;

  constructor(
    readonly config: Config['docker'],
    private readonly log: Logger,
  ) {
    // Read now, so missing TLS files stop start-up; dockerode itself loads on the first Engine API call.
    const connection = connectionOptions(config);
    const loadModem = async () =>
      (await import('./guarded-docker.ts')).guardedDockerode(config, this.archive, connection).modem;
    this.engine = new EngineClient(loadModem, {
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxResponseBytes,
    });
    this.visibility = new Visibility({ label: config.visibleLabel, names: config.visibleNames });
    this.probeHost = defaultProbeHost(config);
    this.lookups = {
      engine: this.engine,
      isVisibleContainer: (c) => this.visibility.container({ name: c.Name, labels: c.Config.Labels }),
      isVisibleImage: (image, signal) => this.imageVisible(image, signal),
      visibleContainers: (signal) => this.visibleContainers(signal),
      visibleImages: (signal) => this.visibleImages(signal),
    };
  }

  async ping(signal?: AbortSignal): Promise<boolean> {
    try {
      (await this.engine.stream('GET', '/_ping', { signal })).resume();
      return true;
    } catch (error) {
      this.log.debug('docker ping failed', { error });
      return false;
    }
  }

  /** The visible containers, running or not (at most 500). */
  async listContainers(signal?: AbortSignal): Promise<ContainerSummary[]> {
    return (await this.call(() => this.visibleContainers(signal))).slice(0, MAX_LIST);
  }

  /** The visible images (at most 500). */
  async listImages(signal?: AbortSignal): Promise<ImageSummary[]> {
    return (await this.call(() => this.visibleImages(signal))).slice(0, MAX_LIST);
  }

  /** A container by name, id or id prefix, if visible; otherwise a "not found" UserError. */
  async container(input: string, signal?: AbortSignal): Promise<ContainerInspect> {
    return this.call(() => findContainer(input, this.lookups, signal));
  }

  /** An image by reference, id or id prefix, if visible. */
  async image(input: string, signal?: AbortSignal): Promise<ImageInspect> {
    return this.call(() => findImage(input, this.lookups, signal));
  }

  /** The image a visible container runs (visible through it), or undefined when it was removed. */
  async imageOf(container: ContainerInspect, signal?: AbortSignal): Promise<ImageInspect | undefined> {
    return this.call(() =>
      this.engine
        .json('GET', `/images/${encodeURIComponent(container.Image)}/json`, ImageInspect, { signal })
        .catch(unless([404], undefined)),
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
      this.engine
        .json('GET', `/containers/${container.Id}/top`, TopResult, { signal })
        .catch(unless([409, 500], undefined)),
    );
  }

  /**
   * The end of a container's log, demultiplexed, redacted and bounded, read newest first:
   * when the byte budget or the per-call cap stops the reading, the oldest lines are the ones missed.
   */
  async logs(container: ContainerInspect, request: LogRequest, signal?: AbortSignal): Promise<LogTail> {
    const timeoutMs = this.config.timeoutMs * LOG_READ_TIMEOUTS;
    const started = Date.now();
    return this.call(() =>
      readNewestFirst(
        async (tail, until) =>
          this.engine.stream('GET', `/containers/${container.Id}/logs`, {
            query: {
              stdout: true,
              stderr: true,
              follow: false,
              timestamps: true,
              tail: Number.isFinite(tail) ? String(tail) : 'all',
              since: request.since ? engineTimestamp(request.since) : undefined,
              until,
            },
            signal,
            // One deadline for the whole read, however many passes it takes.
            timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)),
          }),
        {
          tty: container.Config.Tty,
          grep: request.grep,
          timestamps: request.timestamps,
          maxLines: request.maxLines,
          maxChars: request.maxChars,
          lineLimit: request.tail === 'all' ? Infinity : request.tail,
          byteBudget: request.maxScanBytes ?? this.config.maxResponseBytes,
          passBytes: this.config.maxResponseBytes,
        },
      ),
    );
  }

  /** `oom` events of this container between `since` and `until` (see oom-events.ts). */
  async oomEvents(container: ContainerInspect, since: Date, until: Date, signal?: AbortSignal): Promise<Date[]> {
    return this.call(() => readOomEvents(this.engine, container, { since, until }, signal));
  }

  /**
   * One `GET /containers/{id}/archive?path=…` of a visible container: the tar is read up to
   * `limits.maxBytes` (the connection is dropped there), then untarred in memory. Undefined when
   * the path does not exist in the container. The guard refuses the request unless the path was
   * granted for this container (`archive.grantConfig`, `archive.grantIndexFiles`).
   */
  async readArchive(
    container: ContainerInspect,
    path: string,
    limits: ArchiveLimits,
    signal?: AbortSignal,
  ): Promise<ArchiveRead | undefined> {
    const read = await this.call(async () => {
      const stream = await this.engine
        .stream('GET', `/containers/${encodeURIComponent(container.Id)}/archive`, {
          query: { path },
          signal,
          ...(limits.timeoutMs ? { timeoutMs: limits.timeoutMs } : {}),
        })
        .catch(unless([404], undefined));
      return stream ? readCapped(stream, limits.maxBytes) : undefined;
    });
    if (!read) return undefined;
    const { entries, complete } = await untar(read.body, posix.dirname(path), limits);
    return { path, entries, truncated: read.cut || !complete };
  }

  /**
   * Runs one allowlisted command (DOCKHAND_ALLOW_EXEC=1) and returns its stdout, or
   * undefined when exec is off, the container is not running, or the command failed.
   */
  async execAllowed(container: ContainerInspect, argv: string[], signal?: AbortSignal): Promise<string | undefined> {
    if (!this.config.allowExec || !isAllowedExec(argv) || !container.State.Running) return undefined;
    try {
      return await this.call(async () => {
        const created = await this.engine.json('POST', `/containers/${container.Id}/exec`, ExecCreated, {
          body: { Cmd: argv, AttachStdout: true, AttachStderr: true },
          signal,
        });
        const stream = await this.engine.stream('POST', `/exec/${created.Id}/start`, {
          body: { Detach: false, Tty: false },
          signal,
        });
        const output = await readLogTail(stream, {
          tty: false,
          timestamps: false,
          maxLines: 2000,
          maxChars: 512 * 1024,
          maxScanBytes: this.config.maxResponseBytes,
        });
        return output.lines
          .filter((l) => l.stream === 'stdout')
          .map((l) => l.text)
          .join('\n');
      });
    } catch (error) {
      this.log.debug('exec failed', { container: container.Name, argv, error });
      return undefined;
    }
  }

  /** Every visible container (the engine's whole list, filtered). */
  private async visibleContainers(signal?: AbortSignal): Promise<ContainerSummary[]> {
    const all = await this.engine.json('GET', '/containers/json', z.array(ContainerSummary), {
      query: { all: true },
      signal,
    });
    return all.filter((c) => this.visibility.container({ name: c.Name, labels: c.Labels }));
  }

  /** Every visible image: labelled, matching a name pattern, or run by a visible container. */
  private async visibleImages(signal?: AbortSignal): Promise<ImageSummary[]> {
    const [images, containers] = await Promise.all([
      this.engine.json('GET', '/images/json', z.array(ImageSummary), { signal }),
      this.visibility.restricted ? this.visibleContainers(signal) : Promise.resolve([]),
    ]);
    const used = new Set(containers.map((c) => c.ImageID));
    return images.filter((i) =>
      this.visibility.image({ repositories: repositoriesOf(i.RepoTags), labels: i.Labels }, used.has(i.Id)),
    );
  }

  private async imageVisible(image: ImageInspect, signal?: AbortSignal): Promise<boolean> {
    if (!this.visibility.restricted) return true;
    if (this.visibility.image({ repositories: repositoriesOf(image.RepoTags), labels: image.Config.Labels }, false)) {
      return true;
    }
    return (await this.visibleContainers(signal)).some((c) => c.ImageID === image.Id);
  }

  /** Runs Engine API calls, turning an unreachable or confused engine into a message the user can act on. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw explainEngineFailure(error, describeHost(this.config), this.log);
    }
  }
}

function repositoriesOf(tags: string[]): string[] {
  return tags.map((t) => t.replace(/:[^:/]+$/, ''));
}

/** Error statuses that are an answer here (404: removed, 409: not running) become `value`. */
function unless<T>(statuses: number[], value: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof EngineError && statuses.includes(error.statusCode)) return value;
    throw error;
  };
}
