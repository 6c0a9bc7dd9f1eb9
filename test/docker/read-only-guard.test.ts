import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { isUserError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import type DockerModem from 'docker-modem';
import Dockerode from 'dockerode';
import { guardModem, pathUnder, read, READS, ReadOnlyViolation } from '../../src/docker/read-only-guard.ts';
import { guardedDockerode } from '../../src/docker/guarded-docker.ts';
import { DockerService } from '../../src/docker/service.ts';
import { FakeEngine, json } from '../support/fake-engine.ts';
import { defined } from '../support/defined.ts';

const log = createLogger('silent');
let engine: FakeEngine | undefined;

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

const configOn = (fake: FakeEngine, env: Record<string, string> = {}) =>
  loadConfig({ DOCKER_HOST: fake.host, DOCKHAND_DOCKER_TIMEOUT_MS: '2000', ...env }).docker;

function serviceOn(fake: FakeEngine, env: Record<string, string> = {}): DockerService {
  return new DockerService(configOn(fake, env), log);
}

/** Dockerode on the same guarded modem the service uses. */
function clientOn(fake: FakeEngine, env: Record<string, string> = {}) {
  return guardedDockerode(configOn(fake, env));
}

describe('read-only guard', () => {
  it('refuses writes through any dockerode method before a request is sent', async () => {
    engine = await FakeEngine.start();
    const client = clientOn(engine);
    const container = client.getContainer('web');
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['stop', () => container.stop()],
      ['remove', () => container.remove({ force: true })],
      ['kill', () => container.kill()],
      ['create', () => client.createContainer({ Image: 'busybox' })],
      ['pull', () => client.pull('busybox')],
      ['prune', () => client.pruneContainers()],
      ['exec (disabled)', () => container.exec({ Cmd: ['cat', '/proc/net/tcp'], AttachStdout: true })],
      // Reads that would hand out files or whole images are refused too.
      ['archive', () => container.getArchive({ path: '/etc/shadow' })],
      ['export', () => container.export()],
      ['image save', () => client.getImage('busybox').get()],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(
        () => new Error(`${name} was allowed`),
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(ReadOnlyViolation);
    }
    expect(engine.requests).toEqual([]);
  });

  it('lets reads of known endpoints through', async () => {
    engine = await FakeEngine.start();
    await serviceOn(engine).listContainers();
    await clientOn(engine).listImages();
    expect(engine.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /containers/json',
      'GET /images/json',
    ]);
  });

  it('with exec enabled, allows only allowlisted argv and starts only the exec it created', async () => {
    engine = await FakeEngine.start((req, _body, res) => {
      if (req.url?.endsWith('/exec')) {
        json(res, 201, { Id: 'exec-1' });
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/vnd.docker.raw-stream' });
      res.end();
    });
    const client = clientOn(engine, { DOCKHAND_ALLOW_EXEC: '1' });
    const container = client.getContainer('web');

    const refused = [
      () => container.exec({ Cmd: ['sh', '-c', 'cat /proc/net/tcp'], AttachStdout: true }),
      () => container.exec({ Cmd: ['cat', '/etc/shadow'], AttachStdout: true }),
      () => container.exec({ Cmd: ['cat', '/proc/net/tcp'], AttachStdout: true, Privileged: true }),
      () => container.exec({ Cmd: ['cat', '/proc/net/tcp'], AttachStdout: true, User: 'root' }),
      () => container.exec({ Cmd: ['cat', '/proc/net/tcp'], AttachStdin: true }),
      () => client.getExec('someone-elses-exec').start({}),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(engine.requests).toEqual([]);

    const exec = await container.exec({ Cmd: ['cat', '/proc/net/tcp'], AttachStdout: true, AttachStderr: true });
    expect(exec.id).toBe('exec-1');
    await expect(exec.start({ hijack: true })).rejects.toBeInstanceOf(ReadOnlyViolation);
    await exec.start({ Detach: false, Tty: false });
    // The same exec cannot be started twice.
    await expect(exec.start({ Detach: false, Tty: false })).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(engine.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'POST /containers/web/exec',
      'POST /exec/exec-1/start',
    ]);
    expect(JSON.parse(defined(engine.requests[0], 'the exec request').body)).toEqual({
      Cmd: ['cat', '/proc/net/tcp'],
      AttachStdout: true,
      AttachStderr: true,
    });
  });
});

/** One request straight through a guarded modem, as any dockerode method would make it. */
function dial(modem: DockerModem, options: { method: string; path: string; options?: object }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    modem.dial({ statusCodes: { 200: true, 404: true }, ...options }, (e, d) => {
      if (e) reject(e);
      else resolve(d);
    });
  });
}

