import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, environmentWithDotEnv, loadConfig } from '../src/config.ts';
import { run } from './support/spawn.ts';
import { tempDir } from './support/temp.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

describe('configuration', () => {
  it('has working defaults: console mode, data/dockhand.db, Korean, local socket', () => {
    const config = loadConfig({}, '/srv/dockhand');
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.apiBase).toBe('https://discord.com/api');
    expect(config.dbPath).toBe('/srv/dockhand/data/dockhand.db');
    expect(config.defaultLocale).toBe('ko');
    expect(config.docker).toMatchObject({ host: undefined, allowExec: false, timeoutMs: 5000, visibleNames: [] });
    expect(config.timezone).toBe('Asia/Seoul');
  });

  it('reads values and normalises them', () => {
    const config = loadConfig({
      DISCORD_API_BASE: 'http://127.0.0.1:9999/api/',
      DISCORD_GUILD_ID: '123456789012345678',
      DOCKHAND_DB: '/tmp/x.db',
      DOCKHAND_ALLOW_EXEC: '1',
      DOCKHAND_VISIBLE_NAMES: 'study-*, lab-web ',
      DOCKHAND_DOCKER_TIMEOUT_MS: '2500',
    });
    expect(config.discord.apiBase).toBe('http://127.0.0.1:9999/api');
    expect(config.discord.guildId).toBe('123456789012345678');
    expect(config.dbPath).toBe('/tmp/x.db');
    expect(config.docker.allowExec).toBe(true);
    expect(config.docker.visibleNames).toEqual(['study-*', 'lab-web']);
    expect(config.docker.timeoutMs).toBe(2500);
  });

  it.each([
    ['DISCORD_API_BASE', 'not a url'],
    ['DISCORD_GUILD_ID', 'general'],
    ['DOCKHAND_LOCALE', 'jp'],
    ['LOG_LEVEL', 'loud'],
    ['DOCKER_HOST', 'docker.example:2375'],
    ['DOCKER_HOST', 'tcp://127.0.0.1:99999'],
    ['DOCKER_HOST', 'tcp://[::1'],
    ['DOCKER_HOST', 'tcp://'],
    ['DOCKER_HOST', 'tcp://127.0.0.1:0'],
    ['DOCKHAND_DOCKER_MAX_MB', 'lots'],
    ['DOCKHAND_DOCKER_MAX_MB', '0'],
    ['DOCKHAND_DOCKER_MAX_MB', '1.5'],
    ['DOCKHAND_DOCKER_TIMEOUT_MS', 'soon'],
    ['DOCKHAND_ALLOW_EXEC', 'maybe'],
    ['DOCKHAND_TIMEZONE', 'Mars/Olympus'],
  ])('a bad %s stops start-up with a message naming it', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    expect((error as Error).message).toContain(`${variable}:`);
    expect((error as Error).message).toContain(JSON.stringify(value));
  });

  it("accepts the docker CLI's DOCKER_HOST forms and caps engine answers at 16 MB unless told", () => {
    for (const host of ['unix:///var/run/docker.sock', 'tcp://127.0.0.1:2375', 'tcp://[::1]:2376', 'ssh://me@host']) {
      expect(loadConfig({ DOCKER_HOST: host }).docker.host).toBe(host);
    }
    expect(loadConfig({}).docker.maxResponseBytes).toBe(16 * 1024 * 1024);
    expect(loadConfig({ DOCKHAND_DOCKER_MAX_MB: '64' }).docker.maxResponseBytes).toBe(64 * 1024 * 1024);
    // As the docker CLI: TLS certificates default to ~/.docker.
    expect(loadConfig({ DOCKER_TLS_VERIFY: '1' }).docker.certPath).toBe(join(homedir(), '.docker'));
    expect(loadConfig({}).docker.certPath).toBeUndefined();
  });

  it('fills in from .env without overriding the real environment', () => {
    const file = join(tempDir(), '.env');
    writeFileSync(file, 'LOG_LEVEL=debug\nDOCKHAND_LOCALE=en\n# comment\n');
    const env = environmentWithDotEnv({ DOCKHAND_LOCALE: 'ko' }, file);
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.DOCKHAND_LOCALE).toBe('ko');
    expect(environmentWithDotEnv({ A: '1' }, join(tempDir(), 'missing.env'))).toEqual({ A: '1' });
  });

  it('.env.example copied as .env is a valid configuration (empty means default)', () => {
    const env = environmentWithDotEnv({}, join(PROJECT_ROOT, '.env.example'));
    const config = loadConfig(env, '/srv/dockhand');
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.apiBase).toBe('https://discord.com/api');
    expect(config.dbPath).toBe('/srv/dockhand/data/dockhand.db');
  });

  it('npm start with a bad value exits with the message and no stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('npx', ['tsx', 'src/main.ts'], {
      env: { ...process.env, DOCKHAND_LOCALE: 'fr', DISCORD_TOKEN: '' },
      encoding: 'utf8',
      input: '',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/DOCKHAND_LOCALE: ko or en \(got "fr"\)/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('start-up with a bad set-up', () => {
  const missing = join(tempDir(), 'missing');
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a port out of range', { DOCKER_HOST: 'tcp://127.0.0.1:99999' }, /DOCKER_HOST: not a valid tcp:\/\/ address/],
    ['an unclosed IPv6 bracket', { DOCKER_HOST: 'tcp://[::1' }, /DOCKER_HOST: not a valid tcp:\/\/ address/],
    [
      'TLS without its certificate folder',
      { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: missing },
      /DOCKER_CERT_PATH: cannot read .*missing\/ca\.pem \(ENOENT\)/,
    ],
    [
      'a knowledge folder that is not there',
      { DOCKHAND_KNOWLEDGE_DIR: missing },
      /DOCKHAND_KNOWLEDGE_DIR: .*missing does not exist/,
    ],
    [
      'a knowledge folder without notes',
      { DOCKHAND_KNOWLEDGE_DIR: tempDir() },
      /DOCKHAND_KNOWLEDGE_DIR: .* holds no notes/,
    ],
  ];

  it.each(cases)(
    '%s: the CLI and npm start stop at once, naming the variable, without a stack',
    async (_name, bad, expected) => {
      const env = { DISCORD_TOKEN: '', LOG_LEVEL: 'info', DOCKHAND_DB: join(tempDir(), 'x.db'), ...bad };
      for (const [command, args] of [
        ['npm', ['run', '-s', 'cli', '--', 'search', '--json', '볼륨']],
        ['npm', ['start', '-s']],
      ] as const) {
        const result = await run(command, [...args], { env, timeoutMs: 30_000 });
        expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(2);
        expect(result.stderr).toMatch(expected);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.stdout).not.toMatch(/dockhand>/);
      }
    },
  );
});
