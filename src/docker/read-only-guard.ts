import { PassThrough, Readable } from 'node:stream';
import type DockerModem from 'docker-modem';
import { isAllowedExec } from './exec-allowlist.ts';

/** A request the read-only guard refused before it left the process. */
export class ReadOnlyViolation extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    reason: string,
  ) {
    super(`dockhand is read-only: ${method} ${path} refused (${reason})`);
    this.name = 'ReadOnlyViolation';
  }
}

/** Checks one query value as it will be sent (a string). */
export type QueryCheck = (value: string) => boolean;

/**
 * One kind of read dockhand may send. `path` is matched segment by segment on the decoded
 * path: `:name` is one segment, `:name+` one or more (image references keep their slashes).
 * Only the query parameters listed may be sent, each passing its check; `required` ones must be.
 */
export interface ReadRule {
  path: string;
  query: Readonly<Record<string, QueryCheck>>;
  required: readonly string[];
}

export function read(path: string, query: Record<string, QueryCheck> = {}, required: string[] = []): ReadRule {
  return { path, query, required };
}

const flag: QueryCheck = (v) => /^(true|false|1|0)$/.test(v);
const count: QueryCheck = (v) => /^\d{1,9}$/.test(v);
const unixTime: QueryCheck = (v) => /^\d{1,12}(\.\d{1,9})?$/.test(v);
const tail: QueryCheck = (v) => v === 'all' || count(v);
const jsonObject: QueryCheck = (v) => {
  try {
    const parsed = JSON.parse(v) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
};

/**
 * A path-like query value inside `folder` (for a rule such as a narrowly allowed
 * `GET /containers/{id}/archive?path=/etc/nginx/…`): absolute, no `.`/`..` or empty segments,
 * no backslashes or control characters.
 */
export function pathUnder(folder: string): QueryCheck {
  const base = folder.replace(/\/+$/, '');
  return (value) => {
    if (value !== base && !value.startsWith(`${base}/`)) return false;
    if (/[\\\p{Cc}]/u.test(value)) return false;
    return value
      .slice(1)
      .split('/')
      .every((segment, i, all) => (segment !== '' || i === all.length - 1) && segment !== '.' && segment !== '..');
  };
}

/**
 * The Engine API endpoints dockhand reads (GET/HEAD only), with the query parameters each
 * may carry. Anything else, even a GET, is refused: `/containers/{id}/archive` and `/export`
 * would hand out files, `/images/{name}/get` whole images, `/attach/ws` a terminal,
 * `top?ps_args=` arguments for a program on the host.
 */
export const READS: readonly ReadRule[] = [
  read('/_ping'),
  read('/version'),
  read('/info'),
  read('/events', { since: unixTime, until: unixTime, filters: jsonObject }),
  read('/containers/json', { all: flag, limit: count, size: flag, filters: jsonObject }),
  read('/containers/:id/json', { size: flag }),
  read('/containers/:id/logs', {
    stdout: flag,
    stderr: flag,
    follow: flag,
    timestamps: flag,
    tail,
    since: unixTime,
    until: unixTime,
  }),
  read('/containers/:id/top'),
  read('/images/json', { all: flag, filters: jsonObject, digests: flag }),
  read('/images/:ref+/json'),
  read('/images/:ref+/history'),
  read('/exec/:id/json'),
];

const EXEC_CREATE = '/containers/:id/exec';
/** Refused like any other read unless the one path asked for was granted for that container. */
const ARCHIVE = '/containers/:id/archive';
const EXEC_START = '/exec/:id/start';
const EXEC_CREATE_KEYS = new Set(['Cmd', 'AttachStdout', 'AttachStderr']);

/** Which container files `GET /containers/{id}/archive` may read (src/docker/archive.ts grants them). */
export interface ArchiveAllowlist {
  allows(container: string, path: string): boolean;
}

export interface GuardPolicy {
  /** DOCKHAND_ALLOW_EXEC: allow the fixed commands of ALLOWED_EXEC. */
  allowExec: boolean;
  /** The reads allowed (default READS). */
  reads?: readonly ReadRule[];
  /** Container files granted for the archive endpoint; without it every archive read is refused. */
  archive?: ArchiveAllowlist;
}

type Dial = DockerModem['dial'];
type DialOptions = Parameters<Dial>[0];
type DialCallback = NonNullable<Parameters<Dial>[1]>;

/** A request as it would go on the wire: the decoded path segments and the query. */
interface Target {
  segments: string[];
  query: Map<string, string>;
}

/**
 * Makes a docker-modem read-only by construction: every request, from dockhand's own code
 * or from any dockerode method, passes through `dial`, and the guard refuses everything
 * but reads of known endpoints before a byte is sent. It checks the request as docker-modem
 * would send it: the path is refused unless it is plain (no `.`/`..` segments, encoded or
 * not, no empty segments, backslashes or characters outside Docker's names), and the query
 * is the one the modem would build, each parameter allowed by the endpoint's rule. With exec
 * allowed, it also lets through creating an exec of an allowlisted argv and starting exactly
 * the exec it created.
 */
export function guardModem(modem: DockerModem, policy: GuardPolicy): DockerModem {
  const dial: Dial = modem.dial.bind(modem);
  const own = (modem as unknown as { buildQuerystring?: (options: object) => string }).buildQuerystring;
  const buildQuery = own ? own.bind(modem) : defaultQuerystring;
  const reads = policy.reads ?? READS;
  const startable = new Set<string>();

  const guarded = (options: DialOptions, callback?: DialCallback): void => {
    const method = (options.method ?? '').toUpperCase();
    const rawPath = typeof options.path === 'string' ? options.path : '';
    const refuse = (reason: string) => {
      const error = new ReadOnlyViolation(method || '(none)', rawPath, reason);
      if (!callback) throw error;
      queueMicrotask(() => {
        callback(error, null);
      });
    };
    if (options.file || options.hijack || options.openStdin) {
      refuse('uploads and attached streams are not allowed');
      return;
    }
    const target = requestTarget(options, buildQuery);
    if (typeof target === 'string') {
      refuse(target);
      return;
    }

    const archived = policy.archive ? matches(ARCHIVE, target.segments) : undefined;
    if (archived && method === 'GET') {
      const problem = checkArchive(archived.id ?? '', target.query, policy.archive);
      if (problem) refuse(problem);
      else dial(options, callback);
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      const problem = checkRead(target, reads);
      if (problem) refuse(problem);
      else dial(options, callback);
      return;
    }
    const isExecCreate = matches(EXEC_CREATE, target.segments) !== undefined;
    const execStart = matches(EXEC_START, target.segments);
    if (method !== 'POST' || (!isExecCreate && !execStart)) {
      refuse('only GET and HEAD are allowed');
      return;
    }
    if (!policy.allowExec) {
      refuse('exec is disabled (DOCKHAND_ALLOW_EXEC)');
      return;
    }
    if (target.query.size > 0) {
      refuse('exec takes no query');
      return;
    }
    const body = bodyOf(options);
    if (isExecCreate) {
      const extra = Object.keys(body).filter((key) => !EXEC_CREATE_KEYS.has(key));
      if (extra.length > 0) refuse(`exec options not allowed: ${extra.join(', ')}`);
      else if (!isAllowedExec(body.Cmd)) refuse('command not in the exec allowlist');
      else {
        dial(options, (error, data) => {
          const remember = (id: unknown) => {
            if (typeof id === 'string') startable.add(id);
          };
          if (error || !(data instanceof Readable)) {
            if (!error) remember((data as { Id?: unknown } | undefined)?.Id);
            callback?.(error, data);
          } else callback?.(null, withCreatedId(data, remember));
        });
      }
      return;
    }
    if (!startable.delete(execStart?.id ?? '')) refuse('only an exec dockhand created itself may start');
    else if (body.Detach || body.Tty) refuse('exec must run attached, without a TTY');
    else dial(options, callback);
  };

  modem.dial = guarded;
  return modem;
}

/**
 * Matches decoded segments against a rule's path: `:name` takes one segment, `:name+` one
 * or more. Returns the parameters, or undefined when the path does not match.
 */
function matches(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').slice(1);
  const restAt = parts.findIndex((part) => part.endsWith('+'));
  if (restAt < 0) return segments.length === parts.length ? matchEach(parts, segments, {}) : undefined;
  const after = parts.length - restAt - 1;
  const restLength = segments.length - restAt - after;
  if (restLength < 1) return undefined;
  const params = { [(parts[restAt] ?? '').slice(1, -1)]: segments.slice(restAt, restAt + restLength).join('/') };
  return matchEach(
    [...parts.slice(0, restAt), ...parts.slice(restAt + 1)],
    [...segments.slice(0, restAt), ...segments.slice(restAt + restLength)],
    params,
  );
}

function matchEach(
  parts: string[],
  segments: string[],
  params: Record<string, string>,
): Record<string, string> | undefined {
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

function checkRead(target: Target, reads: readonly ReadRule[]): string | undefined {
  const rule = reads.find((r) => matches(r.path, target.segments) !== undefined);
  if (!rule) return 'not an endpoint dockhand reads';
  for (const [key, value] of target.query) {
    const check = rule.query[key];
    if (!check) return `query parameter not allowed: ${key}`;
    if (!check(value)) return `query parameter ${key} has a value not allowed`;
  }
  const missing = rule.required.filter((key) => !target.query.has(key));
  return missing.length > 0 ? `query parameter required: ${missing.join(', ')}` : undefined;
}

/**
 * An archive read passes only with a query of exactly one `path`: absolute, normalised (no `.`,
 * `..` or empty segments, no backslashes or control characters), and granted for that container.
 */
function checkArchive(
  container: string,
  query: Map<string, string>,
  allowlist: ArchiveAllowlist | undefined,
): string | undefined {
  const wanted = query.get('path');
  if (query.size !== 1 || wanted === undefined) return 'archive takes exactly one path';
  if (wanted.length > 1024 || !pathUnder('/')(wanted) || wanted.endsWith('/'))
    return 'archive path must be absolute and normalised';
  if (!allowlist?.allows(container, wanted))
    return 'archive path not granted (only nginx configuration and its html roots)';
  return undefined;
}

/** One path segment after decoding: Docker's name, id and image reference characters only. */
const SEGMENT = /^[A-Za-z0-9_.:@-]+$/;

/**
 * The request docker-modem would send for these options, or why it is refused. The modem
 * appends the query it builds from the options after a path ending in `?`; a query written
 * into the path itself is refused, as is any path that is not plain.
 */
function requestTarget(options: DialOptions, buildQuery: (options: object) => string): Target | string {
  const raw = typeof options.path === 'string' ? options.path : '';
  const mark = raw.indexOf('?');
  if (mark >= 0 && mark !== raw.length - 1) return 'a query written into the path';
  const path = mark >= 0 ? raw.slice(0, mark) : raw;
  if (!path.startsWith('/')) return 'not an absolute path';
  if (path.includes('\\')) return 'a backslash in the path';
  const segments: string[] = [];
  for (const segment of path.slice(1).split('/')) {
    if (segment === '') return 'an empty path segment (//)';
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'a malformed escape in the path';
    }
    if (decoded === '.' || decoded === '..') return 'a dot segment in the path';
    if (!SEGMENT.test(decoded)) return 'a path segment with characters Docker names do not have';
    segments.push(decoded);
  }
  const query = new Map<string, string>();
  if (mark < 0) return { segments, query };
  const opts = (options.options ?? {}) as { _query?: object };
  for (const [key, value] of new URLSearchParams(buildQuery(opts._query ?? opts))) {
    if (query.has(key)) return `query parameter given twice: ${key}`;
    query.set(key, value);
  }
  return { segments, query };
}

/**
 * The exec-create answer as a stream for the caller (who reads it as it likes), while the
 * guard reads the created exec's id from the same bytes: only that exec may be started.
 */
function withCreatedId(
  response: Readable & { statusCode?: number | undefined },
  remember: (id: unknown) => void,
): Readable {
  const copy = Object.assign(new PassThrough(), { statusCode: response.statusCode });
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    if (size < CREATED_BODY_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  response.on('end', () => {
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300 || size > CREATED_BODY_BYTES) return;
    try {
      remember((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Id?: unknown } | null)?.Id);
    } catch {
      // not JSON: nothing may be started
    }
  });
  response.on('error', (error) => copy.destroy(error));
  copy.on('close', () => response.destroy());
  response.pipe(copy);
  return copy;
}

/** An exec-create answer is `{"Id": "…"}`. */
const CREATED_BODY_BYTES = 64 * 1024;

function bodyOf(options: DialOptions): Record<string, unknown> {
  const opts = (options.options ?? {}) as { _body?: unknown };
  const body = opts._body ?? opts;
  return typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** docker-modem's own querystring (objects as JSON), for a modem that does not expose it. */
function defaultQuerystring(options: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (value && typeof value === 'object') params.append(key, JSON.stringify(value));
    else params.append(key, String(value ?? ''));
  }
  return params.toString();
}
