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

/**
 * The Engine API endpoints dockhand reads (GET/HEAD only). Anything else, even a GET,
 * is refused: `/export` would hand out files, `/images/{name}/get` whole images, `/attach/ws`
 * a terminal. `/containers/{id}/archive` has its own narrow rule (archiveRefusal).
 */
const READABLE: RegExp[] = [
  /^\/_ping$/,
  /^\/version$/,
  /^\/info$/,
  /^\/events$/,
  /^\/containers\/json$/,
  /^\/containers\/[^/]+\/(json|logs|top)$/,
  /^\/images\/json$/,
  /^\/images\/.+\/(json|history)$/,
  /^\/exec\/[^/]+\/json$/,
];

const EXEC_CREATE = /^\/containers\/[^/]+\/exec$/;
const ARCHIVE = /^\/containers\/([^/]+)\/archive$/;
const EXEC_START = /^\/exec\/([^/]+)\/start$/;
const EXEC_CREATE_KEYS = new Set(['Cmd', 'AttachStdout', 'AttachStderr']);

/** Which container files `GET /containers/{id}/archive` may read (src/docker/archive.ts grants them). */
export interface ArchiveAllowlist {
  allows(container: string, path: string): boolean;
}

export interface GuardPolicy {
  /** DOCKHAND_ALLOW_EXEC: allow the fixed commands of ALLOWED_EXEC. */
  allowExec: boolean;
  /** Without one, every archive read is refused. */
  archive?: ArchiveAllowlist;
}

type Dial = DockerModem['dial'];
type DialOptions = Parameters<Dial>[0];
type DialCallback = NonNullable<Parameters<Dial>[1]>;

/**
 * Makes a docker-modem read-only by construction: every request, from dockhand's own code
 * or from any dockerode method, passes through `dial`, and the guard refuses everything
 * but reads of known endpoints before a byte is sent. With exec allowed, it also lets
 * through creating an exec of an allowlisted argv and starting exactly the exec it created.
 */
export function guardModem(modem: DockerModem, policy: GuardPolicy): DockerModem {
  const dial: Dial = modem.dial.bind(modem);
  const startable = new Set<string>();

  const guarded = (options: DialOptions, callback?: DialCallback): void => {
    const method = (options.method ?? '').toUpperCase();
    const path = (options.path ?? '').split('?')[0]!;
    const refuse = (reason: string) => {
      const error = new ReadOnlyViolation(method || '(none)', path, reason);
      if (callback) queueMicrotask(() => callback(error, null));
      else throw error;
    };
    if (options.file || options.hijack || options.openStdin)
      return refuse('uploads and attached streams are not allowed');

    const archived = ARCHIVE.exec(path)?.[1];
    if (archived !== undefined && method === 'GET') {
      const refusal = archiveRefusal(options, archived, policy.archive);
      if (refusal) refuse(refusal);
      else dial(options, callback);
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      if (!READABLE.some((pattern) => pattern.test(path))) return refuse('not an endpoint dockhand reads');
      return dial(options, callback);
    }
    if (method === 'POST' && policy.allowExec && EXEC_CREATE.test(path)) {
      const body = (options.options?._body ?? options.options ?? {}) as Record<string, unknown>;
      const extra = Object.keys(body).filter((key) => !EXEC_CREATE_KEYS.has(key));
      if (extra.length > 0) return refuse(`exec options not allowed: ${extra.join(', ')}`);
      if (!isAllowedExec(body.Cmd)) return refuse('command not in the exec allowlist');
      return dial(options, (error, data) => {
        const id = (data as { Id?: unknown } | undefined)?.Id;
        if (!error && typeof id === 'string') startable.add(id);
        callback?.(error, data);
      });
    }
    const start = EXEC_START.exec(path);
    if (method === 'POST' && policy.allowExec && start) {
      const body = (options.options?._body ?? options.options ?? {}) as Record<string, unknown>;
      if (!startable.delete(start[1]!)) return refuse('only an exec dockhand created itself may start');
      if (body.Detach || body.Tty) return refuse('exec must run attached, without a TTY');
      return dial(options, callback);
    }
    return refuse(
      method === 'POST' && (EXEC_CREATE.test(path) || start)
        ? 'exec is disabled (DOCKHAND_ALLOW_EXEC)'
        : 'only GET and HEAD are allowed',
    );
  };

  modem.dial = guarded as Dial;
  return modem;
}

/**
 * An archive read passes only as `GET /containers/{id}/archive?` with a query of exactly one
 * `path`: absolute, normalised (no `.`, `..` or empty segments), and granted for that container.
 * Returns why it is refused, or undefined.
 */
function archiveRefusal(
  options: DialOptions,
  container: string,
  allowlist: ArchiveAllowlist | undefined,
): string | undefined {
  const raw: string = options.path;
  if (raw.indexOf('?') !== raw.length - 1) return 'archive query must be given as options';
  const given: unknown = options.options?._query ?? options.options;
  const query = given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
  const keys = Object.keys(query);
  const wanted = query.path;
  if (keys.length !== 1 || typeof wanted !== 'string') return 'archive takes exactly one path';
  const segments = wanted.slice(1).split('/');
  const clean =
    wanted.startsWith('/') &&
    wanted.length <= 1024 &&
    !wanted.includes('\0') &&
    !wanted.includes('\\') &&
    segments.every((s) => s !== '' && s !== '.' && s !== '..');
  if (!clean) return 'archive path must be absolute and normalised';
  let id: string;
  try {
    id = decodeURIComponent(container);
  } catch {
    return 'malformed container id';
  }
  if (!allowlist?.allows(id, wanted)) return 'archive path not granted (only nginx configuration and its html roots)';
  return undefined;
}
