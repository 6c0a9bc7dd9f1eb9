import type { IncomingMessage } from 'node:http';
import type DockerModem from 'docker-modem';
import type { z } from 'zod';
import { readCapped } from './capped-read.ts';

/** An Engine API error response (404 no such container, 409 not running, …). */
export class EngineError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The engine did not answer in time (or could not be reached). */
export class EngineTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Docker engine did not answer within ${timeoutMs} ms`);
    this.name = 'EngineTimeout';
  }
}

/** The engine answered something dockhand does not understand (an API version it does not know?). */
export class EngineResponseError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string,
  ) {
    super(`unexpected Engine API response for ${path}: ${issues}`);
    this.name = 'EngineResponseError';
  }
}

/** An answer longer than the per-call cap (DOCKHAND_DOCKER_MAX_MB): reading stopped at the cap. */
export class EngineAnswerTooLarge extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(`the Engine API answer to ${method} ${path} is larger than ${maxBytes} bytes`);
    this.name = 'EngineAnswerTooLarge';
  }
}

export interface EngineLimits {
  /** The deadline of one call, reading included. */
  timeoutMs: number;
  /** The most bytes of one JSON answer dockhand reads. */
  maxBytes: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** POST body (exec only: the guard refuses every other POST). */
  body?: Record<string, unknown>;
  /** The caller gave up (Discord window closed, shutdown). */
  signal?: AbortSignal | undefined;
  /** Overrides the client's deadline for this call. */
  timeoutMs?: number;
}

/** Error answers are short JSON (`{"message": …}`); more than this is not read. */
const ERROR_BODY_BYTES = 64 * 1024;
/** docker-modem hands over the response whatever its status; the client reads the status itself. */
const EVERY_STATUS: Record<number, boolean> = Object.fromEntries(
  Array.from({ length: 500 }, (_, i) => [i + 100, true] as const),
);

/**
 * Engine API calls through the (guarded) docker-modem, each with a deadline and the
 * caller's abort signal. Every answer is read as a stream by dockhand, never buffered by
 * docker-modem: JSON answers at most `maxBytes` (then EngineAnswerTooLarge), validated with a
 * zod schema; streams (logs, events) are handed over for their readers to bound.
 */
export class EngineClient {
  private modem: DockerModem | Promise<DockerModem> | (() => Promise<DockerModem>);

  /**
   * `modem` may be given as a loader: it runs on the first call (loading dockerode costs
   * ~90 ms and ~18 MB, which a start that never reaches Docker should not pay).
   */
  constructor(
    modem: DockerModem | (() => Promise<DockerModem>),
    readonly limits: EngineLimits,
  ) {
    this.modem = modem;
  }

  async json<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    const response = await this.stream(method, path, options);
    const { body, cut } = await readCapped(response, this.limits.maxBytes);
    if (cut) throw new EngineAnswerTooLarge(method, path, this.limits.maxBytes);
    let raw: unknown;
    try {
      raw = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      throw new EngineResponseError(path, 'the answer is not JSON');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new EngineResponseError(
        path,
        parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; '),
      );
    }
    return parsed.data;
  }

  /**
   * A successful answer's body as a stream; an error status is thrown as EngineError. The
   * deadline covers the whole read: the stream is destroyed when it passes, or when the caller aborts.
   */
  async stream(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<IncomingMessage> {
    const timeoutMs = options.timeoutMs ?? this.limits.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const timedOut = () => deadline.aborted && !options.signal?.aborted;
    const response = await this.dial(method, path, options, signal).catch((error: unknown) => {
      throw timedOut() ? new EngineTimeout(timeoutMs) : error;
    });
    const stop = () => {
      response.destroy(timedOut() ? new EngineTimeout(timeoutMs) : new Error('aborted'));
    };
    if (signal.aborted) stop();
    else {
      signal.addEventListener('abort', stop, { once: true });
      response.once('close', () => {
        signal.removeEventListener('abort', stop);
      });
    }
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) return response;
    const { body } = await readCapped(response, ERROR_BODY_BYTES).catch(() => ({ body: Buffer.alloc(0) }));
    throw new EngineError(status, errorMessage(body));
  }

  private async loadedModem(): Promise<DockerModem> {
    if (typeof this.modem === 'function') this.modem = this.modem();
    const modem = await this.modem;
    this.modem = modem;
    return modem;
  }

  private async dial(
    method: string,
    path: string,
    options: RequestOptions,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const query = Object.fromEntries(Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined));
    const hasQuery = Object.keys(query).length > 0;
    const modem = await this.loadedModem();
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      modem.dial(
        {
          path: hasQuery || options.body ? `${path}?` : path,
          method,
          options: options.body ? { _query: query, _body: options.body } : query,
          isStream: true,
          statusCodes: EVERY_STATUS,
          abortSignal: signal,
        },
        (error, data) => {
          if (error) reject(error);
          else resolve(data as IncomingMessage);
        },
      );
    });
  }
}

/** The engine's `{"message": …}`, or the text some other server answered, on one line. */
function errorMessage(body: Buffer): string {
  const text = body.toString('utf8').trim();
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
      return (json as { message: string }).message;
    }
  } catch {
    // not JSON: some other server
  }
  return text.replace(/\s+/g, ' ');
}
