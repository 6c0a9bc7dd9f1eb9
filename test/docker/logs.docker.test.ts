import type Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Caller } from '../../src/core/context.ts';
import { createLogger } from '../../src/core/logger.ts';
import type { LogLine } from '../../src/docker/log-reader.ts';
import { ReadOnlyViolation } from '../../src/docker/read-only-guard.ts';
import { guardedDockerode } from '../../src/docker/guarded-docker.ts';
import { DockerService } from '../../src/docker/service.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import { ensureBusyboxImage } from '../support/images.ts';
import { removeAll, startScenario, state, waitFor } from '../support/scenarios.ts';
import { defined } from '../support/defined.ts';

const log = createLogger('silent');
const names = {
  interleaved: uniqueName('interleaved'),
  tty: uniqueName('tty'),
  long: uniqueName('long'),
  chatty: uniqueName('chatty'),
  running: uniqueName('running'),
  hidden: uniqueName('hidden'),
  grepNewest: uniqueName('grep-newest'),
};
const containers: Dockerode.Container[] = [];
let docker: DockerService;
let app: App;
const clock = fixedClock(new Date());

await describeWithDocker('logs, read-only and visibility against a real engine', () => {
  beforeAll(async () => {
    const admin = adminDocker();
    await ensureBusyboxImage(admin);
    containers.push(
      ...(await Promise.all([
        // The engine reads stdout and stderr through separate pipes and orders lines as it reads
        // them: pauses keep that order unambiguous even on a busy machine.
        startScenario(admin, {
          name: names.interleaved,
          cmd: ['sh', '-c', 'for i in 1 2 3; do echo out$i; usleep 250000; echo err$i >&2; usleep 250000; done'],
        }),
        startScenario(admin, {
          name: names.tty,
          tty: true,
          cmd: ['sh', '-c', 'echo tty-out; echo tty-err >&2; printf "\\001\\002 raw bytes\\n"'],
        }),
        startScenario(admin, { name: names.long, cmd: ['seq', '1', '100000'] }),
        startScenario(admin, {
          name: names.chatty,
          cmd: [
            'sh',
            '-c',
            'i=0; while [ $i -lt 300 ]; do echo "request $i done DB_PASSWORD=pw$i"; i=$((i+1)); done; usleep 300000; echo "ERROR: disk full" >&2',
          ],
        }),
        startScenario(admin, { name: names.running, cmd: ['sleep', '600'], labels: { 'dockhand.visible': 'true' } }),
        startScenario(admin, { name: names.hidden, cmd: ['sleep', '600'] }),
      ])),
    );
    // 3,000 lines of about 110 bytes; the first two and the last two match.
    containers.push(
      await startScenario(admin, {
        name: names.grepNewest,
        cmd: [
          'sh',
          '-c',
          'i=0; while [ $i -lt 3000 ]; do case $i in 3|7|2990|2995) m=" MATCH";; *) m="";; esac; printf "line %05d %0100d%s\\n" $i 0 "$m"; i=$((i+1)); done',
        ],
      }),
    );
    await Promise.all(
      [...containers.slice(0, 4), containers[6]].map((c, i) =>
        waitFor(`scenario ${i} to exit`, async () => c !== undefined && (await state(c)).Status === 'exited', 30_000),
      ),
    );
    const env = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_DB: ':memory:', LOG_LEVEL: 'silent' };
    docker = new DockerService(loadConfig(env).docker, log);
    app = await createApp(loadConfig(env), { log, clock });
  });

  afterAll(async () => {
    await removeAll(containers);
    await app.close();
  });

  const text = (lines: LogLine[]) => lines.map((l) => `${l.stream}:${l.text}`);

  it('demultiplexes interleaved stdout and stderr in order', async () => {
    const container = await docker.container(names.interleaved);
    const tail = await docker.logs(container, { tail: 100, timestamps: true, maxLines: 100, maxChars: 10_000 });
    expect(text(tail.lines)).toEqual([
      'stdout:out1',
      'stderr:err1',
      'stdout:out2',
      'stderr:err2',
      'stdout:out3',
      'stderr:err3',
    ]);
    expect(tail.lines.every((l) => /^\d{4}-\d\d-\d\dT/.test(l.time ?? ''))).toBe(true);
  });

  it('reads a TTY container’s unframed stream', async () => {
    const container = await docker.container(names.tty);
    expect(container.Config.Tty).toBe(true);
    const tail = await docker.logs(container, { tail: 100, timestamps: false, maxLines: 100, maxChars: 10_000 });
    expect(text(tail.lines)).toEqual(['stdout:tty-out', 'stdout:tty-err', 'stdout:\u0001\u0002 raw bytes']);
  });

  it('reads a 100,000-line log with bounded memory, keeping only the tail', async () => {
    const container = await docker.container(names.long);
    // The last lines need only the end of the log (it is read newest first)…
    const tail = await docker.logs(container, { tail: 'all', timestamps: true, maxLines: 100, maxChars: 8_000 });
    expect(tail.lines.map((l) => l.text)).toEqual(Array.from({ length: 100 }, (_, i) => String(99_901 + i)));
    expect(tail.scanned).toBeLessThan(100_000);
    // …a rare --grep reads all of it, holding no more than the bounds.
    const grep = await docker.logs(container, {
      tail: 'all',
      timestamps: true,
      grep: '7777',
      maxLines: 100,
      maxChars: 8_000,
    });
    expect(grep.scanned).toBe(100_000);
    expect(grep.lines.map((l) => l.text)).toEqual([
      '7777',
      '17777',
      '27777',
      '37777',
      '47777',
      '57777',
      '67777',
      ...Array.from({ length: 10 }, (_, i) => String(77_770 + i)),
      '87777',
      '97777',
    ]);
    expect(grep.peakChars).toBeLessThanOrEqual(8_000);
    expect(grep.bytesRead).toBeGreaterThan(100_000 * 30);
  });

  it('--grep past the scan budget finds the newest matches: the log is read newest first', async () => {
    const container = await docker.container(names.grepNewest);
    const found = await docker.logs(container, {
      tail: 50_000,
      timestamps: true,
      grep: 'match',
      maxLines: 10,
      maxChars: 10_000,
      maxScanBytes: 60_000,
    });
    expect(found.lines.map((l) => l.text.slice(0, 10))).toEqual(['line 02990', 'line 02995']);
    expect(found.scanCut).toBe(true);
    expect(found.bytesRead).toBeLessThan(60_000 + 20_000);
  });

  it('docker logs: --tail, --grep on redacted text, long output as an attachment, secrets never shown', async () => {
    const reply = await app.dispatcher.run(
      { name: 'docker', subcommand: 'logs', options: { container: names.chatty, tail: 300 } },
      caller(),
    );
    expect(reply.error).toBeUndefined();
    const data = reply.data as { lines: LogLine[]; truncated: boolean };
    expect(data.lines).toHaveLength(300);
    expect(data.lines.at(-1)).toMatchObject({ stream: 'stderr', text: 'ERROR: disk full' });
    expect(reply.attachments?.[0]?.name).toBe(`logs-${names.chatty}.txt`);
    expect(defined(reply.code?.[0], 'a code block').content.length).toBeLessThan(2000);
    expect(JSON.stringify(reply)).not.toMatch(/pw\d/);

    const grep = await app.dispatcher.run(
      { name: 'docker', subcommand: 'logs', options: { container: names.chatty, grep: 'error' } },
      caller(),
    );
    expect((grep.data as { lines: LogLine[] }).lines.map((l) => l.text)).toEqual(['ERROR: disk full']);
    const secret = await app.dispatcher.run(
      { name: 'docker', subcommand: 'logs', options: { container: names.chatty, grep: 'pw12' } },
      caller(),
    );
    expect((secret.data as { lines: LogLine[] }).lines).toEqual([]);
  });

  it('docker logs --since is relative to the clock', async () => {
    const since = (value: string) =>
      app.dispatcher.run(
        { name: 'docker', subcommand: 'logs', options: { container: names.interleaved, since: value } },
        caller(),
      );
    clock.set(new Date());
    expect(((await since('10m')).data as { lines: LogLine[] }).lines).toHaveLength(6);
    clock.advance(60 * 60_000);
    expect(((await since('10m')).data as { lines: LogLine[] }).lines).toHaveLength(0);
    clock.set(new Date());
    const bad = await since('last tuesday');
    expect(bad.error?.code).toBe('invalid-since');
  });

  it('refuses to stop or remove a container without reaching the engine, and it keeps running', async () => {
    const container = guardedDockerode(loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST }).docker).getContainer(
      names.running,
    );
    await expect(container.stop()).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(container.remove({ force: true })).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(container.exec({ Cmd: ['cat', '/proc/net/tcp'], AttachStdout: true })).rejects.toBeInstanceOf(
      ReadOnlyViolation,
    );
    expect((await state(defined(containers[4], 'the running container'))).Running).toBe(true);
  });

  it('runs only allowlisted exec when enabled', async () => {
    const withExec = new DockerService(
      loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_ALLOW_EXEC: '1' }).docker,
      log,
    );
    const container = await withExec.container(names.running);
    expect(await withExec.execAllowed(container, ['cat', '/proc/net/tcp'])).toMatch(/local_address/);
    expect(await withExec.execAllowed(container, ['sh', '-c', 'id'])).toBeUndefined();
    await expect(
      guardedDockerode(loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_ALLOW_EXEC: '1' }).docker)
        .getContainer(names.running)
        .exec({ Cmd: ['sh', '-c', 'touch /x'], AttachStdout: true }),
    ).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(await docker.execAllowed(container, ['cat', '/proc/net/tcp'])).toBeUndefined();
  });

  it('hides containers outside the visibility rule, also by id prefix', async () => {
    const visible = new DockerService(
      loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_VISIBLE_LABEL: 'dockhand.visible=true' }).docker,
      log,
    );
    const hiddenId = (await defined(containers[5], 'the hidden container').inspect()).Id;
    expect((await visible.container(names.running)).Name).toBe(names.running);
    for (const ref of [names.hidden, hiddenId.slice(0, 12)]) {
      await expect(visible.container(ref)).rejects.toMatchObject({ code: 'container-not-found' });
    }
    const listed = (await visible.listContainers()).map((c) => c.Name);
    expect(listed).toContain(names.running);
    expect(listed).not.toContain(names.hidden);
  });
});

let callers = 0;
function caller(): Caller {
  callers++;
  return { id: `logs-test-${callers}`, name: 'tester', locale: 'ko', transport: 'cli', isOrganizer: false };
}