describe('read-only guard: the path and query as they would be sent', () => {
  it('refuses dot segments (encoded or not), empty segments, backslashes and odd characters before anything is sent', async () => {
    engine = await FakeEngine.start();
    const { modem } = clientOn(engine);
    const paths = [
      '/images/x/../../containers/web/export/json',
      '/images/%2e%2e/%2E%2E/containers/web/archive/json',
      '/images/.%2e/containers/web/json',
      '/images/./web/json',
      '/images/x%2f..%2f..%2fcontainers%2fweb%2fexport/json',
      '/images/x%252e%252e/json',
      '/containers//json',
      '//127.0.0.1:1/containers/json',
      '/containers/json/',
      '/images\\..\\containers\\web/json',
      '/images/web/export#/json',
      '/images/web%00/json',
      '/images/web;rm/json',
      '/images/%zz/json',
      'containers/json',
    ];
    for (const path of paths) {
      await expect(dial(modem, { method: 'GET', path }), path).rejects.toBeInstanceOf(ReadOnlyViolation);
    }
    expect(engine.requests).toEqual([]);
  });

  it('checks the query the modem would build: only known parameters, each once, with sane values; none written into the path', async () => {
    engine = await FakeEngine.start();
    const { modem } = clientOn(engine);
    const refused: Array<{ path: string; options?: object }> = [
      { path: '/containers/web/json?size=1&', options: {} },
      { path: '/containers/json?all=1' },
      { path: '/containers/web/top?', options: { ps_args: 'aux' } },
      { path: '/containers/web/logs?', options: { tail: '10; rm -rf /' } },
      { path: '/containers/json?', options: { all: [true, false] } },
      { path: '/containers/json?', options: { filters: 'not json' } },
      { path: '/images/json?', options: { _query: { all: true, something: 1 } } },
    ];
    for (const request of refused) {
      await expect(dial(modem, { method: 'GET', ...request }), request.path).rejects.toBeInstanceOf(ReadOnlyViolation);
    }
    expect(engine.requests).toEqual([]);

    await dial(modem, {
      method: 'GET',
      path: '/containers/json?',
      options: { all: true, filters: { label: ['a=b'] } },
    });
    await dial(modem, {
      method: 'GET',
      path: '/containers/web/logs?',
      options: { stdout: true, tail: 'all', since: '1.5' },
    });
    await dial(modem, { method: 'HEAD', path: '/images/ghcr.io/org/app%3A1.0/json' });
    expect(engine.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /containers/json?all=true&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D',
      'GET /containers/web/logs?stdout=true&tail=all&since=1.5',
      'HEAD /images/ghcr.io/org/app%3A1.0/json',
    ]);
  });

  it('a read rule with a checked path parameter can be added (a narrow archive read, for example)', async () => {
    engine = await FakeEngine.start();
    const client = new Dockerode({ socketPath: engine.socketPath });
    const reads = [...READS, read('/containers/:id/archive', { path: pathUnder('/etc/nginx') }, ['path'])];
    guardModem(client.modem, { allowExec: false, reads });
    const archive = (options?: object) =>
      dial(client.modem, { method: 'GET', path: '/containers/web/archive?', ...(options ? { options } : {}) });
    for (const path of [
      '/etc/nginx/../shadow',
      '/etc/nginx/./../../etc/shadow',
      '/etc/nginxx/nginx.conf',
      '/etc/shadow',
      '/etc/nginx//nginx.conf',
      '/etc/nginx/a\\..',
      'etc/nginx/nginx.conf',
    ]) {
      await expect(archive({ path }), path).rejects.toBeInstanceOf(ReadOnlyViolation);
    }
    await expect(archive()).rejects.toThrow(/query parameter required: path/);
    await expect(archive({ path: ['/etc/nginx/a', '/etc/shadow'] })).rejects.toThrow(/given twice/);
    await expect(archive({ path: '/etc/nginx/nginx.conf', follow: true })).rejects.toThrow(/not allowed: follow/);
    // Refused as before: the same endpoint without the rule, and any other folder.
    await expect(
      dial(clientOn(engine).modem, {
        method: 'GET',
        path: '/containers/web/archive?',
        options: { path: '/etc/nginx/nginx.conf' },
      }),
    ).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(engine.requests).toEqual([]);

    await archive({ path: '/etc/nginx/conf.d/default.conf' });
    await archive({ path: '/etc/nginx' });
    expect(engine.requests.map((r) => r.path)).toEqual([
      '/containers/web/archive?path=%2Fetc%2Fnginx%2Fconf.d%2Fdefault.conf',
      '/containers/web/archive?path=%2Fetc%2Fnginx',
    ]);
  });
});

