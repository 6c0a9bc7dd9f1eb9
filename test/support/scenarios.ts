import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type Dockerode from 'dockerode';
import { group } from '../../src/core/text.ts';
import { BUSYBOX_IMAGE, buildImage, ensureBusyboxImage, type ContextFile } from './images.ts';

export const TEST_LABELS = { 'dockhand.test': '1' };

/** A TCP port free on 127.0.0.1 right now (for `-p 127.0.0.1:<port>:…`). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until `check` returns a value, or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface ScenarioSpec {
  name: string;
  image?: string;
  cmd?: string[];
  env?: string[];
  tty?: boolean;
  labels?: Record<string, string>;
  /** Container port (e.g. '8080/tcp') → host port, published on 127.0.0.1 only. */
  publish?: Record<string, number>;
  memoryBytes?: number;
  restart?: 'always' | 'no';
}

/**
 * Creates and starts a labelled scenario container. A start that fails (port taken,
 * command not found) is part of some scenarios: the container stays, in `created` state.
 */
export async function startScenario(docker: Dockerode, spec: ScenarioSpec): Promise<Dockerode.Container> {
  const portBindings = Object.fromEntries(
    Object.entries(spec.publish ?? {}).map(([port, host]) => [port, [{ HostIp: '127.0.0.1', HostPort: String(host) }]]),
  );
  const container = await docker.createContainer({
    name: spec.name,
    Image: spec.image ?? BUSYBOX_IMAGE,
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    Env: spec.env ?? [],
    Tty: spec.tty ?? false,
    Labels: { ...TEST_LABELS, ...spec.labels },
    ExposedPorts: Object.fromEntries(Object.keys(spec.publish ?? {}).map((p) => [p, {}])),
    HostConfig: {
      PortBindings: portBindings,
      ...(spec.memoryBytes ? { Memory: spec.memoryBytes, MemorySwap: spec.memoryBytes } : {}),
      ...(spec.restart ? { RestartPolicy: { Name: spec.restart } } : {}),
    },
  });
  await container.start().catch(() => undefined);
  return container;
}

export async function removeAll(containers: Array<Dockerode.Container | undefined>): Promise<void> {
  await Promise.all(
    containers.map(async (c) => {
      await c?.remove({ force: true }).catch(() => undefined);
    }),
  );
}

export async function state(
  container: Dockerode.Container,
): Promise<Dockerode.ContainerInspectInfo['State'] & { RestartCount: number }> {
  const info = await container.inspect();
  return { ...info.State, RestartCount: info.RestartCount };
}

/** busybox httpd on port 80 serving a page, with EXPOSE 80: the study group's "web app". */
export const WEB_IMAGE = 'dockhand-test/web:1';

/** True when the tag exists: scenario images are built once per engine, not once per run. */
async function exists(docker: Dockerode, tag: string): Promise<boolean> {
  return docker
    .getImage(tag)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

export async function ensureWebImage(docker: Dockerode): Promise<void> {
  await ensureBusyboxImage(docker);
  if (await exists(docker, WEB_IMAGE)) return;
  await buildImage(
    docker,
    WEB_IMAGE,
    [
      { name: 'index.html', content: '<h1>Study app</h1>\n' },
      {
        name: 'Dockerfile',
        content: [
          `FROM ${BUSYBOX_IMAGE}`,
          'COPY index.html /www/index.html',
          'EXPOSE 80',
          'CMD ["httpd", "-f", "-p", "80", "-h", "/www"]',
        ].join('\n'),
      },
    ],
    TEST_LABELS,
  );
}

/** An image whose history teaches chapter 4: ADD of a plain file, RUN after RUN, a big `COPY .`. */
export const LESSON_IMAGE = 'dockhand-test/lesson:1';

export async function ensureLessonImage(docker: Dockerode): Promise<void> {
  await ensureBusyboxImage(docker);
  if (await exists(docker, LESSON_IMAGE)) return;
  // Noise does not compress away, so the COPY layer really is this big (seeded: same bytes every build).
  const big = Buffer.alloc(12 * 1024 * 1024);
  let seed = 0x2545f491;
  for (let i = 0; i < big.length; i += 4) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    big.writeUInt32LE(seed, i);
  }
  await buildImage(
    docker,
    LESSON_IMAGE,
    [
      { name: 'app/data.bin', content: big },
      { name: 'app/app.sh', content: '#!/bin/sh\necho app\n', mode: 0o755 },
      { name: 'config.txt', content: 'setting=1\n' },
      {
        name: 'Dockerfile',
        content: [
          `FROM ${BUSYBOX_IMAGE}`,
          'ADD config.txt /etc/app/config.txt',
          'RUN mkdir -p /srv',
          'RUN touch /srv/a',
          'RUN touch /srv/b',
          'COPY app /srv/app',
          'ENV API_TOKEN=lesson-token-value',
          'CMD ["/srv/app/app.sh"]',
        ].join('\n'),
      },
    ],
    TEST_LABELS,
  );
}

