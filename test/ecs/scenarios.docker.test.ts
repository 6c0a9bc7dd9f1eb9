import { CONF_LIMITS } from '../../src/docker/archive.ts';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { translator, type Locale } from '../../src/core/locale.ts';
import type { Finding } from '../../src/diagnostics/finding.ts';
import { NGINX_PATH_CODES } from '../../src/diagnostics/nginx/codes.ts';
import { diagnoseNginx } from '../../src/diagnostics/nginx/diagnose.ts';
import { gatherNginxFacts } from '../../src/diagnostics/nginx/gather.ts';
import { probeHttp } from '../../src/docker/http-probe.ts';
import { DockerService } from '../../src/docker/service.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import {
  buildStudentImage,
  composeHostSite,
  DEBIAN_LAYOUT,
  ensureDebianLayout,
  ensureOfficialLayout,
  localhostSite,
  nginxUnavailable,
  OFFICIAL_LAYOUT,
  SOCKET_SITE,
  type StudentImage,
} from '../support/nginx-images.ts';
import { ensureWebImage, freePort, TEST_LABELS, waitFor, WEB_IMAGE } from '../support/scenarios.ts';
import { run } from '../support/spawn.ts';

const log = createLogger('silent');
const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
const APP_PORT = 8000;

/** Each cause A–G as members built it, and the working reference. */
const tag = (role: string) => `dockhand-test/ecs-${role}:${uniqueName('t').slice('dockhand-test-t-'.length)}`;
const images = {
  reference: tag('reference'),
  defaultConf: tag('default-conf'),
  sitesEnabled: tag('sites-enabled'),
  htmlRoot: tag('html-root'),
  htmlRootDebian: tag('html-root-debian'),
  stale: tag('stale'),
  workshop: tag('workshop'),
  composeHost: tag('compose-host'),
  ecrStock: tag('ecr-nginx'),
};
const names = {
  reference: uniqueName('ecs-ref'),
  referenceApp: uniqueName('ecs-ref-app'),
  stock: uniqueName('ecs-stock'),
  defaultConf: uniqueName('ecs-default-conf'),
  defaultConfApp: uniqueName('ecs-default-conf-app'),
  sitesEnabled: uniqueName('ecs-sites-enabled'),
  htmlRoot: uniqueName('ecs-html-root'),
  htmlRootDebian: uniqueName('ecs-html-root-debian'),
  stale: uniqueName('ecs-stale'),
  leftover: uniqueName('ecs-leftover'),
  blocked: uniqueName('ecs-blocked'),
  workshop: uniqueName('ecs-workshop'),
  workshopShared: uniqueName('ecs-workshop-shared'),
  composeHost: uniqueName('ecs-compose-host'),
};

const containers: Dockerode.Container[] = [];
const ports: Record<string, number> = {};
const port = (role: string): number => {
  const found = ports[role];
  if (found === undefined) throw new Error(`no port for ${role}`);
  return found;
};
let docker: DockerService;
let staleFirstId = '';

interface Start {
  name: string;
  image: string;
  port?: number | undefined;
  cmd?: string[];
  networkMode?: string;
  mounts?: Dockerode.MountSettings[];
}

/** A labelled container; port published on 127.0.0.1 only; DNS pointed at nothing so no lookup leaves the machine. */
async function start(admin: Dockerode, spec: Start): Promise<Dockerode.Container> {
  const container = await admin.createContainer({
    name: spec.name,
    Image: spec.image,
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    Labels: TEST_LABELS,
    ...(spec.port ? { ExposedPorts: { '80/tcp': {} } } : {}),
    HostConfig: {
      ...(spec.port ? { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(spec.port) }] } } : {}),
      ...(spec.networkMode ? { NetworkMode: spec.networkMode } : { Dns: ['127.0.0.1'] }),
      ...(spec.mounts ? { Mounts: spec.mounts } : {}),
    },
  });
  containers.push(container);
  await container.start().catch(() => undefined);
  return container;
}

