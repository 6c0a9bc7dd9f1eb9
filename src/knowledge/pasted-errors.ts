/**
 * Error lines in what members paste: `docker run` and `docker build` output, compose and nginx
 * logs, `docker ps` tables, ECS stopped reasons. A paste is mostly progress lines, ids and
 * timestamps; the error line (and the member's own words) is what the question is about.
 */
export interface ErrorLine {
  /** Index of the line in the question. */
  index: number;
  /** The line without ids, timestamps and log prefixes: what search reads. */
  text: string;
  /** How telling the line is: a known Docker error outweighs a bare "error". */
  weight: number;
}

/** Phrases of errors Docker, BuildKit, compose, nginx, ECS and common runtimes print. */
const KNOWN_ERRORS = [
  'port is already allocated',
  'address already in use',
  'ports are not available',
  'copy failed',
  'failed to compute cache key',
  'failed to solve',
  'failed to calculate checksum',
  'exec format error',
  'executable file not found',
  'no such file or directory',
  'permission denied',
  'cannot connect to the docker daemon',
  'host not found in upstream',
  'is already in use',
  'conflict',
  'oomkilled',
  'outofmemoryerror',
  'out of memory',
  'stopped reason',
  'stoppedreason',
  'essential container in task exited',
  'cannotpullcontainererror',
  'resourceinitializationerror',
  'task failed elb health checks',
  'pull access denied',
  'manifest unknown',
  'repository does not exist',
  'no basic auth credentials',
  'unable to remove',
  'must force',
  'server gave http response to https client',
  'econnrefused',
  'enotfound',
  'eaddrinuse',
  'connection refused',
  'connection reset',
  'empty reply from server',
  'name or service not known',
  'could not translate host name',
  'temporary failure in name resolution',
  'found character that cannot start any token',
  'additional property',
  'unknown flag',
  'invalid reference format',
  'bad gateway',
  'segmentation fault',
  'traceback',
  'modulenotfounderror',
  'cannot find module',
  'keyerror',
  'welcome to nginx',
  'is not a file or does not exist',
  'platform',
  'no space left on device',
  'toomanyrequests',
  'did not complete successfully',
  'bad address',
  'operation not permitted',
  'read-only file system',
  'i/o timeout',
  'no route to host',
  'no such host',
  'context deadline exceeded',
  'x509',
  'requested access to the resource is denied',
  'not authorized to perform',
  'unauthorized',
  'no such container',
  'no such image',
  'unable to find image',
  'exec user process caused',
  'oci runtime',
  "can't connect to",
  'access denied for user',
  'did not find expected key',
  'mapping values are not allowed',
  'unknown instruction',
  'dockerfile parse error',
  'is obsolete',
  'refers to undefined',
  'mount denied',
];

/** A word any error line may carry. */
const ERROR_WORD =
  /\b(?:error|errors|err|failed|failure|denied|refused|fatal|panic|cannot|can't|unable|invalid|unknown|not found|no such|killed|exited|exit code|timed out|timeout|unhealthy)\b|\[(?:emerg|crit|alert|error)\]/i;
/** `Exited (137)`, `exit code: 137`, `exited with code 1`, `ExitCode": 137`: the exit code is the clue. */
const EXIT_CODE = /\bexit(?:ed)?(?: with)?(?: code)?[ :=("]*\(?(\d{1,3})\)?|exitcode"?[ :=]+(\d{1,3})/i;

/**
 * Python's `Traceback (most recent call last):` only says a stack follows; the exception line at
 * its end (`ModuleNotFoundError: …`, `redis.exceptions.ConnectionError: … Name or service not
 * known`) is the error. Read as an error, the header pulled every traceback to exit code 1.
 */
const TRACEBACK_HEADER = /^(?:[\w.-]{1,64}(?:-\d{1,4})? +\| ?)?\s*traceback \(most recent call last\):?\s*$/i;

/** Most characters of one line that are read. */
const LINE_CHARS = 300;

export function errorLinesOf(lines: readonly string[]): ErrorLine[] {
  const seen = new Set<string>();
  const found: ErrorLine[] = [];
  lines.forEach((line, index) => {
    if (isCommandLine(line) || TRACEBACK_HEADER.test(line)) return;
    // The member's own words, longer than a line is read: kept whole as theirs, not cut as an error.
    if (line.length > LINE_CHARS && !isOutputLine(line)) return;
    const lower = line.slice(0, LINE_CHARS).toLowerCase();
    const known = KNOWN_ERRORS.filter((phrase) => lower.includes(phrase)).length;
    const exit = EXIT_CODE.test(lower);
    if (!known && !exit && !ERROR_WORD.test(lower)) return;
    const text = cleanErrorLine(line.slice(0, LINE_CHARS));
    if (!text || seen.has(text)) return;
    seen.add(text);
    found.push({ index, text, weight: 1 + 2 * Math.min(known, 2) + (exit ? 1 : 0) });
  });
  return found;
}

/** A command the member ran (`$ docker compose up`, `PS C:\app> docker build .`): context, not the error. */
export function isCommandLine(line: string): boolean {
  return /^(?:\$|#|PS [^>]{0,200}>|[\w.-]{1,64}@[\w.-]{1,64}:[^$]{0,200}\$) /.test(line);
}

/**
 * Program output rather than the member's own words: a command, a compose log line, or a line
 * with no Hangul that is not an English question (progress lines, table rows, stack frames).
 */
export function isOutputLine(line: string): boolean {
  if (isCommandLine(line)) return true;
  if (/[가-힣]/.test(line)) return COMPOSE_LOG_PREFIX.test(line);
  return !isEnglishQuestion(line.trim());
}

const COMPOSE_LOG_PREFIX = /^[\w.-]{1,64}-\d{1,4} +\|/;

function isEnglishQuestion(line: string): boolean {
  if (/[:|{}[\]<>=/\\]/.test(line)) return false;
  return /\?$/.test(line) || /^(?:how|why|what|can|could|is|does|do|any idea|help|please|pls)\b/i.test(line);
}

/**
 * One error line as search should read it: no compose or nginx log prefixes, timestamps,
 * container and image ids, digests or durations; a `docker ps` row reduced to its status.
 */
export function cleanErrorLine(line: string): string {
  const dockerPsRow = /^[0-9a-f]{12}\s/.test(line) ? /\b(Exited \(\d{1,3}\)|Restarting \(\d{1,3}\)|Created|Dead)/.exec(line) : null;
  const text = dockerPsRow?.[1] ?? line;
  return text
    .replace(/^[\w.-]{1,64}(?:-\d{1,4})? +\| ?/, '')
    .replace(/^(?:WARN|ERRO|INFO|FATA|DEBU)\[\d{1,6}\] ?/, '')
    .replace(/\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?/g, ' ')
    .replace(/\b\d\d:\d\d:\d\d(?:[.,]\d{1,9})?\b/g, ' ')
    .replace(/\b\d{1,9}#\d{1,9}:/g, ' ')
    .replace(/sha256:[0-9a-f]{6,64}/g, ' ')
    .replace(/\b[0-9a-f]{12,64}\b/g, ' ')
    .replace(/^#\d{1,4} \d{1,6}\.\d{1,4} /, '')
    .replace(/\b(?:docker: )?error response from daemon: /i, '')
    .replace(/\s+/g, ' ')
    .trim();
}
