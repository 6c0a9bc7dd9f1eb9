import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../../src/core/locale.ts';
import type { Finding } from '../../src/diagnostics/finding.ts';
import { copySteps, ownLayers } from '../../src/diagnostics/nginx/analysis.ts';
import { diagnoseNginx } from '../../src/diagnostics/nginx/diagnose.ts';
import type { HostProbe, NginxFacts } from '../../src/diagnostics/nginx/facts.ts';
import { hostPortOf, isStockNginxRef, nginxConfOf } from '../../src/diagnostics/nginx/gather.ts';
import type { ArchiveEntry } from '../../src/docker/archive.ts';
import { ContainerInspect } from '../../src/docker/engine-types.ts';
import { toLayers } from '../../src/docker/layers.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { OFFICIAL_DEFAULT_CONF, OFFICIAL_NGINX_CONF, SOCKET_SITE } from '../support/nginx-images.ts';

const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
const WELCOME = '<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>';

/** The official image's history as BuildKit records it, newest first (as the engine answers). */
const OFFICIAL_HISTORY = [
  'CMD ["nginx" "-g" "daemon off;"]',
  'STOPSIGNAL SIGQUIT',
  'EXPOSE map[80/tcp:{}]',
  'ENTRYPOINT ["/docker-entrypoint.sh"]',
  'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
  'RUN /bin/sh -c set -x && addgroup -g 101 -S nginx && mkdir /etc/nginx/conf.d # buildkit',
  '/bin/sh -c #(nop) ADD file:abc in / ',
];

interface Options {
  files?: Record<string, string>;
  /** Own Dockerfile steps after the official image's, oldest first. */
  steps?: string[];
  running?: boolean;
  logs?: string[];
  probes?: Array<Partial<HostProbe> & { body?: string; status?: number }> | undefined;
  mounts?: Array<{ Type: string; Destination: string }>;
  index?: Record<string, string | null>;
  image?: string;
}

function facts(options: Options = {}): NginxFacts {
  const files = options.files ?? {
    '/etc/nginx/nginx.conf': OFFICIAL_NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': OFFICIAL_DEFAULT_CONF,
  };
  const entries: ArchiveEntry[] = Object.entries(files).map(([path, text]) => ({
    path,
    type: 'file',
    size: text.length,
    text,
  }));
  const running = options.running ?? true;
  const container = ContainerInspect.parse({
    Id: 'c0ffee',
    Name: '/web',
    Image: 'sha256:aaa',
    State: { Status: running ? 'running' : 'exited', Running: running, ExitCode: running ? 0 : 1 },
    Config: { Image: options.image ?? 'my-nginx:v1' },
    HostConfig: { NetworkMode: 'bridge' },
    Mounts: options.mounts ?? [],
  });
  const history = [...(options.steps ?? [])].reverse().concat(OFFICIAL_HISTORY);
  return {
    container,
    image: {
      id: 'sha256:aaa',
      repoTags: [options.image ?? 'my-nginx:v1'],
      repoDigests: [],
      created: '',
      workingDir: '',
      labels: {},
    },
    tagImage: { id: 'sha256:aaa', created: '' },
    stockNamedTags: [],
    layers: toLayers(
      history.map((CreatedBy, i) => ({ Id: `l${i}`, Created: 0, CreatedBy, Tags: [], Size: 1, Comment: '' })),
    ),
    logs: (options.logs ?? []).map((text) => ({ stream: 'stderr', text })),
    conf: nginxConfOf(entries),
    indexFiles: new Map(Object.entries(options.index ?? { '/usr/share/nginx/html/index.html': WELCOME })),
    probes: (options.probes ?? []).map((p) => ({
      hostHeader: p.hostHeader ?? 'localhost',
      url: 'http://127.0.0.1:18080/',
      containerPort: 80,
      answeredBy: p.answeredBy ?? 'web',
      result: {
        host: '127.0.0.1',
        port: 18080,
        ms: 2,
        outcome: 'http',
        status: p.status ?? 200,
        body: p.body ?? WELCOME,
      },
    })),
    portHolders: [],
  };
}

