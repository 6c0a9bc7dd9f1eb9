import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import type Dockerode from 'dockerode';
import { BUSYBOX_IMAGE, buildImage, ensureBusyboxImage, type ContextFile } from './images.ts';
import { TEST_LABELS } from './scenarios.ts';

/**
 * nginx images for the "why does my page show Welcome to nginx!" scenarios. No registry is
 * reachable, so the bases are built from Debian's nginx binary (nginx-light), the libraries
 * `ldd` lists, mime.types and the stock pages, on top of the busybox test image (itself
 * FROM scratch) so student Dockerfiles can `RUN rm …` like the workshop's does.
 *
 * - OFFICIAL_LAYOUT: the official image's layout: nginx.conf includes /etc/nginx/conf.d/*.conf,
 *   conf.d/default.conf serves the Welcome page from /usr/share/nginx/html, user nginx, logs to
 *   stdout/stderr, an entrypoint that logs about default.conf as the official one does, and the
 *   official image's last instruction, `CMD ["nginx", "-g", "daemon off;"]`.
 * - DEBIAN_LAYOUT: an apt-installed nginx: sites-enabled/default → sites-available/default,
 *   serving /var/www/html (index.nginx-debian.html), user www-data.
 *
 * Student images (one per cause A–G, and a working reference) are built on these in the tests.
 */
export const OFFICIAL_LAYOUT = 'dockhand-test/nginx-official:1';
export const DEBIAN_LAYOUT = 'dockhand-test/nginx-debian:1';

const NGINX_BINARY = '/usr/sbin/nginx';
const WELCOME_PAGE = '/usr/share/nginx/html/index.html';
const DEBIAN_WELCOME_PAGE = '/var/www/html/index.nginx-debian.html';
const MIME_TYPES = '/etc/nginx/mime.types';

/** Why the nginx fixtures cannot be built here, or undefined when they can. */
export function nginxUnavailable(): string | undefined {
  const missing = [NGINX_BINARY, WELCOME_PAGE, MIME_TYPES].filter((p) => !existsSync(p));
  return missing.length ? `nginx-light is not installed (missing ${missing.join(', ')})` : undefined;
}

export const OFFICIAL_NGINX_CONF = `user  nginx;
worker_processes  1;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  64;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    access_log  /var/log/nginx/access.log;
    sendfile        on;
    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const OFFICIAL_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const DEBIAN_NGINX_CONF = `user www-data;
worker_processes 1;
pid /run/nginx.pid;
error_log /var/log/nginx/error.log;
include /etc/nginx/modules-enabled/*.conf;

events {
\tworker_connections 64;
}

http {
\tsendfile on;
\tinclude /etc/nginx/mime.types;
\tdefault_type application/octet-stream;
\taccess_log /var/log/nginx/access.log;

\tinclude /etc/nginx/conf.d/*.conf;
\tinclude /etc/nginx/sites-enabled/*;
}
`;

const DEBIAN_DEFAULT_SITE = `server {
\tlisten 80 default_server;

\troot /var/www/html;
\tindex index.html index.htm index.nginx-debian.html;

\tserver_name _;

\tlocation / {
\t\ttry_files $uri $uri/ =404;
\t}
}
`;

/** Logs what the official entrypoint logs about default.conf, then runs the command (no shell tricks beyond that). */
const ENTRYPOINT = `#!/bin/sh
set -e
if [ "$1" = "nginx" ]; then
  echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"
  if [ -f /etc/nginx/conf.d/default.conf ]; then
    echo "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"
  else
    echo "10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf is not a file or does not exist"
  fi
  echo "/docker-entrypoint.sh: Configuration complete; ready for start up"
fi
exec "$@"
`;

