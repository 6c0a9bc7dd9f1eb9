import type Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Caller } from '../../src/core/context.ts';
import { translator } from '../../src/core/locale.ts';
import { createLogger } from '../../src/core/logger.ts';
import { diagnose } from '../../src/diagnostics/diagnose.ts';
import type { Finding } from '../../src/diagnostics/finding.ts';
import { gatherFacts } from '../../src/diagnostics/gather.ts';
import { DockerService } from '../../src/docker/service.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import { BUSYBOX_IMAGE, buildImage, ensureBusyboxImage } from '../support/images.ts';
import { defined } from '../support/defined.ts';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.ts';
import { run, type Finished } from '../support/spawn.ts';
import {
  ensureNginxImage,
  ensureWebImage,
  freePort,
  NGINX_IMAGE,
  removeAll,
  startScenario,
  state,
  TEST_LABELS,
  waitFor,
  WEB_IMAGE,
  type ScenarioSpec,
} from '../support/scenarios.ts';
import { fixedClock } from '../../src/core/clock.ts';

const log = createLogger('silent');
const SECRET = 'sup3r-' + 'secret-value';

/** Every scenario container, by role; names are unique to this run. */
const names = {
  exit0: uniqueName('exit0'),
  exit3: uniqueName('exit3'),
  notFound: uniqueName('notfound'),
  oom: uniqueName('oom'),
  restartLoop: uniqueName('restart'),
  loopback: uniqueName('loopback'),
  exposeNoPublish: uniqueName('expose'),
  wrongPort: uniqueName('wrongport'),
  holder: uniqueName('holder'),
  taken: uniqueName('taken'),
  secretEnv: uniqueName('secret'),
  nginx: uniqueName('nginx'),
  unreachable: uniqueName('unreachable'),
  composeUnreachable: uniqueName('compose'),
};

const containers: Dockerode.Container[] = [];
let docker: DockerService;
let dockerWithExec: DockerService;
let app: App;
let closeApp: (() => Promise<void>) | undefined;
let nginxKind = '';
/** Host ports, chosen free at the start. */
const ports = { loopback: 0, wrongPort: 0, holder: 0, nginx: 0, unreachable: 0, composeUnreachable: 0 };

