import { pack } from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { ArchiveGrants, CONF_LIMITS, isCleanAbsolutePath, untar } from '../../src/docker/archive.ts';
import { EngineClient } from '../../src/docker/engine-client.ts';
import { guardedDockerode } from '../../src/docker/guarded-docker.ts';
import { ReadOnlyViolation } from '../../src/docker/read-only-guard.ts';
import type { ContainerInspect } from '../../src/docker/service.ts';
import { DockerService } from '../../src/docker/service.ts';
import { FakeEngine } from '../support/fake-engine.ts';

const log = createLogger('silent');
const ID = 'c0ffee';
let engine: FakeEngine | undefined;

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

async function tarOf(
  entries: Array<{ name: string; content?: string; type?: 'symlink' | 'directory'; linkname?: string }>,
) {
  const tar = pack();
  for (const e of entries) {
    if (e.type === 'directory') tar.entry({ name: e.name, type: 'directory' });
    else if (e.type === 'symlink') tar.entry({ name: e.name, type: 'symlink', linkname: e.linkname ?? '' });
    else tar.entry({ name: e.name }, e.content ?? '');
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const NGINX_TAR = await tarOf([
  { name: 'nginx', type: 'directory' },
  { name: 'nginx/nginx.conf', content: 'http { include /etc/nginx/conf.d/*.conf; }\n' },
  { name: 'nginx/conf.d', type: 'directory' },
  { name: 'nginx/conf.d/default.conf', content: 'server { listen 80; }\n' },
  { name: 'nginx/sites-enabled/default', type: 'symlink', linkname: '/etc/nginx/sites-available/default' },
]);

function configOn(fake: FakeEngine) {
  return loadConfig({ DOCKER_HOST: fake.host, DOCKHAND_DOCKER_TIMEOUT_MS: '2000' }).docker;
}

function serviceOn(fake: FakeEngine): DockerService {
  return new DockerService(configOn(fake), log);
}

/** A guarded client and a raw engine client on the same guarded modem, with their own grants. */
function guardedOn(fake: FakeEngine) {
  const grants = new ArchiveGrants();
  const client = guardedDockerode(configOn(fake), grants);
  const engineClient = new EngineClient(client.modem, { timeoutMs: 2000, maxBytes: 1024 * 1024 });
  return { grants, client, engineClient };
}

const container = { Id: ID, Name: 'web' } as ContainerInspect;

describe('archive paths', () => {
  it('accepts only absolute, normalised paths', () => {
    for (const ok of ['/etc/nginx', '/usr/share/nginx/html/index.html', '/'])
      expect(isCleanAbsolutePath(ok), ok).toBe(true);
    for (const bad of [
      'etc/nginx',
      '/etc/nginx/',
      '/etc//nginx',
      '/etc/nginx/../shadow',
      '/etc/./nginx',
      '/etc/nginx\0',
      'C:\\x',
      '',
    ])
      expect(isCleanAbsolutePath(bad), bad).toBe(false);
  });

  it('grants the config folder and index files of servable roots, per container, until revoked', () => {
    const grants = new ArchiveGrants();
    expect(grants.allows(ID, '/etc/nginx')).toBe(false);
    const revokeConf = grants.grantConfig(ID);
    const index = grants.grantIndexFiles(
      ID,
      ['/usr/share/nginx/html', '/', '/etc', '/proc/self', '/root/site', '/var/www/../../etc'],
      ['index.html', '../shadow', '$uri', '/abs.html'],
    );
    expect(index.paths).toEqual(['/usr/share/nginx/html/index.html']);
    expect(grants.allows(ID, '/etc/nginx')).toBe(true);
    expect(grants.allows(ID, '/usr/share/nginx/html/index.html')).toBe(true);
    expect(grants.allows('other', '/etc/nginx')).toBe(false);
    expect(grants.allows(ID, '/etc/nginx/nginx.conf')).toBe(false);
    expect(grants.allows(ID, '/usr/share/nginx/html')).toBe(false);
    // Two diagnoses of one container: the first to finish does not revoke the other's grant.
    const second = grants.grantConfig(ID);
    revokeConf();
    revokeConf();
    expect(grants.allows(ID, '/etc/nginx')).toBe(true);
    second();
    index.revoke();
    expect(grants.allows(ID, '/etc/nginx')).toBe(false);
    expect(grants.allows(ID, '/usr/share/nginx/html/index.html')).toBe(false);
  });
});

describe('untar', () => {
  it('lists entries with absolute paths, texts of small files and symlink targets', async () => {
    const { entries, complete } = await untar(NGINX_TAR, '/etc', CONF_LIMITS);
    expect(complete).toBe(true);
    expect(entries.map((e) => `${e.type} ${e.path}`)).toEqual([
      'directory /etc/nginx',
      'file /etc/nginx/nginx.conf',
      'directory /etc/nginx/conf.d',
      'file /etc/nginx/conf.d/default.conf',
      'symlink /etc/nginx/sites-enabled/default',
    ]);
    expect(entries[3]?.text).toBe('server { listen 80; }\n');
    expect(entries[4]?.linkname).toBe('/etc/nginx/sites-available/default');
  });

  it('keeps the entries before a cut, and files over the per-file cap without their text', async () => {
    const big = 'x'.repeat(5000);
    const tar = await tarOf([
      { name: 'html/a.html', content: 'a' },
      { name: 'html/big.bin', content: big },
      { name: 'html/c.html', content: 'c' },
    ]);
    const cut = await untar(tar.subarray(0, 1536), '/srv', { maxFileBytes: 1000, maxEntries: 10 });
    expect(cut.complete).toBe(false);
    expect(cut.entries.map((e) => e.path)).toEqual(['/srv/html/a.html']);
    const capped = await untar(tar, '/srv', { maxFileBytes: 1000, maxEntries: 2 });
    expect(capped.complete).toBe(false);
    expect(capped.entries.map((e) => [e.path, e.text])).toEqual([
      ['/srv/html/a.html', 'a'],
      ['/srv/html/big.bin', undefined],
    ]);
  });
});

describe('the read-only guard and the archive endpoint', () => {
  it('refuses every archive read that was not granted, before a byte is sent', async () => {
    engine = await FakeEngine.start((_req, _body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-tar' });
      res.end(NGINX_TAR);
    });
    const { grants, client, engineClient } = guardedOn(engine);
    const handle = client.getContainer(ID);
    grants.grantConfig(ID);
    const refused: Array<[string, () => Promise<unknown>]> = [
      ['a path a member could type', () => handle.getArchive({ path: '/etc/shadow' })],
      [
        'a file under the granted folder, not granted itself',
        () => handle.getArchive({ path: '/etc/nginx/nginx.conf' }),
      ],
      ['.. out of the granted folder', () => handle.getArchive({ path: '/etc/nginx/../shadow' })],
      ['a trailing slash', () => handle.getArchive({ path: '/etc/nginx/' })],
      ['another container', () => client.getContainer('other').getArchive({ path: '/etc/nginx' })],
      ['HEAD (stat)', () => handle.infoArchive({ path: '/etc/nginx' })],
      ['PUT (upload)', () => handle.putArchive(Buffer.alloc(0), { path: '/etc/nginx' })],
      [
        'a query smuggled into the path',
        () =>
          engineClient.stream('GET', `/containers/${ID}/archive?path=/etc/shadow&x=`, {
            query: { path: '/etc/nginx' },
          }),
      ],
      [
        'two paths',
        () => engineClient.stream('GET', `/containers/${ID}/archive`, { query: { path: '/etc/nginx', x: '1' } }),
      ],
    ];
    for (const [name, attempt] of refused) {
      const error = await attempt().then(
        () => new Error(`${name} was allowed`),
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(ReadOnlyViolation);
    }
    expect(engine.requests).toEqual([]);
  });

  it('reads a granted path, capped, and answers undefined for a missing one', async () => {
    engine = await FakeEngine.start((req, _body, res) => {
      if (req.url?.includes('missing')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'Could not find the file' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/x-tar' });
      res.end(NGINX_TAR);
    });
    const docker = serviceOn(engine);
    const revoke = docker.archive.grantConfig(ID);
    const read = await docker.readArchive(container, '/etc/nginx', CONF_LIMITS);
    expect(read?.truncated).toBe(false);
    expect(read?.entries.find((e: { path: string }) => e.path === '/etc/nginx/conf.d/default.conf')?.text).toContain(
      'listen 80',
    );
    const cut = await docker.readArchive(container, '/etc/nginx', { ...CONF_LIMITS, maxBytes: 700 });
    expect(cut?.truncated).toBe(true);
    expect(cut?.entries.map((e) => e.path)).toEqual(['/etc/nginx']);
    revoke();
    const index = docker.archive.grantIndexFiles(ID, ['/srv/missing'], ['index.html']);
    expect(await docker.readArchive(container, '/srv/missing/index.html', CONF_LIMITS)).toBeUndefined();
    index.revoke();
    expect(engine.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`)).toEqual([
      `GET /containers/${ID}/archive?path=/etc/nginx`,
      `GET /containers/${ID}/archive?path=/etc/nginx`,
      `GET /containers/${ID}/archive?path=/srv/missing/index.html`,
    ]);
  });
});