describe('engine deadlines and answers', () => {
  it('an engine that never answers gives a clear timeout error in time', async () => {
    engine = await FakeEngine.start(() => {
      // never answers
    });
    const docker = new DockerService(
      loadConfig({ DOCKER_HOST: engine.host, DOCKHAND_DOCKER_TIMEOUT_MS: '300' }).docker,
      log,
    );
    const started = Date.now();
    const error = await docker.listContainers().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(isUserError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('docker-timeout');
  });

  it('the caller aborting stops the call', async () => {
    engine = await FakeEngine.start(() => {
      // never answers
    });
    const docker = serviceOn(engine);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const error = await docker.listContainers(controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isUserError(error)).toBe(false);
  });

  it('an answer of the wrong shape is a clear error, not a crash later', async () => {
    engine = await FakeEngine.start((_req, _body, res) => {
      json(res, 200, [{ Id: 5 }]);
    });
    const error = await serviceOn(engine)
      .listContainers()
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('docker-bad-response');
  });

  it('an error answer the lookups do not expect is a clear error naming the status, never an incident', async () => {
    // What a DOCKER_HOST pointing at some other web server answers.
    engine = await FakeEngine.start((_req, _body, res) => res.writeHead(404).end());
    const stranger = await serviceOn(engine)
      .listContainers()
      .catch((e: unknown) => e);
    expect(isUserError(stranger)).toBe(true);
    expect((stranger as { code: string }).code).toBe('docker-error');
    expect((stranger as Error).message).toMatch(/HTTP 404/);
    await engine.stop();

    // A socket proxy refusing an endpoint; the engine's words are redacted.
    engine = await FakeEngine.start((_req, _body, res) => {
      json(res, 403, { message: 'forbidden for TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789' });
    });
    const refused = await serviceOn(engine)
      .listContainers()
      .catch((e: unknown) => e);
    expect((refused as { code: string }).code).toBe('docker-forbidden');
    expect((refused as Error).message).toMatch(/HTTP 403/);
    expect((refused as Error).message).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('a hidden container is "not found", also by id prefix', async () => {
    const inspect = (name: string, labels: Record<string, string>) => ({
      Id: 'abc123def456',
      Name: `/${name}`,
      State: { Status: 'running', Running: true },
      Config: { Labels: labels },
    });
    engine = await FakeEngine.start((req, _body, res) => {
      if (req.url?.startsWith('/containers/abc/json') || req.url?.startsWith('/containers/secret-db/json')) {
        json(res, 200, inspect('secret-db', {}));
        return;
      }
      if (req.url?.startsWith('/containers/web/json')) {
        json(res, 200, inspect('web', { 'dockhand.visible': 'true' }));
        return;
      }
      if (req.url?.startsWith('/containers/json')) {
        const item = (name: string, labels: Record<string, string>) => ({
          Id: name,
          Names: [`/${name}`],
          Image: 'x',
          ImageID: 'sha256:x',
          State: 'running',
          Status: 'Up',
          Created: 0,
          Labels: labels,
          Ports: [],
        });
        json(res, 200, [item('web', { 'dockhand.visible': 'true' }), item('secret-db', {}), item('secret-db2', {})]);
        return;
      }
      json(res, 404, { message: 'No such container' });
    });
    const docker = serviceOn(engine, { DOCKHAND_VISIBLE_LABEL: 'dockhand.visible=true' });
    expect((await docker.container('web')).Name).toBe('web');
    for (const ref of ['secret-db', 'abc', 'missing', 'secret-dbx']) {
      const error = await docker.container(ref).catch((e: unknown) => e);
      expect((error as { code?: string }).code, ref).toBe('container-not-found');
      // "Did you mean" offers only what the caller may see.
      expect((error as Error).message, ref).not.toMatch(/Did you mean.*secret/);
    }
    const typo = await docker.container('wbe').catch((e: unknown) => e);
    expect((typo as Error).message).toContain('Did you mean `web`?');
  });
});