await describeWithDocker('diagnose against a real engine', () => {
  beforeAll(async () => {
    const admin = adminDocker();
    await ensureBusyboxImage(admin);
    [nginxKind] = await Promise.all([ensureNginxImage(admin), ensureWebImage(admin)]);
    await ensureRootfsBaseImage(admin);
    for (const role of Object.keys(ports) as Array<keyof typeof ports>) ports[role] = await freePort();

    const specs: ScenarioSpec[] = [
      { name: names.exit0, cmd: ['true'] },
      { name: names.exit3, cmd: ['sh', '-c', 'echo "fatal: no config" >&2; exit 3'] },
      { name: names.notFound, cmd: ['no-such-command'] },
      // The pause lets the engine watch the cgroup first: an OOM in the first milliseconds is never reported.
      {
        name: names.oom,
        cmd: ['sh', '-c', 'sleep 1; exec dd if=/dev/zero of=/dev/null bs=64M count=1'],
        memoryBytes: 16 * 1024 * 1024,
      },
      { name: names.restartLoop, cmd: ['sh', '-c', 'echo crashing; exit 1'], restart: 'always' },
      {
        name: names.loopback,
        cmd: ['httpd', '-f', '-p', '127.0.0.1:8080', '-h', '/'],
        publish: { '8080/tcp': ports.loopback },
      },
      { name: names.exposeNoPublish, image: WEB_IMAGE },
      { name: names.wrongPort, image: WEB_IMAGE, publish: { '8080/tcp': ports.wrongPort } },
      { name: names.holder, image: WEB_IMAGE, publish: { '80/tcp': ports.holder } },
      { name: names.secretEnv, cmd: ['sleep', '600'], env: [`DB_PASSWORD=${SECRET}`, 'PASSWORD_FILE=/run/secrets/db'] },
      { name: names.nginx, image: NGINX_IMAGE, publish: { '80/tcp': ports.nginx } },
      // Published, but nothing listens inside and nothing else explains it: http-unreachable on its own.
      { name: names.unreachable, cmd: ['sleep', '600'], publish: { '8080/tcp': ports.unreachable } },
      {
        name: names.composeUnreachable,
        cmd: ['sleep', '600'],
        publish: { '8080/tcp': ports.composeUnreachable },
        labels: { 'com.docker.compose.project': 'study', 'com.docker.compose.service': 'web' },
      },
    ];
    containers.push(...(await Promise.all(specs.map((spec) => startScenario(admin, spec)))));
    // Started after the holder is up: the same host port is then already allocated.
    containers.push(
      await startScenario(admin, { name: names.taken, image: WEB_IMAGE, publish: { '80/tcp': ports.holder } }),
    );

    const [exit0, exit3, , oom, restartLoop] = containers;
    await Promise.all([
      waitFor('exit0 to exit', async () => (await state(defined(exit0))).Status === 'exited'),
      waitFor('exit3 to exit', async () => (await state(defined(exit3))).Status === 'exited'),
      // Not waiting for State.OOMKilled: Docker sometimes loses that flag; diagnose then reads the oom event.
      waitFor('oom to be killed', async () => (await state(defined(oom))).Status === 'exited'),
      waitFor(
        'restart loop to restart 3 times',
        async () => (await state(defined(restartLoop))).RestartCount >= 3,
        30_000,
      ),
      waitFor('servers to listen', async () => {
        const [holder, nginx] = await Promise.all([fetchStatus(ports.holder), fetchStatus(ports.nginx)]);
        return holder === 200 && nginx === 200;
      }),
    ]);

    const env = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_DB: ':memory:', LOG_LEVEL: 'silent' };
    docker = new DockerService(loadConfig(env).docker, log);
    dockerWithExec = new DockerService(loadConfig({ ...env, DOCKHAND_ALLOW_EXEC: '1' }).docker, log);
    app = await createApp(loadConfig(env), { log, clock: fixedClock(new Date()) });
    closeApp = app.close;
  });

  afterAll(async () => {
    await removeAll(containers);
    await closeApp?.();
  });

  const diagnosed = async (name: string, service = docker): Promise<Finding[]> =>
    diagnose(
      await gatherFacts(service, name, { now: () => new Date() }, 'Asia/Seoul'),
      translator('ko'),
      FIXTURE_KNOWLEDGE,
    );
  const codes = (findings: Finding[]) => findings.map((f) => f.code);
  const finding = (findings: Finding[], code: string) => {
    const found = findings.find((f) => f.code === code);
    if (!found) throw new Error(`no ${code} in ${JSON.stringify(findings, null, 1)}`);
    return found;
  };

  it('exits 0: exited with the "nothing in the foreground" meaning, no error', async () => {
    const findings = await diagnosed(names.exit0);
    expect(codes(findings)).toEqual(['exited']);
    expect(finding(findings, 'exited').severity).toBe('warning');
    expect(finding(findings, 'exited').evidence).toContain('State.ExitCode=0');
  });

  it('exits 3: exited error with the last log line', async () => {
    const findings = await diagnosed(names.exit3);
    expect(finding(findings, 'exited').severity).toBe('error');
    expect(finding(findings, 'exited').evidence).toContain('log (stderr): fatal: no config');
  });

  it('command not found: one start-failed error, its exit code 127 in the evidence', async () => {
    const findings = await diagnosed(names.notFound);
    expect(codes(findings)).toEqual(['start-failed']);
    const failed = finding(findings, 'start-failed');
    expect(failed.detail).toContain('`no-such-command`');
    expect(failed.evidence).toContain('State.ExitCode=127');
    expect(failed.refs[0]).toBe('troubleshooting/container-exits#exit-127');
  });

  it('OOM under --memory 16m: one oom-killed error, with the exit 137', async () => {
    const findings = await diagnosed(names.oom);
    expect(codes(findings)).toEqual(['oom-killed']);
    expect(finding(findings, 'oom-killed').severity).toBe('error');
    expect(finding(findings, 'oom-killed').evidence).toContain('HostConfig.Memory=16777216 (16 MiB)');
    expect(finding(findings, 'oom-killed').evidence).toContain('State.ExitCode=137');
    // The event log the fallback reads (GET /events) has the kill, whatever the flag says.
    const container = await docker.container(names.oom);
    const events = await docker.oomEvents(container, new Date(container.State.StartedAt), new Date(Date.now() + 1000));
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it('restart loop', async () => {
    const findings = await diagnosed(names.restartLoop);
    expect(finding(findings, 'restart-loop').severity).toBe('error');
    expect(finding(findings, 'restart-loop').evidence).toContain('HostConfig.RestartPolicy=always');
  });

  it('server bound to 127.0.0.1 inside: listens-on-loopback from the command line and the reset probe', async () => {
    const findings = await diagnosed(names.loopback);
    expect(codes(findings)).toEqual(['listens-on-loopback']);
    const loopback = finding(findings, 'listens-on-loopback');
    expect(loopback.severity).toBe('error');
    expect(loopback.evidence.join('\n')).toMatch(/httpd -f -p 127\.0\.0\.1:8080/);
    expect(loopback.evidence.join('\n')).toMatch(new RegExp(`GET http://127\\.0\\.0\\.1:${ports.loopback}/ → `));
  });

  it('…and with exec allowed, the socket table confirms it', async () => {
    const findings = await diagnosed(names.loopback, dockerWithExec);
    expect(finding(findings, 'listens-on-loopback').evidence).toContain('/proc/net/tcp: 127.0.0.1:8080 LISTEN');
  });

  it('EXPOSE without -p: port-not-published', async () => {
    const findings = await diagnosed(names.exposeNoPublish);
    expect(codes(findings)).toEqual(['port-not-published']);
    expect(finding(findings, 'port-not-published').next).toContain('-p 8080:80');
  });

  it('wrong port published: one port-mismatch error with the -p to use, on the address it was published', async () => {
    const findings = await diagnosed(names.wrongPort);
    expect(codes(findings)).toEqual(['port-mismatch']);
    const mismatch = finding(findings, 'port-mismatch');
    expect(mismatch.next).toContain(`\`docker run -p 127.0.0.1:${ports.wrongPort}:80 …\``);
    expect(mismatch.evidence.join('\n')).toContain(`GET http://127.0.0.1:${ports.wrongPort}/ → `);
  });

  it('port already allocated: one start-failed error (no exit 128), naming the holder and a free -p', async () => {
    const findings = await diagnosed(names.taken);
    expect(codes(findings)).toEqual(['start-failed']);
    const failed = finding(findings, 'start-failed');
    expect(failed.evidence.join('\n')).toMatch(/port is already allocated/);
    expect(failed.evidence.join('\n')).toContain(names.holder);
    expect(failed.evidence).toContain('State.StartedAt=0001-01-01 (시작된 적 없음)');
    expect(failed.refs[0]).toBe('troubleshooting/port-already-allocated#fix');
    const suggested = /`docker run -p 127\.0\.0\.1:(\d+):80 …`/.exec(failed.next);
    expect(Number(suggested?.[1])).toBeGreaterThan(ports.holder);
  });

  it('a healthy published container has no error, and the reply says what was checked', async () => {
    const findings = await diagnosed(names.holder);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const reply = await app.dispatcher.run({ name: 'diagnose', options: { container: names.holder } }, caller());
    expect(reply.text).toContain(`127.0.0.1:${ports.holder} → HTTP 200`);
    expect(reply.text).toContain(`포트 매핑 일치 (127.0.0.1:${ports.holder} → 80/tcp)`);
    expect(reply.text).toContain('재시작 0회');
  });

  it('http-unreachable links the port playbook for a docker run, and the compose one for a compose service', async () => {
    const refsOf = async (container: string) => {
      const reply = await app.dispatcher.run({ name: 'diagnose', options: { container } }, caller());
      const found = (reply.data as { findings: Finding[] }).findings;
      expect(codes(found)).toEqual(['http-unreachable']);
      return finding(found, 'http-unreachable').refs;
    };
    const plain = await refsOf(names.unreachable);
    expect(plain[0]).toBe('troubleshooting/port-not-answering#check');
    expect(plain.join(' ')).not.toContain('compose');
    expect(await refsOf(names.composeUnreachable)).toContain('troubleshooting/compose-service-unreachable#check');
  });

  it('docker history: the base image’s filesystem layer is not a COPY to trim', async () => {
    const reply = await app.dispatcher.run(
      { name: 'docker', subcommand: 'history', options: { image: ROOTFS_BASE_IMAGE } },
      caller(),
    );
    const data = reply.data as { layers: Array<{ index: number; size: number }>; hints: Array<{ code: string }> };
    expect(data.layers[0]?.size).toBeGreaterThan(10 * 1024 * 1024);
    expect(data.hints.map((h) => h.code)).not.toContain('large-copy-context');
    expect(reply.fields?.[0]?.value).toContain('#1');
    expect(reply.fields?.[0]?.value).toContain('베이스 이미지의 파일 시스템');
  });

  it('secret in env: secrets-in-env names the variable, never the value', async () => {
    const findings = await diagnosed(names.secretEnv);
    expect(codes(findings)).toEqual(['secrets-in-env']);
    expect(finding(findings, 'secrets-in-env').evidence.join('\n')).toContain('DB_PASSWORD');
    expect(JSON.stringify(findings)).not.toContain(SECRET);
  });

  it(`nginx default page: http-default-page`, async () => {
    const findings = await diagnosed(names.nginx);
    expect(codes(findings), `nginx image built as ${nginxKind}`).toEqual(['http-default-page']);
    expect(finding(findings, 'http-default-page').evidence.join('\n')).toMatch(/HTTP 200/);
  });

  it('diagnose offers the notes its findings point to, and opens one in place', async () => {
    const reply = await app.dispatcher.run({ name: 'diagnose', options: { container: names.nginx } }, caller());
    const menu = reply.actions?.[0]?.[0];
    if (menu?.kind !== 'select') throw new Error(`no note menu in ${JSON.stringify(reply.actions)}`);
    expect(menu.customId).toBe('note:toc');
    const values = menu.options.map((o) => o.value);
    expect(values).toContain('troubleshooting/nginx-default-page#config-not-copied');
    expect(new Set(values).size).toBe(values.length);
    // Shown by title; the ids stay in the --json contract, without the titles.
    expect(reply.findings?.[0]?.refTitles).toContain(
      '앱 대신 nginx 기본 페이지가 보여요 › 설정 파일이 이미지에 안 들어감',
    );
    const contract = reply.data as { findings: Array<Record<string, unknown>> };
    expect(contract.findings[0]?.refs).toContain('troubleshooting/nginx-default-page#config-not-copied');
    expect(contract.findings[0]).not.toHaveProperty('refTitles');
    const opened = await app.dispatcher.component(
      menu.customId,
      ['troubleshooting/nginx-default-page#config-not-copied'],
      caller(),
    );
    expect(opened.error).toBeUndefined();
    expect(opened.footer).toBe('knowledge/troubleshooting/nginx-default-page.md');
    expect(opened.text).toMatch(/COPY/);
  });

  it('docker ports: EXPOSE, -p and the actual binding side by side, with the URL', async () => {
    const reply = await app.dispatcher.run(
      { name: 'docker', subcommand: 'ports', options: { container: names.wrongPort } },
      caller(),
    );
    expect(reply.error).toBeUndefined();
    const rows = (
      reply.data as {
        ports: Array<{
          port: string;
          exposedByImage: boolean;
          requested: unknown[];
          actual: unknown[];
          urls: string[];
        }>;
      }
    ).ports;
    expect(rows.map((r) => [r.port, r.exposedByImage, r.requested.length, r.actual.length])).toEqual([
      ['80/tcp', true, 0, 0],
      ['8080/tcp', false, 1, 1],
    ]);
    expect(rows[1]?.urls).toEqual([`http://127.0.0.1:${ports.wrongPort}/`]);
  });

  it('docker inspect: exit code meaning, OOMKilled, env redacted', async () => {
    const oom = await app.dispatcher.run(
      { name: 'docker', subcommand: 'inspect', options: { container: names.oom } },
      caller('en'),
    );
    expect(oom.data).toMatchObject({ exitCode: 137, oomKilled: true, restartCount: 0 });
    expect((oom.data as { exitMeaning: string }).exitMeaning).toMatch(/SIGKILL/);
    const secret = await app.dispatcher.run(
      { name: 'docker', subcommand: 'inspect', options: { container: names.secretEnv } },
      caller(),
    );
    expect((secret.data as { env: string[] }).env).toContain('DB_PASSWORD=[REDACTED]');
    expect((secret.data as { env: string[] }).env).toContain('PASSWORD_FILE=/run/secrets/db');
    expect(JSON.stringify(secret)).not.toContain(SECRET);
  });

  it('docker containers lists the scenarios with state and ports; images lists what they run', async () => {
    const reply = await app.dispatcher.run({ name: 'docker', subcommand: 'containers', options: {} }, caller());
    const listed = (reply.data as { containers: Array<{ name: string; state: string; ports: string[] }> }).containers;
    expect(listed.find((c) => c.name === names.holder)).toMatchObject({
      state: 'running',
      ports: [`127.0.0.1:${ports.holder}→80/tcp`],
    });
    expect(listed.find((c) => c.name === names.exit3)).toMatchObject({ state: 'exited' });
    const images = await app.dispatcher.run({ name: 'docker', subcommand: 'images', options: {} }, caller());
    const tags = (images.data as { images: Array<{ tags: string[] }> }).images.flatMap((i) => i.tags);
    expect(tags).toEqual(expect.arrayContaining([BUSYBOX_IMAGE, WEB_IMAGE]));
  });

  it('CLI: diagnose --json prints {target, findings}; an unknown name exits non-zero with {error}', async () => {
    const [failing, healthy, unknown] = await Promise.all([
      cli(['diagnose', names.exit3, '--json']),
      cli(['diagnose', names.holder, '--json']),
      cli(['diagnose', 'dockhand-test-no-such-container', '--json']),
    ]);
    expect(failing.code).toBe(0);
    const body = JSON.parse(failing.stdout) as { target: string; findings: Finding[] };
    expect(body.target).toBe(names.exit3);
    const anyText: unknown = expect.any(String);
    const exitCode3: unknown = expect.arrayContaining(['State.ExitCode=3']);
    const anyList: unknown = expect.any(Array);
    expect(body.findings[0]).toEqual({
      code: 'exited',
      severity: 'error',
      title: anyText,
      detail: anyText,
      evidence: exitCode3,
      next: anyText,
      refs: anyList,
    });
    expect(Object.keys(defined(body.findings[0]))).toEqual([
      'code',
      'severity',
      'title',
      'detail',
      'evidence',
      'next',
      'refs',
    ]);

    expect(healthy.code).toBe(0);
    const healthyBody = JSON.parse(healthy.stdout) as { findings: Finding[] };
    expect(healthyBody.findings.filter((f) => f.severity === 'error')).toEqual([]);

    expect(unknown.code).not.toBe(0);
    const namesIt: unknown = expect.stringContaining('dockhand-test-no-such-container');
    expect(JSON.parse(unknown.stdout)).toEqual({ error: { code: 'container-not-found', message: namesIt } });
  });
});

let callers = 0;
/** A fresh caller per run, so the per-user cooldown does not interfere. */
function caller(locale: 'ko' | 'en' = 'ko'): Caller {
  callers++;
  return { id: `test-${callers}`, name: 'tester', locale, transport: 'cli', isOrganizer: false };
}

async function fetchStatus(port: number): Promise<number | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** The one-shot CLI as users run it (`npm run cli`: the build in dist/). */
function cli(args: string[]): Promise<Finished> {
  return run(process.execPath, ['dist/cli.js', ...args], {
    env: { LOG_LEVEL: 'silent', DOCKHAND_DB: ':memory:' },
    timeoutMs: 45_000,
  });
}

/**
 * A base image as distributions make them: FROM scratch, its whole root filesystem copied in by one
 * COPY (the legacy builder records `COPY dir:… in /`), big enough for the large-COPY hint.
 */
const ROOTFS_BASE_IMAGE = 'dockhand-test/rootfs-base:1';

async function ensureRootfsBaseImage(docker: Dockerode): Promise<void> {
  const built = await docker
    .getImage(ROOTFS_BASE_IMAGE)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (built) return;
  // Noise does not compress away (seeded: the same bytes every build).
  const noise = Buffer.alloc(11 * 1024 * 1024);
  let seed = 0x9e3779b9;
  for (let i = 0; i < noise.length; i += 4) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    noise.writeUInt32LE(seed, i);
  }
  await buildImage(
    docker,
    ROOTFS_BASE_IMAGE,
    [
      { name: 'rootfs/usr/lib/data.bin', content: noise },
      { name: 'rootfs/etc/os-release', content: 'NAME="dockhand test base"\n' },
      { name: 'Dockerfile', content: ['FROM scratch', 'COPY rootfs/ /', 'CMD ["/bin/sh"]'].join('\n') },
    ],
    TEST_LABELS,
  );
}