const diagnosed = (f: NginxFacts, locale: Locale = 'ko'): Finding[] => diagnoseNginx(f, translator(locale), knowledge);
const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('reading the history', () => {
  it('finds the official base by its last step and resolves COPY destinations against WORKDIR', () => {
    const layers = toLayers(
      [
        ...OFFICIAL_HISTORY.slice().reverse(),
        'WORKDIR /etc/nginx/',
        'RUN /bin/sh -c rm /etc/nginx/conf.d/default.conf # buildkit',
        'COPY nginx.conf conf.d/ # buildkit',
        '/bin/sh -c #(nop) COPY file:0123abcd in /usr/share/nginx/html/index.html ',
        'COPY --chown=nginx:nginx site /var/www/html # buildkit',
      ]
        .reverse()
        .map((CreatedBy, i) => ({ Id: `l${i}`, Created: 0, CreatedBy, Tags: [], Size: 1, Comment: '' })),
    );
    const own = ownLayers(layers);
    expect(own.base?.args).toBe('["nginx" "-g" "daemon off;"]');
    expect(own.layers.map((l) => l.instruction)).toEqual(['WORKDIR', 'RUN', 'COPY', 'COPY', 'COPY']);
    expect(copySteps(own.layers).map((s) => [s.sources.join(' '), s.destination, s.intoFolder])).toEqual([
      ['nginx.conf', '/etc/nginx/conf.d', true],
      ['file:0123abcd', '/usr/share/nginx/html/index.html', false],
      ['site', '/var/www/html', false],
    ]);
  });

  it('knows Docker Hub nginx references and host ports as members type them', () => {
    for (const ref of [
      'nginx',
      'nginx:latest',
      'nginx:1.23.1-alpine',
      'docker.io/library/nginx:1.25',
      'nginx@sha256:abc',
    ])
      expect(isStockNginxRef(ref), ref).toBe(true);
    for (const ref of ['my-nginx', '123.dkr.ecr.us-west-2.amazonaws.com/nginx:latest', 'bitnami/nginx'])
      expect(isStockNginxRef(ref), ref).toBe(false);
    expect([
      hostPortOf('8080'),
      hostPortOf(':80'),
      hostPortOf('127.0.0.1:8080'),
      hostPortOf('web'),
      hostPortOf('70000'),
    ]).toEqual([8080, 80, 8080, undefined, undefined]);
  });
});

