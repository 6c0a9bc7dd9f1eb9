import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

export type FakeHandler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/**
 * A stand-in Docker engine on a unix socket that records every request it receives,
 * so tests can prove a refused call never reached it.
 */
export class FakeEngine {
  readonly requests: RecordedRequest[] = [];
  readonly socketPath: string;
  private readonly dir: string;
  private readonly server: Server;

  private constructor(handler: FakeHandler) {
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

  static async start(handler: FakeHandler = defaultHandler): Promise<FakeEngine> {
    const engine = new FakeEngine(handler);
    await new Promise<void>((resolve) => engine.server.listen(engine.socketPath, resolve));
    return engine;
  }

  get host(): string {
    return `unix://${this.socketPath}`;
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