/** The nginx binary and its libraries under `rootfs/`. */
function nginxFiles(): ContextFile[] {
  const files: ContextFile[] = [{ name: 'rootfs/usr/sbin/nginx', content: readFileSync(NGINX_BINARY), mode: 0o755 }];
  const output = execFileSync('ldd', [NGINX_BINARY], { encoding: 'utf8' });
  for (const library of [...output.matchAll(/(\/\S+)\s+\(0x/g)].map((m) => m[1] ?? '')) {
    if (library && existsSync(library))
      files.push({ name: `rootfs${library}`, content: readFileSync(realpathSync(library)), mode: 0o755 });
  }
  return files;
}

/** Folders nginx needs at start; `.keep` makes COPY create them. */
function folders(paths: string[]): ContextFile[] {
  return paths.map((dir) => ({ name: `rootfs${dir}/.keep`, content: '' }));
}

/** glibc reads /etc/hosts first only when nsswitch says so: `localhost` must never go to DNS. */
const NSSWITCH = 'hosts: files dns\n';

let official: Promise<void> | undefined;
let debian: Promise<void> | undefined;

async function exists(docker: Dockerode, tag: string): Promise<boolean> {
  return docker
    .getImage(tag)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

export function ensureOfficialLayout(docker: Dockerode): Promise<void> {
  official ??= (async () => {
    await ensureBusyboxImage(docker);
    if (await exists(docker, OFFICIAL_LAYOUT)) return;
    await buildImage(
      docker,
      OFFICIAL_LAYOUT,
      [
        ...nginxFiles(),
        { name: 'rootfs/etc/nginx/nginx.conf', content: OFFICIAL_NGINX_CONF },
        { name: 'rootfs/etc/nginx/conf.d/default.conf', content: OFFICIAL_DEFAULT_CONF },
        { name: 'rootfs/etc/nginx/mime.types', content: readFileSync(MIME_TYPES) },
        { name: 'rootfs/usr/share/nginx/html/index.html', content: readFileSync(WELCOME_PAGE) },
        {
          name: 'rootfs/usr/share/nginx/html/50x.html',
          content:
            '<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>An error occurred.</h1></body></html>\n',
        },
        {
          name: 'rootfs/etc/passwd',
          content: 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n',
        },
        { name: 'rootfs/etc/group', content: 'root:x:0:\nnginx:x:101:\n' },
        { name: 'rootfs/etc/nsswitch.conf', content: NSSWITCH },
        { name: 'rootfs/docker-entrypoint.sh', content: ENTRYPOINT, mode: 0o755 },
        ...folders(['/var/lib/nginx', '/var/log/nginx', '/var/cache/nginx', '/var/run', '/etc/nginx/conf.d']),
        {
          name: 'Dockerfile',
          content: [
            `FROM ${BUSYBOX_IMAGE}`,
            'COPY rootfs/ /',
            'RUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log',
            'ENV PATH=/usr/sbin:/bin',
            'ENTRYPOINT ["/docker-entrypoint.sh"]',
            'EXPOSE 80',
            'STOPSIGNAL SIGQUIT',
            'CMD ["nginx", "-g", "daemon off;"]',
          ].join('\n'),
        },
      ],
      TEST_LABELS,
    );
  })();
  return official;
}

export function ensureDebianLayout(docker: Dockerode): Promise<void> {
  debian ??= (async () => {
    await ensureBusyboxImage(docker);
    if (await exists(docker, DEBIAN_LAYOUT)) return;
    const page = existsSync(DEBIAN_WELCOME_PAGE) ? DEBIAN_WELCOME_PAGE : WELCOME_PAGE;
    await buildImage(
      docker,
      DEBIAN_LAYOUT,
      [
        ...nginxFiles(),
        { name: 'rootfs/etc/nginx/nginx.conf', content: DEBIAN_NGINX_CONF },
        { name: 'rootfs/etc/nginx/sites-available/default', content: DEBIAN_DEFAULT_SITE },
        { name: 'rootfs/etc/nginx/mime.types', content: readFileSync(MIME_TYPES) },
        { name: 'rootfs/var/www/html/index.nginx-debian.html', content: readFileSync(page) },
        {
          name: 'rootfs/etc/passwd',
          content: 'root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n',
        },
        { name: 'rootfs/etc/group', content: 'root:x:0:\nwww-data:x:33:\n' },
        { name: 'rootfs/etc/nsswitch.conf', content: NSSWITCH },
        ...folders([
          '/var/lib/nginx',
          '/var/log/nginx',
          '/run',
          '/etc/nginx/conf.d',
          '/etc/nginx/modules-enabled',
          '/etc/nginx/sites-enabled',
        ]),
        {
          name: 'Dockerfile',
          content: [
            `FROM ${BUSYBOX_IMAGE}`,
            'COPY rootfs/ /',
            'RUN ln -s /etc/nginx/sites-available/default /etc/nginx/sites-enabled/default && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log',
            'ENV PATH=/usr/sbin:/bin',
            'EXPOSE 80',
            'CMD ["nginx", "-g", "daemon off;"]',
          ].join('\n'),
        },
      ],
      TEST_LABELS,
    );
  })();
  return debian;
}

/** A student image: a Dockerfile (its FROM one of the bases) and the files it copies. */
export interface StudentImage {
  tag: string;
  dockerfile: string[];
  files?: ContextFile[];
}

export async function buildStudentImage(docker: Dockerode, image: StudentImage): Promise<void> {
  await buildImage(
    docker,
    image.tag,
    [...(image.files ?? []), { name: 'Dockerfile', content: image.dockerfile.join('\n') }],
    TEST_LABELS,
  );
}

/** The workshop's shape of site: an upstream on gunicorn's unix socket, `/` proxied to it, `/static/` from a volume. */
export const SOCKET_SITE = `upstream app_server {
    # gunicorn binds this socket in the Django container
    server unix:/app/run/gunicorn.sock fail_timeout=0;
}

server {
    listen 80 default_server;
    server_name larva.example;

    location /static/ {
        alias /app/static_root/;
    }

    location / {
        proxy_set_header Host $http_host;
        proxy_redirect off;
        if (!-f $request_filename) {
            proxy_pass http://app_server;
            break;
        }
    }
}
`;

/** A site proxying `/` to an app on the task's shared localhost (ECS awsvpc style). */
export function localhostSite(port: number, options: { defaultServer?: boolean; serverName?: string } = {}): string {
  return `server {
    listen 80${options.defaultServer === false ? '' : ' default_server'};
    server_name ${options.serverName ?? '_'};

    location / {
        proxy_pass http://localhost:${port};
        proxy_set_header Host $host;
    }
}
`;
}

/** A site proxying to a compose service name, as docker-compose.yml setups do. */
export function composeHostSite(host: string, port: number): string {
  return `server {
    listen 80 default_server;
    server_name _;

    location / {
        proxy_pass http://${host}:${port};
    }
}
`;
}
