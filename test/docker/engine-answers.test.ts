import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { isUserError, type UserError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { DockerService } from '../../src/docker/service.ts';
import { FakeEngine, json, RawServer, streamJsonArray } from '../support/fake-engine.ts';
import { run } from '../support/spawn.ts';

const log = createLogger('silent');
const MB = 1024 * 1024;
let engine: FakeEngine | undefined;
let raw: RawServer | undefined;

afterEach(async () => {
  await engine?.stop();
  await raw?.stop();
  engine = undefined;
  raw = undefined;
});

function serviceOn(host: string, env: Record<string, string> = {}): DockerService {
  return new DockerService(loadConfig({ DOCKER_HOST: host, DOCKHAND_DOCKER_TIMEOUT_MS: '5000', ...env }).docker, log);
}

/** The UserError a call failed with (a call that succeeds fails the test). */
async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => new Error('it succeeded'),
    (e: unknown) => e,
  );
  expect(isUserError(error), String(error)).toBe(true);
  return error as UserError;
}

/** A container as `GET /containers/json` lists it (about 1 kB, like a real one with labels). */
function listed(i: number) {
  const id = i.toString(16).padStart(64, '0');
  return {
    Id: id,
    Names: [`/study-${String(i)}`],
    Image: 'nginx:1.25',
    ImageID: `sha256:${'a'.repeat(64)}`,
    Command: 'nginx -g daemon off;',
    Created: 1_700_000_000,
    State: 'running',
    Status: 'Up 2 hours',
    Ports: [{ PrivatePort: 80, PublicPort: 8000 + (i % 1000), IP: '0.0.0.0', Type: 'tcp' }],
    Labels: {
      'com.docker.compose.project': 'study',
      'com.docker.compose.service': `web-${String(i)}`,
      note: 'x'.repeat(600),
    },
  };
}

describe('engine answers are read up to a cap', () => {
  it('stops reading an answer at DOCKHAND_DOCKER_MAX_MB and says so; the engine is not drained', async () => {
    let sent: Promise<number> | undefined;
    engine = await FakeEngine.start((_req, _body, res) => {
      sent = streamJsonArray(res, 300_000, listed); // ≈ 310 MB
    });
    const error = await failure(serviceOn(engine.host, { DOCKHAND_DOCKER_MAX_MB: '1' }).listContainers());
    expect(error.code).toBe('docker-answer-too-large');
    expect(error.localized.en).toMatch(/reading stopped at 1 MB \(GET \/containers\/json\).*DOCKHAND_DOCKER_MAX_MB/);
    expect(error.localized.ko).toMatch(/1 MB에서 읽기를 멈췄어요/);
    // What the engine got to write before the connection closed: the cap and what sockets buffer.
    expect(await sent).toBeLessThan(1 * MB + 2 * MB);
  });

  it('an answer under the cap is read whole', async () => {
    engine = await FakeEngine.start((_req, _body, res) => void streamJsonArray(res, 700, listed));
    const containers = await serviceOn(engine.host, { DOCKHAND_DOCKER_MAX_MB: '1' }).listContainers();
    expect(containers).toHaveLength(500); // lists show at most 500
    expect(containers[0]).toMatchObject({ Name: 'study-0', State: 'running' });
  });

  it('the CLI against a host with 300,000 containers answers with the cap, not with gigabytes', async () => {
    let sent: Promise<number> | undefined;
    engine = await FakeEngine.start((req, _body, res) => {
      if (req.url?.startsWith('/containers/json')) sent = streamJsonArray(res, 300_000, listed);
      else json(res, 404, { message: 'page not found' });
    });
    const result = await run('npm', ['run', '-s', 'cli', '--', 'docker', 'containers', '--json'], {
      env: { DOCKER_HOST: engine.host, DISCORD_TOKEN: '', LOG_LEVEL: 'silent', DOCKHAND_DB: ':memory:' },
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'docker-answer-too-large' } });
    expect(await sent).toBeLessThan(16 * MB + 2 * MB);
  });
});

