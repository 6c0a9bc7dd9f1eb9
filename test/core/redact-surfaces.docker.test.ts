/**
 * Redaction holds on every surface a secret can reach, against a real engine: `docker
 * inspect` (environment, labels, command), `docker containers`, `docker logs` (also when
 * --tail cuts a private key's BEGIN line), `docker history` and `diagnose`, as data
 * (--json), as terminal text and as the Discord message. Every secret is one issue 13 saw in
 * clear. Values are assembled at run time: no secret-shaped literal sits in the repository.
 */
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { renderJson, renderText } from '../../src/cli/render.ts';
import { loadConfig } from '../../src/config.ts';
import type { Caller } from '../../src/core/context.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createLogger } from '../../src/core/logger.ts';
import { renderReply } from '../../src/discord/render/reply-message.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import { BUSYBOX_IMAGE, buildImage, ensureBusyboxImage } from '../support/images.ts';
import { removeAll, startScenario, state, waitFor } from '../support/scenarios.ts';

const name = uniqueName('secrets');
const image = `dockhand-test/${uniqueName('secrets-image')}:1`;
const s = (tag: string) => tag + 'Q7xZ' + '9kLm3v';

const SECRETS = {
  pg: s('pg'),
  mysql: s('my'),
  run: s('run'),
  apiToken: s('api'),
  basic: s('basic'),
  urlPassword: `p/a#s@${s('url')}`,
  jdbc: s('jdbc'),
  query: s('query'),
  curl: s('curl'),
  mysqlFlag: s('flag'),
  json: s('json'),
  colour: s('colour'),
  history: s('history'),
  slackPath: 'T0A1B2C3D/B0A1B2C3D/' + s('slack') + 'aB3dE5fG7',
  discordToken: s('discord') + 'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9n',
  hash: 'r31.....$' + s('hash'),
  keyBody: ['MIIEpAIBAAKCAQEA7bq9' + s('k1').padEnd(44, 'A'), 'c2VjcmV0IGtleSBib2R5' + s('k2').padEnd(44, 'B')],
};
const ALL = [
  ...Object.values(SECRETS).flat(),
  SECRETS.urlPassword.slice(0, 6), // the part of the URL password before its `@`
];

const env = [
  `PGPASSWORD=${SECRETS.pg}`,
  `MYSQL_PWD=${SECRETS.mysql}`,
  `DBPASSWORD=${SECRETS.run}`,
  `APITOKEN=${SECRETS.apiToken}`,
  `BASIC_AUTH=admin:${SECRETS.basic}`,
  `DATABASE_URL=postgres://app:${SECRETS.urlPassword}@db:5432/app`,
  `JDBC=jdbc:mysql://db:3306/app?user=root&password=${SECRETS.jdbc}&ssl=true`,
  `NOTIFY=https://hooks.slack.com/services/${SECRETS.slackPath}`,
  `ALERTS=https://discord.com/api/webhooks/112233445566778899/${SECRETS.discordToken}`,
];
const labels = { 'traefik.http.middlewares.auth.basicauth.users': `admin:$apr1$${SECRETS.hash}` };
const script = [
  `echo "GET https://api.example.com/v1?password=${SECRETS.query}&page=2 200"`,
  `echo "curl -u admin:${SECRETS.curl} https://h.example"`,
  `echo "mysql -uroot -p${SECRETS.mysqlFlag} app"`,
  `echo '{\\"password\\":\\"${SECRETS.json}\\"}'`,
  `printf '\\033[1mtoken\\033[0m: \\033[31m${SECRETS.colour}\\033[0m\\n'`,
  `echo '-----BEGIN RSA PRIVATE KEY-----'`,
  ...SECRETS.keyBody.map((line) => `echo '${line}'`),
  `echo '-----END RSA PRIVATE KEY-----'`,
  'echo ready',
].join('; ');

let app: App;
const containers: Dockerode.Container[] = [];
let callers = 0;
const caller = (locale: 'ko' | 'en' = 'ko'): Caller => ({
  id: `secrets-test-${++callers}`,
  name: 'tester',
  locale,
  transport: 'cli',
  isOrganizer: false,
});