function student(tagName: string, base: string, steps: string[], files: StudentImage['files'] = []): StudentImage {
  return { tag: tagName, dockerfile: [`FROM ${base}`, ...steps], files };
}

/** `200 <body>` for `GET /` with this Host header (fetch would not let the Host header be set). */
async function page(port: number, host = 'localhost'): Promise<string> {
  const result = await probeHttp('127.0.0.1', port, { hostHeader: host, timeoutMs: 2000 });
  return result.outcome === 'http' ? `${result.status} ${result.body ?? ''}` : result.outcome;
}

/** Distinct free ports: freePort() may hand out a port again once it is closed. */
async function distinctPorts(roles: string[]): Promise<void> {
  const taken = new Set<number>();
  for (const role of roles) {
    let port = await freePort();
    for (let tries = 0; taken.has(port) && tries < 20; tries++) port = await freePort();
    taken.add(port);
    ports[role] = port;
  }
}

const unavailable = nginxUnavailable();

await describeWithDocker(
  unavailable ? `ecs diagnosis — skipped: ${unavailable}` : 'ecs diagnosis against a real engine',
  () => {
    beforeAll(async () => {
      if (unavailable) throw new Error(unavailable);
      const admin = adminDocker();
      await Promise.all([ensureOfficialLayout(admin), ensureDebianLayout(admin), ensureWebImage(admin)]);
      await distinctPorts([
        'reference',
        'stock',
        'defaultConf',
        'sitesEnabled',
        'htmlRoot',
        'htmlRootDebian',
        'stale',
        'leftover',
        'workshop',
        'workshopShared',
      ]);

      const workshopSteps = [
        'WORKDIR /etc/nginx/',
        'RUN rm /etc/nginx/conf.d/default.conf',
        'COPY nginx.conf /etc/nginx/conf.d/',
        'EXPOSE 80',
      ];
      const index = { name: 'index.html', content: '<h1>My page</h1>\n' };
      await Promise.all(
        [
          student(images.reference, OFFICIAL_LAYOUT, workshopSteps, [
            { name: 'nginx.conf', content: localhostSite(APP_PORT) },
          ]),
          // B: the rm line dropped; the workshop's `listen 80 default_server` keeps other names.
          student(
            images.defaultConf,
            OFFICIAL_LAYOUT,
            ['WORKDIR /etc/nginx/', 'COPY nginx.conf /etc/nginx/conf.d/'],
            [{ name: 'nginx.conf', content: localhostSite(APP_PORT, { serverName: 'larva.example' }) }],
          ),
          // C: Debian's folder in an official-layout image.
          student(
            images.sitesEnabled,
            OFFICIAL_LAYOUT,
            ['COPY app.conf /etc/nginx/sites-enabled/app.conf'],
            [{ name: 'app.conf', content: localhostSite(APP_PORT) }],
          ),
          // C′: html into Debian's root on the official layout, and the reverse.
          student(images.htmlRoot, OFFICIAL_LAYOUT, ['COPY index.html /var/www/html/index.html'], [index]),
          student(images.htmlRootDebian, DEBIAN_LAYOUT, ['COPY index.html /usr/share/nginx/html/'], [index]),
          // D: first build from the wrong folder (only the base), rebuilt right after the container started.
          student(images.stale, OFFICIAL_LAYOUT, ['LABEL build=first']),
          // F: the workshop image as is, run without the Django container's volume.
          student(images.workshop, OFFICIAL_LAYOUT, workshopSteps, [{ name: 'nginx.conf', content: SOCKET_SITE }]),
          // G: a compose service name behind proxy_pass.
          student(
            images.composeHost,
            OFFICIAL_LAYOUT,
            ['RUN rm /etc/nginx/conf.d/default.conf', 'COPY app.conf /etc/nginx/conf.d/'],
            [{ name: 'app.conf', content: composeHostSite('django', APP_PORT) }],
          ),
        ].map((image) => buildStudentImage(admin, image)),
      );
      // A: build_and_push.sh tagging the leftover stock image as the ECR image.
      const [repo = '', version = ''] = images.ecrStock.split(':');
      await admin.getImage(OFFICIAL_LAYOUT).tag({ repo, tag: version });

      const appCmd = ['httpd', '-f', '-p', `127.0.0.1:${APP_PORT}`, '-h', '/www'];
      await start(admin, { name: names.reference, image: images.reference, port: ports.reference });
      await start(admin, { name: names.stock, image: images.ecrStock, port: ports.stock });
      await start(admin, { name: names.defaultConf, image: images.defaultConf, port: ports.defaultConf });
      await start(admin, { name: names.sitesEnabled, image: images.sitesEnabled, port: ports.sitesEnabled });
      await start(admin, { name: names.htmlRoot, image: images.htmlRoot, port: ports.htmlRoot });
      await start(admin, { name: names.htmlRootDebian, image: images.htmlRootDebian, port: ports.htmlRootDebian });
      const staleContainer = await start(admin, { name: names.stale, image: images.stale, port: ports.stale });
      staleFirstId = (await staleContainer.inspect()).Image;
      await start(admin, { name: names.leftover, image: OFFICIAL_LAYOUT, port: ports.leftover });
      await start(admin, { name: names.workshop, image: images.workshop, port: ports.workshop });
      await start(admin, {
        name: names.workshopShared,
        image: images.workshop,
        port: ports.workshopShared,
        mounts: [{ Type: 'tmpfs', Source: '', Target: '/app' }],
      });
      await start(admin, { name: names.composeHost, image: images.composeHost });
      // The apps share their nginx's network namespace, as containers of an awsvpc task share localhost.
      await start(admin, {
        name: names.referenceApp,
        image: WEB_IMAGE,
        cmd: appCmd,
        networkMode: `container:${names.reference}`,
      });
      await start(admin, {
        name: names.defaultConfApp,
        image: WEB_IMAGE,
        cmd: appCmd,
        networkMode: `container:${names.defaultConf}`,
      });
      await buildStudentImage(
        admin,
        student(
          images.stale,
          OFFICIAL_LAYOUT,
          ['WORKDIR /etc/nginx/', 'RUN rm /etc/nginx/conf.d/default.conf', 'COPY nginx.conf /etc/nginx/conf.d/'],
          [{ name: 'nginx.conf', content: localhostSite(APP_PORT) }],
        ),
      );
      // E: started after the leftover holds the port, so it stays `created`.
      await start(admin, { name: names.blocked, image: images.reference, port: ports.leftover });

      await waitFor(
        'the nginx containers to answer',
        async () => {
          const answers = await Promise.all([ports.reference, ports.stock, ports.workshop].map((p) => page(p ?? 0)));
          return (
            answers[0]?.includes('Study app') &&
            answers[1]?.includes('Welcome to nginx') &&
            answers[2]?.startsWith('502')
          );
        },
        20_000,
        200,
      );
      await waitFor('the compose-host nginx to exit', async () => {
        const state = await admin.getContainer(names.composeHost).inspect();
        return state.State.Status === 'exited';
      });
      docker = new DockerService(
        loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST, DOCKHAND_DB: ':memory:', LOG_LEVEL: 'silent' }).docker,
        log,
      );
    });

    afterAll(async () => {
      const admin = adminDocker();
      await Promise.all(containers.map((c) => c.remove({ force: true }).catch(() => undefined)));
      const ids = [staleFirstId, ...Object.values(images)].filter(Boolean);
      await Promise.all(
        ids.map((id) =>
          admin
            .getImage(id)
            .remove({ force: true })
            .catch(() => undefined),
        ),
      );
    });

    const diagnosed = async (target: string, locale: Locale = 'ko'): Promise<Finding[]> =>
      diagnoseNginx(await gatherNginxFacts(docker, target), translator(locale), knowledge);
    const codes = (findings: Finding[]) => findings.map((f) => f.code);
    const finding = (findings: Finding[], code: string): Finding => {
      const found = findings.find((f) => f.code === code);
      if (!found) throw new Error(`no ${code} in ${JSON.stringify(findings, null, 1)}`);
      return found;
    };
    const nginxCodes = (findings: Finding[]) => codes(findings).filter((c) => c.startsWith('nginx-'));

    it('the working reference (nginx proxying to an app on the shared localhost) gets no nginx-* code', async () => {
      expect(await page(port('reference'), 'ecs-alb.example')).toContain('Study app');
      const findings = await diagnosed(names.reference);
      expect(nginxCodes(findings)).toEqual([]);
      expect(findings).toEqual([]);
    });

    it('A: the stock image under an ECR-like name: nginx-stock-image with the history and config that show it', async () => {
      const findings = await diagnosed(names.stock);
      expect(codes(findings)).toEqual(['nginx-stock-image', 'nginx-default-page']);
      const stock = finding(findings, 'nginx-stock-image');
      expect(stock.severity).toBe('error');
      const evidence = stock.evidence.join('\n');
      expect(evidence).toContain(`Config.Image=${images.ecrStock}`);
      expect(evidence).toContain('Config.WorkingDir=""');
      expect(evidence).toMatch(/CMD \["nginx" "-g" "daemon off;"\]/);
      expect(evidence).toContain('/etc/nginx/conf.d/default.conf:1 server { listen 80; server_name localhost; }');
      expect(evidence).toContain('Getting the checksum of /etc/nginx/conf.d/default.conf');
      expect(stock.next).toContain('.dkr.ecr.');
      expect(stock.refs[0]).toBe('troubleshooting/nginx-default-page#stock-image');
      const shown = finding(findings, 'nginx-default-page').evidence.join('\n');
      expect(shown).toMatch(/Host: localhost\) → HTTP 200 "Welcome to nginx!"/);
      expect(shown).toMatch(/Host: ecs-alb\.example\) → HTTP 200 "Welcome to nginx!"/);
    });

    it('B: default.conf left in place takes Host: localhost; other names reach the app', async () => {
      expect(await page(port('defaultConf'), 'ecs-alb.example')).toContain('Study app');
      expect(await page(port('defaultConf'), 'localhost')).toContain('Welcome to nginx');
      const findings = await diagnosed(names.defaultConf);
      expect(codes(findings).sort()).toEqual(['nginx-default-conf-present', 'nginx-default-page']);
      const present = finding(findings, 'nginx-default-conf-present');
      // Only Host: localhost is taken, but the probe saw it: the cause of the page in front of the member.
      expect(present.severity).toBe('error');
      const evidence = present.evidence.join('\n');
      expect(evidence).toContain('/etc/nginx/conf.d/default.conf:1 server { listen 80; server_name localhost; }');
      expect(evidence).toContain(
        '/etc/nginx/conf.d/nginx.conf:1 server { listen 80 default_server; server_name larva.example; }',
      );
      expect(evidence).toContain('Host: localhost (포트 80) → /etc/nginx/conf.d/default.conf:1');
      expect(evidence).toContain('`rm /etc/nginx/conf.d/default.conf`');
      expect(present.next).toContain('RUN rm /etc/nginx/conf.d/default.conf');
      const shown = finding(findings, 'nginx-default-page');
      expect(shown.title).toContain('Host: localhost');
      expect(shown.evidence.join('\n')).toContain('Host: localhost → /etc/nginx/conf.d/default.conf:1');
    });

    it('C: a site copied to sites-enabled/ of an official-layout image is never read', async () => {
      const findings = await diagnosed(names.sitesEnabled);
      expect(codes(findings)).toEqual(['nginx-conf-not-included', 'nginx-default-page']);
      const ignored = finding(findings, 'nginx-conf-not-included');
      expect(ignored.severity).toBe('error');
      const evidence = ignored.evidence.join('\n');
      expect(evidence).toContain('/etc/nginx/sites-enabled/app.conf:1 server {');
      expect(evidence).toContain('/etc/nginx/nginx.conf:19 include /etc/nginx/conf.d/*.conf;');
      expect(evidence).toMatch(/COPY (?:app\.conf|file:[0-9a-f]+ in) \/etc\/nginx\/sites-enabled\/app\.conf/);
      expect(ignored.next).toContain('COPY app.conf /etc/nginx/conf.d/app.conf');
    });

    it('C′: html copied to /var/www/html while the official layout serves /usr/share/nginx/html', async () => {
      const findings = await diagnosed(names.htmlRoot);
      expect(codes(findings)).toEqual(['nginx-html-wrong-root', 'nginx-default-page']);
      const wrong = finding(findings, 'nginx-html-wrong-root');
      expect(wrong.severity).toBe('error');
      const evidence = wrong.evidence.join('\n');
      expect(evidence).toMatch(/COPY (?:index\.html|file:[0-9a-f]+ in) \/var\/www\/html\/index\.html/);
      expect(evidence).toContain('/etc/nginx/conf.d/default.conf:6 root /usr/share/nginx/html;');
      expect(evidence).toContain('/usr/share/nginx/html/index.html: "Welcome to nginx!" 기본 페이지');
      expect(wrong.next).toContain('COPY index.html /usr/share/nginx/html/');
    });

    it('C′ the other way: html copied to /usr/share/nginx/html while a Debian nginx serves /var/www/html', async () => {
      const findings = await diagnosed(names.htmlRootDebian, 'en');
      expect(codes(findings)).toEqual(['nginx-html-wrong-root', 'nginx-default-page']);
      const evidence = finding(findings, 'nginx-html-wrong-root').evidence.join('\n');
      // sites-enabled/default is a symlink to sites-available/default: read through it.
      expect(evidence).toContain('/etc/nginx/sites-enabled/default:4 root /var/www/html;');
      expect(evidence).toContain('/var/www/html/index.nginx-debian.html: the "Welcome to nginx!" page');
    });

    it('D: the container runs the first build while the tag has moved on', async () => {
      const findings = await diagnosed(names.stale);
      expect(codes(findings)).toContain('image-stale');
      const stale = finding(findings, 'image-stale');
      expect(stale.severity).toBe('error');
      expect(stale.evidence.join('\n')).toContain(staleFirstId.replace('sha256:', '').slice(0, 12));
      expect(stale.next).toContain(`docker rm -f ${names.stale}`);
    });

    it('E: the container could not get its port; the leftover stock nginx answers it', async () => {
      const findings = await diagnosed(names.blocked);
      expect(codes(findings)).toEqual(['host-port-taken-by-other', 'nginx-default-page']);
      const taken = finding(findings, 'host-port-taken-by-other');
      expect(taken.title).toContain(names.leftover);
      expect(taken.evidence.join('\n')).toMatch(/port is already allocated/);
      expect(taken.next).toContain(`docker rm -f ${names.leftover}`);
      expect(finding(findings, 'nginx-default-page').title).toContain(names.leftover);
    });

    it('E by host port: the container that answers, and the one that wanted the port', async () => {
      const findings = await diagnosed(String(ports.leftover));
      expect(codes(findings)).toEqual(['nginx-stock-image', 'host-port-taken-by-other', 'nginx-default-page']);
      expect(finding(findings, 'host-port-taken-by-other').detail).toContain(names.blocked);
    });

    it('F: the workshop image alone: the gunicorn socket is not shared (502)', async () => {
      const findings = await diagnosed(names.workshop);
      expect(codes(findings)).toEqual(['nginx-upstream-socket-missing']);
      const missing = finding(findings, 'nginx-upstream-socket-missing');
      expect(missing.severity).toBe('error');
      const evidence = missing.evidence.join('\n');
      expect(evidence).toContain('/etc/nginx/conf.d/nginx.conf:3 server unix:/app/run/gunicorn.sock fail_timeout=0;');
      expect(evidence).toMatch(
        /connect\(\) to unix:\/app\/run\/gunicorn\.sock failed \(2: No such file or directory\)/,
      );
      expect(evidence).toMatch(/→ HTTP 502/);
      expect(missing.next).toContain('"volumesFrom": [{"sourceContainer": "django"}]');
    });

    it('F with the volume shared but no gunicorn: a warning about the socket, not the volume', async () => {
      await page(port('workshopShared'));
      await waitFor('nginx to log the failed connect', async () =>
        (await adminDocker().getContainer(names.workshopShared).logs({ stdout: true, stderr: true }))
          .toString()
          .includes('connect() to unix'),
      );
      const findings = await diagnosed(names.workshopShared);
      expect(codes(findings)).toEqual(['nginx-upstream-socket-missing']);
      expect(finding(findings, 'nginx-upstream-socket-missing').severity).toBe('warning');
    });

    it('G: a compose service name in proxy_pass stops nginx at start', async () => {
      const findings = await diagnosed(names.composeHost);
      expect(codes(findings)).toEqual(['nginx-upstream-unresolvable']);
      const unresolvable = finding(findings, 'nginx-upstream-unresolvable');
      const evidence = unresolvable.evidence.join('\n');
      expect(evidence).toMatch(/host not found in upstream "django(?::8000)?" in \/etc\/nginx\/conf\.d\/app\.conf:6/);
      expect(evidence).toContain('/etc/nginx/conf.d/app.conf:6 proxy_pass http://django:8000;');
      expect(unresolvable.next).toContain('proxy_pass http://localhost:8000;');
    });

    it('every finding names a stable code and links a playbook section that exists', async () => {
      const all = (await Promise.all(Object.values(names).map((n) => diagnosed(n).catch(() => [])))).flat();
      for (const f of all) {
        expect([...NGINX_PATH_CODES]).toContain(f.code);
        expect(f.refs.length).toBeGreaterThan(0);
        for (const ref of f.refs) expect(knowledge.section(ref), ref).toBeDefined();
      }
    });

    it('reads only what it was granted, and revokes the grant', async () => {
      const container = await docker.container(names.reference);
      expect(docker.archive.allows(container.Id, '/etc/nginx')).toBe(false);
      // Without a grant the service's own guarded client refuses the read before a byte is sent.
      await expect(docker.readArchive(container, '/etc/nginx', CONF_LIMITS)).rejects.toThrow(/read-only/);
    });

    it('CLI: ecs <container> --json prints {target, findings} with the contract fields', async () => {
      const result = await run('npm', ['run', '-s', 'cli', '--', 'ecs', names.workshop, '--json'], {
        env: { DOCKHAND_DB: ':memory:', LOG_LEVEL: 'silent', DISCORD_TOKEN: '' },
        timeoutMs: 60_000,
      });
      expect(result.code).toBe(0);
      const body = JSON.parse(result.stdout) as { target: string; findings: Array<Record<string, unknown>> };
      expect(Object.keys(body).sort()).toEqual(['findings', 'target']);
      expect(body.target).toBe(names.workshop);
      expect(body.findings.map((f) => f.code)).toEqual(['nginx-upstream-socket-missing']);
      for (const f of body.findings) {
        expect(Object.keys(f).sort()).toEqual(['code', 'detail', 'evidence', 'next', 'refs', 'severity', 'title']);
        expect(['error', 'warning', 'info']).toContain(f.severity);
      }
    });
  },
);
