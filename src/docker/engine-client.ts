import type { IncomingMessage } from 'node:http';
import type DockerModem from 'docker-modem';
import type { z } from 'zod';

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

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** POST body (exec only: the guard refuses every other POST). */
  body?: Record<string, unknown>;
  /** The caller gave up (Discord window closed, shutdown). */
  signal?: AbortSignal | undefined;
  /** Overrides the client's deadline for this call. */
  timeoutMs?: number;
  /** Status codes that are answers, not errors (besides 200). */
  accept?: number[];
}

/**
 * Engine API calls through the (guarded) docker-modem, each with a deadline and the
 * caller's abort signal. JSON answers are validated with a zod schema; streams are
 * returned as the raw HTTP response, so logs are read and demultiplexed by dockhand,
 * not buffered (and JSON-parsed) by dockerode.
 */
export class EngineClient {
  constructor(
    private readonly modem: DockerModem,
    readonly timeoutMs: number,
  ) {}

  async json<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    const raw = await this.dial(method, path, false, options);
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
   * The response body as a stream. The deadline covers the whole read: the stream is
   * destroyed when it passes, or when the caller aborts.
   */
  async stream(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<IncomingMessage> {
    return (await this.dial(method, path, true, options)) as IncomingMessage;
  }

  private dial(method: string, path: string, isStream: boolean, options: RequestOptions): Promise<unknown> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const statusCodes: Record<number, boolean | string> = { 200: true, 201: true, 204: true, 304: true };
    for (const code of options.accept ?? []) statusCodes[code] = true;
    Object.assign(statusCodes, {
      400: 'bad parameter',
      404: 'no such object',
      409: 'conflict',
      500: 'server error',
      503: 'unavailable',
    });

    const query = Object.fromEntries(Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined));
    const hasQuery = Object.keys(query).length > 0;
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) =>
        reject(deadline.aborted && !options.signal?.aborted ? new EngineTimeout(timeoutMs) : toEngineError(error));
      if (signal.aborted) return fail(signal.reason);
      this.modem.dial(
        {
          path: hasQuery || options.body ? `${path}?` : path,
          method,
          options: options.body ? { _query: query, _body: options.body } : query,
          isStream,
          statusCodes,
          abortSignal: signal,
        } as Parameters<DockerModem['dial']>[0],
        (error, data) => {
          if (error) return fail(error);
          if (isStream) {
            const response = data as IncomingMessage;
            const stop = () => response.destroy(deadline.aborted ? new EngineTimeout(timeoutMs) : new Error('aborted'));
            if (signal.aborted) stop();
            else {
              signal.addEventListener('abort', stop, { once: true });
              response.once('close', () => signal.removeEventListener('abort', stop));
            }
          }
          resolve(data);
        },
      );
    });
  }
}

function toEngineError(error: unknown): unknown {
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode !== 'number') return error;
  const json = (error as { json?: unknown }).json;
  const message =
    json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string'
      ? (json as { message: string }).message
      : typeof json === 'string' || Buffer.isBuffer(json)
        ? String(json).trim()
        : (error as Error).message;
  return new EngineError(statusCode, message);
}