function expectNoSecret(reply: Reply, where: string): void {
  expect(reply.error, where).toBeUndefined();
  const surfaces = {
    reply: JSON.stringify(reply),
    json: renderJson(reply),
    text: renderText(reply, { color: false }),
    discord: JSON.stringify(renderReply(reply, 'ko')),
  };
  for (const [surface, text] of Object.entries(surfaces)) {
    for (const secret of ALL) expect(text, `${where} ${surface}`).not.toContain(secret);
  }
}

await describeWithDocker('secrets never reach a reply, against a real engine', () => {
  beforeAll(async () => {
    const admin = adminDocker();
    await ensureBusyboxImage(admin);
    await buildImage(
      admin,
      image,
      [
        {
          name: 'Dockerfile',
          content: [`FROM ${BUSYBOX_IMAGE}`, `ENV PGPASSWORD=${SECRETS.history}`, 'CMD ["sh"]'].join('\n'),
        },
      ],
      { 'dockhand.test': '1' },
    );
    const container = await startScenario(admin, { name, image, env, labels, cmd: ['sh', '-c', script] });
    containers.push(container);
    await waitFor('the container to exit', async () => (await state(container)).Status === 'exited', 30_000);
    app = await createApp(
      loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_DB: ':memory:', LOG_LEVEL: 'silent' }),
      { log: createLogger('silent') },
    );
  });

  afterAll(async () => {
    await removeAll(containers);
    await adminDocker()
      .getImage(image)
      .remove({ force: true })
      .catch(() => undefined);
    await app.close();
  });

  const run = (subcommand: string, options: Record<string, unknown>, locale: 'ko' | 'en' = 'ko') =>
    app.dispatcher.run({ name: 'docker', subcommand, options }, caller(locale));

  it('docker inspect: environment, labels and command', async () => {
    const reply = await run('inspect', { container: name });
    expectNoSecret(reply, 'inspect');
    const data = reply.data as { env: string[]; labels: Record<string, string>; command: string };
    expect(data.env).toContain('PGPASSWORD=[REDACTED]');
    expect(data.env).toContain('DATABASE_URL=postgres://app:[REDACTED]@db:5432/app');
    expect(data.env).toContain('NOTIFY=https://hooks.slack.com/services/[REDACTED]');
    expect(Object.values(data.labels)).toContain('[REDACTED]');
    expect(data.command).toContain('echo ready');
  });

  it('docker containers: labels', async () => {
    expectNoSecret(await run('containers', {}), 'containers');
  });

  it('docker logs: every shape, whole and with --tail cutting the key’s BEGIN line', async () => {
    const whole = await run('logs', { container: name, tail: 100 });
    expectNoSecret(whole, 'logs');
    const lines = (whole.data as { lines: Array<{ text: string }> }).lines.map((l) => l.text);
    expect(lines).toContain('token: [REDACTED]');
    expect(lines.at(-1)).toBe('ready');
    // The last 4 lines: two key body lines, END, ready.
    const cut = await run('logs', { container: name, tail: 4 });
    expectNoSecret(cut, 'logs --tail 4');
    expect((cut.data as { lines: Array<{ text: string }> }).lines.map((l) => l.text)).toEqual([
      '[REDACTED]',
      '[REDACTED]',
      '-----END RSA PRIVATE KEY-----',
      'ready',
    ]);
    // --grep matches after redaction: a secret cannot be searched for.
    const grep = await run('logs', { container: name, grep: SECRETS.curl });
    expect((grep.data as { lines: unknown[] }).lines).toEqual([]);
  });

  it('docker history: ENV baked into the image', async () => {
    expectNoSecret(await run('history', { image }), 'history');
  });

  it('diagnose: names what holds a secret, never the value', async () => {
    const reply = await app.dispatcher.run({ name: 'diagnose', options: { container: name } }, caller('en'));
    expectNoSecret(reply, 'diagnose');
    const finding = reply.findings?.find((f) => f.code === 'secrets-in-env');
    expect(finding?.evidence.join('\n')).toMatch(/PGPASSWORD/);
    expect(finding?.evidence.join('\n')).toMatch(/webhook URL/);
  });
});