/**
 * nginx built FROM scratch out of Debian's nginx-light binary and the libraries `ldd`
 * lists, serving Debian's stock "Welcome to nginx!" page with a minimal nginx.conf.
 * Without nginx on the test machine, busybox httpd serves a copy of the stock page instead.
 */
export const NGINX_IMAGE = 'dockhand-test/nginx:1';

export async function ensureNginxImage(docker: Dockerode): Promise<'nginx' | 'busybox-fallback' | 'existing'> {
  if (await exists(docker, NGINX_IMAGE)) return 'existing';
  const nginx = '/usr/sbin/nginx';
  const page = ['/usr/share/nginx/html/index.html', '/var/www/html/index.nginx-debian.html'].find((p) => existsSync(p));
  if (existsSync(nginx) && page) {
    const files: ContextFile[] = [{ name: 'rootfs/usr/sbin/nginx', content: readFileSync(nginx), mode: 0o755 }];
    for (const library of sharedLibraries(nginx)) {
      files.push({ name: `rootfs${library}`, content: readFileSync(realpathSync(library)), mode: 0o755 });
    }
    files.push(
      { name: 'rootfs/html/index.html', content: readFileSync(page) },
      {
        name: 'rootfs/etc/passwd',
        content: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
      },
      { name: 'rootfs/etc/group', content: 'root:x:0:\nnogroup:x:65534:\n' },
      {
        name: 'rootfs/etc/nginx/nginx.conf',
        content: [
          'daemon off;',
          'user root;',
          'worker_processes 1;',
          'error_log stderr;',
          'pid /run/nginx.pid;',
          'events { worker_connections 64; }',
          'http { access_log off; server { listen 80; root /html; index index.html; } }',
        ].join('\n'),
      },
      ...['var/lib/nginx', 'var/log/nginx', 'run', 'tmp'].map((dir) => ({ name: `rootfs/${dir}/.keep`, content: '' })),
      {
        name: 'Dockerfile',
        content: ['FROM scratch', 'COPY rootfs/ /', 'EXPOSE 80', 'CMD ["/usr/sbin/nginx"]'].join('\n'),
      },
    );
    await buildImage(docker, NGINX_IMAGE, files, TEST_LABELS);
    return 'nginx';
  }
  await ensureBusyboxImage(docker);
  await buildImage(
    docker,
    NGINX_IMAGE,
    [
      {
        name: 'index.html',
        content:
          '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to ' +
          'nginx!</h1><p>If you see this page, the nginx web server is successfully installed and ' +
          'working.</p></body></html>\n',
      },
      {
        name: 'Dockerfile',
        content: [
          `FROM ${BUSYBOX_IMAGE}`,
          'COPY index.html /html/index.html',
          'EXPOSE 80',
          'CMD ["httpd", "-f", "-p", "80", "-h", "/html"]',
        ].join('\n'),
      },
    ],
    TEST_LABELS,
  );
  return 'busybox-fallback';
}

/** The absolute paths of the shared libraries a binary loads (including the dynamic loader). */
function sharedLibraries(binary: string): string[] {
  const output = execFileSync('ldd', [binary], { encoding: 'utf8' });
  return [...output.matchAll(/(\/\S+)\s+\(0x/g)].map((m) => group(m, 1)).filter((p) => existsSync(p));
}
