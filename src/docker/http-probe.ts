import { connect } from 'node:net';

export type ProbeOutcome =
  /** An HTTP response (any status). */
  | 'http'
  /** Bytes came back, but not HTTP (a database, a TLS server…): something listens. */
  | 'other'
  /** Connected, then the connection was reset or closed without a byte (docker-proxy with nobody listening inside). */
  | 'reset'
  | 'refused'
  /** No answer within the timeout (connecting, or waiting for the first byte). */
  | 'timeout'
  | 'error';

export interface ProbeResult {
  host: string;
  port: number;
  outcome: ProbeOutcome;
  status?: number;
  /** The start of the body, at most maxBytes in all (headers included). */
  body?: string;
  server?: string;
  /** Error code for refused/error outcomes (ECONNREFUSED, EHOSTUNREACH, …). */
  code?: string;
  ms: number;
}

export interface ProbeOptions {
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal | undefined;
  /** The Host header to send instead of `host:port` (which server block answers may depend on it). */
  hostHeader?: string;
}

/**
 * One bounded HTTP GET of `/` over a plain TCP socket, so the way it fails tells what is
 * wrong: refused (nothing published), reset (published, nobody listening inside, or
 * listening on 127.0.0.1 inside), timeout (firewall), or an answer to read.
 */
export function probeHttp(host: string, port: number, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const socket = connect({ host, port });
    const finish = (outcome: ProbeOutcome, code?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({
        host,
        port,
        ms: Math.round(performance.now() - started),
        ...describe(outcome, Buffer.concat(chunks)),
        ...(code ? { code } : {}),
      });
    };
    const onAbort = () => {
      finish('error', 'ABORTED');
    };
    const timer = setTimeout(() => {
      finish(received > 0 ? 'other' : 'timeout');
    }, timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    socket.once('connect', () => {
      const hostHeader = options.hostHeader ?? `${host.includes(':') ? `[${host}]` : host}:${port}`;
      socket.write(
        `GET / HTTP/1.0\r\nHost: ${hostHeader.replace(/[\r\n]/g, '')}\r\nUser-Agent: dockhand-probe\r\nAccept: text/html,*/*\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      const room = maxBytes - received;
      chunks.push(chunk.subarray(0, room));
      received += Math.min(room, chunk.length);
      if (received >= maxBytes) finish('other');
    });
    socket.once('end', () => {
      finish(received > 0 ? 'other' : 'reset');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (received > 0) finish('other');
      else if (error.code === 'ECONNREFUSED') finish('refused', error.code);
      else if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish('reset', error.code);
      else finish('error', error.code ?? error.message);
    });
  });
}

function describe(outcome: ProbeOutcome, bytes: Buffer): Pick<ProbeResult, 'outcome' | 'status' | 'body' | 'server'> {
  if (outcome !== 'other') return { outcome };
  const text = bytes.toString('latin1');
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(text);
  if (!status) return { outcome: 'other' };
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const server = /^server:\s*(.+)$/im.exec(head)?.[1]?.trim();
  const body = split < 0 ? '' : bytes.subarray(Buffer.byteLength(text.slice(0, split + 4), 'latin1')).toString('utf8');
  return { outcome: 'http', status: Number(status[1]), body, ...(server ? { server } : {}) };
}

export type DefaultPage = 'nginx' | 'apache' | 'httpd-test' | 'iis';

/** A web server's stock page: the server works, but serves its default site instead of the app. */
export function defaultPageOf(body: string): DefaultPage | undefined {
  if (/<title>\s*Welcome to nginx!?\s*<\/title>|<h1>\s*Welcome to nginx!?\s*<\/h1>/i.test(body)) return 'nginx';
  if (/<h1>\s*It works!\s*<\/h1>|Apache2 (?:Debian|Ubuntu) Default Page/i.test(body)) return 'apache';
  if (/Test Page for the (?:Apache )?HTTP Server/i.test(body)) return 'httpd-test';
  if (/<title>\s*IIS Windows Server\s*<\/title>/i.test(body)) return 'iis';
  return undefined;
}
