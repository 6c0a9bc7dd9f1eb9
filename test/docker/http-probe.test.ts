import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPageOf, probeHttp } from '../../src/docker/http-probe.ts';
import { defined } from '../support/defined.ts';

const servers: Server[] = [];
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const NGINX_PAGE =
  '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>';

describe('probeHttp', () => {
  it('reads status, server and the start of the body', async () => {
    const port = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(200, { Server: 'nginx/1.22.1', 'Content-Type': 'text/html' });
        res.end(NGINX_PAGE);
      }),
    );
    const result = await probeHttp('127.0.0.1', port);
    expect(result).toMatchObject({ outcome: 'http', status: 200, server: 'nginx/1.22.1' });
    expect(defaultPageOf(defined(result.body, 'a body'))).toBe('nginx');
  });

  it('tells a reset (connected, closed without a byte) from a refusal', async () => {
    const resetting = await listen(createServer((socket) => socket.resetAndDestroy()));
    const closing = await listen(createServer((socket) => socket.end()));
    const free = await listen(createServer());
    servers.pop()?.close();
    await new Promise((r) => setTimeout(r, 20));
    expect((await probeHttp('127.0.0.1', resetting)).outcome).toBe('reset');
    expect((await probeHttp('127.0.0.1', closing)).outcome).toBe('reset');
    expect((await probeHttp('127.0.0.1', free)).outcome).toBe('refused');
  });

  it('gives up after the timeout, and reads at most maxBytes', async () => {
    const silent = await listen(createServer(() => {}));
    const started = Date.now();
    expect((await probeHttp('127.0.0.1', silent, { timeoutMs: 200 })).outcome).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);

    const flood = await listen(
      createServer((socket) => {
        socket.write('HTTP/1.1 200 OK\r\n\r\n');
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!socket.destroyed && socket.write(chunk));
        };
        socket.on('drain', pump);
        socket.on('error', () => {});
        pump();
      }),
    );
    const result = await probeHttp('127.0.0.1', flood, { maxBytes: 10_000, timeoutMs: 2000 });
    expect(result.outcome).toBe('http');
    expect(defined(result.body, 'a body').length).toBeLessThanOrEqual(10_000);
  });

  it('calls a non-HTTP answer "other"', async () => {
    const redisLike = await listen(createServer((socket) => socket.end('-ERR unknown command\r\n')));
    expect((await probeHttp('127.0.0.1', redisLike)).outcome).toBe('other');
  });
});

describe('defaultPageOf', () => {
  it.each([
    [NGINX_PAGE, 'nginx'],
    ['<html><body><h1>It works!</h1></body></html>', 'apache'],
    ['<title>Apache2 Debian Default Page: It works</title>', 'apache'],
    ['<h1>My shop</h1><p>It works! says the tester</p>', undefined],
    ['<title>Django</title>', undefined],
  ])('%s', (body, expected) => {
    expect(defaultPageOf(body)).toBe(expected);
  });
});