describe('nginx path checks', () => {
  it('a stock image that is not running and not published still names the cause, and the page is predicted', () => {
    const found = diagnosed(facts());
    expect(codes(found)).toEqual(['nginx-stock-image', 'nginx-default-page']);
    expect(found[1]?.severity).toBe('warning');
    expect(found[1]?.title).toContain('게시된 포트가 없어');
  });

  it('speaks English to an English caller', () => {
    const found = diagnosed(facts({ probes: [{}] }), 'en');
    expect(found[0]?.title).toBe('`web` runs the stock nginx image, not the one you built');
    expect(found[1]?.title).toBe('Opened as `Host: localhost`, the page is "Welcome to nginx!" instead of the app');
  });

  it('default.conf beside a site without default_server takes every name: an error', () => {
    const found = diagnosed(
      facts({
        files: {
          '/etc/nginx/nginx.conf': OFFICIAL_NGINX_CONF,
          '/etc/nginx/conf.d/default.conf': OFFICIAL_DEFAULT_CONF,
          '/etc/nginx/conf.d/nginx.conf':
            'server {\n  listen 80;\n  location / { proxy_pass http://localhost:8000; }\n}\n',
        },
        steps: ['COPY nginx.conf /etc/nginx/conf.d/ # buildkit'],
      }),
    );
    const present = found.find((f) => f.code === 'nginx-default-conf-present');
    expect(present?.severity).toBe('error');
    expect(present?.evidence).toContain(
      'Host: ecs-alb.example (포트 80) → /etc/nginx/conf.d/default.conf:1 (기본 사이트)',
    );
  });

  it('default.conf beside a default_server site takes only Host: localhost: a warning until a probe sees it', () => {
    const files = {
      '/etc/nginx/nginx.conf': OFFICIAL_NGINX_CONF,
      '/etc/nginx/conf.d/default.conf': OFFICIAL_DEFAULT_CONF,
      '/etc/nginx/conf.d/nginx.conf':
        'server { listen 80 default_server; location / { proxy_pass http://localhost:8000; } }',
    };
    const steps = ['COPY nginx.conf /etc/nginx/conf.d/ # buildkit'];
    const severity = (probes: Options['probes']) =>
      diagnosed(facts({ files, steps, probes })).find((f) => f.code === 'nginx-default-conf-present')?.severity;
    expect(severity([])).toBe('warning');
    expect(severity([{ hostHeader: 'localhost' }, { hostHeader: 'ecs-alb.example', body: '<h1>app</h1>' }])).toBe(
      'error',
    );
  });

  it('a conf.d file without .conf is not included, and the fix keeps its name with .conf', () => {
    const found = diagnosed(
      facts({
        files: {
          '/etc/nginx/nginx.conf': OFFICIAL_NGINX_CONF,
          '/etc/nginx/conf.d/default.conf': OFFICIAL_DEFAULT_CONF,
          '/etc/nginx/conf.d/larva': 'server { listen 80 default_server; }\n',
          '/etc/nginx/conf.d/default.conf.bak': 'server { listen 80; }\n',
        },
        steps: ['COPY larva /etc/nginx/conf.d/larva # buildkit'],
      }),
    );
    expect(codes(found)).toEqual(['nginx-conf-not-included', 'nginx-default-page']);
    expect(found[0]?.next).toContain('COPY larva /etc/nginx/conf.d/larva.conf');
  });

  it('the socket volume shared and no failure logged: nothing to report', () => {
    const workshop = {
      files: { '/etc/nginx/nginx.conf': OFFICIAL_NGINX_CONF, '/etc/nginx/conf.d/nginx.conf': SOCKET_SITE },
      steps: [
        'RUN /bin/sh -c rm /etc/nginx/conf.d/default.conf # buildkit',
        'COPY nginx.conf /etc/nginx/conf.d/ # buildkit',
      ],
    };
    expect(codes(diagnosed(facts({ ...workshop, mounts: [{ Type: 'volume', Destination: '/app' }] })))).toEqual([]);
    const missing = diagnosed(facts(workshop));
    expect(codes(missing)).toEqual(['nginx-upstream-socket-missing']);
    expect(missing[0]?.evidence).toContain('Mounts: 없음 — `/app/run` 폴더를 덮는 볼륨 없음');
  });

  it('a container without /etc/nginx gets no nginx checks', () => {
    const f = facts();
    expect(diagnosed({ ...f, conf: undefined, probes: [] })).toEqual([]);
  });

  it('the stale image is an error when the page is the Welcome page, else a warning', () => {
    const stale = (probes: Options['probes']) => {
      const f = facts({
        probes,
        steps: ['RUN /bin/sh -c rm /etc/nginx/conf.d/default.conf # buildkit'],
        files: {
          '/etc/nginx/nginx.conf': OFFICIAL_NGINX_CONF,
          '/etc/nginx/conf.d/a.conf': 'server { listen 80; root /srv; }',
        },
        index: { '/srv/index.html': '<h1>app</h1>' },
      });
      return diagnosed({ ...f, tagImage: { id: 'sha256:bbb', created: '2024-05-01T12:00:00Z' } });
    };
    expect(stale([{ body: '<h1>app</h1>' }]).map((f) => [f.code, f.severity])).toEqual([['image-stale', 'warning']]);
    expect(stale([{}]).map((f) => [f.code, f.severity])).toEqual([
      ['image-stale', 'error'],
      ['nginx-default-page', 'error'],
    ]);
  });
});
