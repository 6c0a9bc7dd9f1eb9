import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

export type FakeHandler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/**
 * A stand-in Docker engine speaking HTTP on a unix socket (or on 127.0.0.1 with `tcp`) that
 * records every request it receives, so tests can prove a refused call never reached it.
 */
export class FakeEngine {
  readonly requests: RecordedRequest[] = [];
  readonly socketPath: string;
  private readonly dir: string;
  private readonly server: Server;
  private port = 0;

  private constructor(
    handler: FakeHandler,
    private readonly tcp: boolean,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'dockhand-fake-engine-'));
    this.socketPath = join(this.dir, 'docker.sock');
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
        handler(req, body, res);
      });
    });
  }

  static async start(handler: FakeHandler = defaultHandler, options: { tcp?: boolean } = {}): Promise<FakeEngine> {
    const engine = new FakeEngine(handler, options.tcp === true);
    await new Promise<void>((resolve) => {
      if (engine.tcp) engine.server.listen(0, '127.0.0.1', resolve);
      else engine.server.listen(engine.socketPath, resolve);
    });
    if (engine.tcp) engine.port = (engine.server.address() as AddressInfo).port;
    return engine;
  }

  /** DOCKER_HOST for it: `unix://…`, or `tcp://127.0.0.1:<port>`. */
  get host(): string {
    return this.tcp ? `tcp://127.0.0.1:${String(this.port)}` : `unix://${this.socketPath}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function defaultHandler(_req: IncomingMessage, _body: string, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('[]');
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

/**
 * Streams a JSON array of `count` items made by `item(i)`, respecting backpressure, and
 * resolves with the bytes it managed to write before the body ended or the client went away.
 */
export function streamJsonArray(res: ServerResponse, count: number, item: (i: number) => unknown): Promise<number> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  let written = 0;
  let i = 0;
  return new Promise((resolve) => {
    const finish = () => {
      resolve(written);
    };
    res.once('close', finish);
    const pump = () => {
      while (i < count && !res.destroyed) {
        const piece = Buffer.from((i === 0 ? '[' : ',') + JSON.stringify(item(i)));
        i++;
        written += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) {
        written += 1;
        res.end(count === 0 ? '[]' : ']');
      }
    };
    pump();
  });
}

/**
 * Something at DOCKER_HOST that is not an HTTP server (an SSH daemon, Redis, …): it answers
 * every connection with `greeting` and keeps it open.
 */
export class RawServer {
  private readonly dir: string;
  readonly socketPath: string;
  private readonly server: NetServer;
  private readonly sockets = new Set<Socket>();

  private constructor(greeting: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'dockhand-raw-server-'));
    this.socketPath = join(this.dir, 'docker.sock');
    this.server = createNetServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
      socket.write(greeting);
    });
  }

  static async start(greeting: string): Promise<RawServer> {
    const server = new RawServer(greeting);
    await new Promise<void>((resolve) => server.server.listen(server.socketPath, resolve));
    return server;
  }

  get host(): string {
    return `unix://${this.socketPath}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