describe('something other than a Docker engine at DOCKER_HOST', () => {
  it.each([
    ['an SSH daemon', 'SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'],
    ['Redis', '-ERR unknown command\r\n'],
    ['garbage', '\u0000\u0001\u0002\u0003 not http\r\n\r\n'],
  ])('%s is docker-bad-response, naming DOCKER_HOST', async (_name, greeting) => {
    raw = await RawServer.start(greeting);
    const error = await failure(serviceOn(raw.host).listContainers());
    expect(error.code).toBe('docker-bad-response');
    expect(error.localized.en).toMatch(/does not answer as the Docker Engine API \(HPE_\w+\)/);
    expect(error.localized.en).toContain(raw.host);
  });

  it('TLS to a plain HTTP engine is docker-bad-response too', async () => {
    engine = await FakeEngine.start(undefined, { tcp: true });
    const error = await failure(serviceOn(engine.host.replace('tcp://', 'https://')).listContainers());
    expect(error.code).toBe('docker-bad-response');
    expect(error.localized.en).toMatch(/TLS/);
  });

  it('a parameter the engine refuses (400) does not blame DOCKER_HOST', async () => {
    engine = await FakeEngine.start((_req, _body, res) => {
      json(res, 400, { message: 'invalid value for since' });
    });
    const error = await failure(serviceOn(engine.host).listContainers());
    expect(error.code).toBe('docker-error');
    expect(error.localized.en).toMatch(/would not take a value of this request \(HTTP 400: invalid value for since\)/);
    expect(error.localized.en).not.toMatch(/DOCKER_HOST/);
  });
});

describe('image lookups among visible images only', () => {
  const visibleId = `sha256:6b${'1'.repeat(62)}`;
  const hiddenId = `sha256:6a${'2'.repeat(62)}`;
  const inspect = (id: string, tag: string) => ({ Id: id, RepoTags: [tag], Created: '', Size: 1, Config: {} });

  /** The engine resolves names and id prefixes over every image, hidden or not. */
  async function hostWith(images: Array<{ id: string; tag: string }>): Promise<FakeEngine> {
    return FakeEngine.start((req, _body, res) => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      if (path === '/images/json') {
        json(
          res,
          200,
          images.map((i) => ({ Id: i.id, RepoTags: [i.tag], Created: 0, Size: 1, Labels: {} })),
        );
        return;
      }
      if (path === '/containers/json') {
        json(res, 200, []);
        return;
      }
      const ref = /^\/images\/(.+)\/json$/.exec(path)?.[1] ?? '';
      const bare = ref.replace(/^sha256:/, '');
      const found = images.filter((i) => i.tag === ref || i.tag === `${ref}:latest` || i.id.slice(7).startsWith(bare));
      const [only] = found;
      if (only && found.length === 1) {
        json(res, 200, inspect(only.id, only.tag));
        return;
      }
      json(res, 404, { message: `no such image: ${ref}` });
    });
  }

  it('a prefix a hidden image shares resolves to the visible one, as it does once the hidden one is gone', async () => {
    const env = { DOCKHAND_VISIBLE_NAMES: 'study-*' };
    const visible = { id: visibleId, tag: 'study-web:1' };
    engine = await hostWith([visible, { id: hiddenId, tag: 'secret/db:1' }]);
    const shared = await serviceOn(engine.host, env).image('6');
    await engine.stop();
    engine = await hostWith([visible]);
    const alone = await serviceOn(engine.host, env).image('6');
    expect(shared.Id).toBe(visibleId);
    expect(alone.Id).toBe(visibleId);
    await engine.stop();

    engine = await hostWith([visible, { id: hiddenId, tag: 'secret/db:1' }]);
    const docker = serviceOn(engine.host, env);
    for (const ref of ['6a', 'secret/db:1', hiddenId]) {
      expect((await failure(docker.image(ref))).code, ref).toBe('image-not-found');
    }
    expect((await docker.image('study-web:1')).Id).toBe(visibleId);
  });

  it('a prefix two visible images share is ambiguous, naming only visible ones', async () => {
    engine = await hostWith([
      { id: visibleId, tag: 'study-web:1' },
      { id: `sha256:6c${'3'.repeat(62)}`, tag: 'study-api:1' },
      { id: hiddenId, tag: 'secret/db:1' },
    ]);
    const error = await failure(serviceOn(engine.host, { DOCKHAND_VISIBLE_NAMES: 'study-*' }).image('6'));
    expect(error.code).toBe('image-ambiguous');
    expect(error.localized.en).toMatch(/Several images match `6`: `study-web:1`, `study-api:1`/);
    expect(error.localized.en).not.toContain('secret');
  });
});
