import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directiveText, parseConf, walk } from '../../src/diagnostics/nginx/conf-parser.ts';
import { globMatches, loadConfTree } from '../../src/diagnostics/nginx/conf-tree.ts';
import {
  defaultServerFor,
  httpModel,
  httpModelOf,
  servedAtRoot,
  servedFolders,
  serverFor,
  unixSockets,
  upstreamHosts,
} from '../../src/diagnostics/nginx/servers.ts';
import { OFFICIAL_DEFAULT_CONF, OFFICIAL_NGINX_CONF, SOCKET_SITE } from '../support/nginx-images.ts';

describe('nginx config parser', () => {
  it('reads directives, blocks, comments and quoted strings with their lines', () => {
    const text = [
      '# a comment { not a block }',
      'user  nginx;',
      'http {',
      '    log_format main \'$remote_addr - "$request"\';  # trailing comment',
      '    server {',
      '        listen 80 default_server;',
      '        server_name "my site" _;',
      '        add_header X-Thing "a;b{c}";',
      '        location / { root /srv/www; }',
      '    }',
      '}',
    ].join('\n');
    const parsed = parseConf(text, '/etc/nginx/nginx.conf');
    expect(parsed.problems).toEqual([]);
    const all = [...walk(parsed.directives)].map(({ directive: d, parents }) => [
      parents.map((p) => p.name).join('>'),
      d.line,
      d.name,
      d.args,
    ]);
    expect(all).toEqual([
      ['', 2, 'user', ['nginx']],
      ['', 3, 'http', []],
      ['http', 4, 'log_format', ['main', '$remote_addr - "$request"']],
      ['http', 5, 'server', []],
      ['http>server', 6, 'listen', ['80', 'default_server']],
      ['http>server', 7, 'server_name', ['my site', '_']],
      ['http>server', 8, 'add_header', ['X-Thing', 'a;b{c}']],
      ['http>server', 9, 'location', ['/']],
      ['http>server>location', 9, 'root', ['/srv/www']],
    ]);
    const serverName = [...walk(parsed.directives)].find(({ directive }) => directive.name === 'server_name');
    expect(serverName && directiveText(serverName.directive)).toBe('server_name "my site" _;');
  });

  it('keeps ${var} braces inside a word and # inside a word', () => {
    const parsed = parseConf('set $x "${host}a";\nreturn 200 ${scheme}://a#b;\n', 'f');
    expect(parsed.problems).toEqual([]);
    expect(parsed.directives.map((d) => d.args)).toEqual([
      ['$x', '${host}a'],
      ['200', '${scheme}://a#b'],
    ]);
  });

  it('reads the workshop shape of site: upstream on a unix socket, proxy_pass inside if', () => {
    const model = httpModelOf(parseConf(SOCKET_SITE, '/etc/nginx/conf.d/nginx.conf').directives, '/etc/nginx');
    expect(unixSockets(model).map((s) => [s.path, s.at.line])).toEqual([['/app/run/gunicorn.sock', 3]]);
    expect(upstreamHosts(model)).toEqual([]);
    const [server] = model.servers;
    if (!server) throw new Error('no server');
    expect(server.names).toEqual(['larva.example']);
    expect(servedAtRoot(model, server)).toMatchObject({ kind: 'proxy', target: 'http://app_server' });
    expect(servedFolders(model).map((f) => f.path)).toEqual(['/app/static_root']);
  });

  it('names the line of every syntax problem and keeps reading', () => {
    const parsed = parseConf('server {\n  listen 80\n}\nhttp {\n  root "/x;\n', 'bad.conf');
    expect(parsed.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'directive "listen" is not terminated by ";"'],
      [4, 'unexpected end of file, expecting "}"'],
      [5, 'unexpected end of file in a quoted string'],
      [5, 'directive "root" is not terminated by ";"'],
    ]);
    expect(parsed.directives.map((d) => d.name)).toEqual(['server', 'http']);
    expect(parseConf('}\n;', 'x').problems.map((p) => p.message)).toEqual(['unexpected "}"', 'unexpected ";"']);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', ';', '{', '}', '"', "'", '\\', '#', '\n', '$') }),
        (text) => {
          const parsed = parseConf(text, 'x');
          for (const { directive } of walk(parsed.directives)) expect(directive.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('includes', () => {
  const files = new Map([
    ['/etc/nginx/nginx.conf', OFFICIAL_NGINX_CONF],
    ['/etc/nginx/mime.types', 'types { text/html html; }\n'],
    ['/etc/nginx/conf.d/default.conf', OFFICIAL_DEFAULT_CONF],
    [
      '/etc/nginx/conf.d/app.conf',
      'server { listen 80 default_server; location / { proxy_pass http://localhost:8000; } }\n',
    ],
    ['/etc/nginx/conf.d/app', 'server { listen 81; }\n'],
    ['/etc/nginx/sites-enabled/site.conf', 'server { listen 82; }\n'],
  ]);

  it('expands globs in byte order against the files read, relative to the config folder', () => {
    const tree = loadConfTree(files);
    expect(tree.included).toEqual([
      '/etc/nginx/nginx.conf',
      '/etc/nginx/mime.types',
      '/etc/nginx/conf.d/app.conf',
      '/etc/nginx/conf.d/default.conf',
    ]);
    expect(tree.unresolved).toEqual([]);
    const model = httpModel(tree, '/etc/nginx');
    expect(model.servers.map((s) => `${s.at.file}:${s.at.line}`)).toEqual([
      '/etc/nginx/conf.d/app.conf:1',
      '/etc/nginx/conf.d/default.conf:1',
    ]);
    expect(tree.includedBy.get('/etc/nginx/conf.d/app.conf')?.line).toBe(19);
  });

  it('reports a plain include that names no file, and stops on cycles', () => {
    const tree = loadConfTree(
      new Map([
        ['/etc/nginx/nginx.conf', 'include snippets/missing.conf;\ninclude loop.conf;\n'],
        ['/etc/nginx/loop.conf', 'include /etc/nginx/nginx.conf;\ninclude loop.conf;\n'],
      ]),
    );
    expect(tree.unresolved.map((u) => u.pattern)).toEqual(['snippets/missing.conf']);
    expect(tree.included).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/loop.conf']);
  });

  it('matches globs like glob(3): no crossing of /, no hidden files, classes', () => {
    expect(globMatches('/etc/nginx/conf.d/*.conf', '/etc/nginx/conf.d/a.conf')).toBe(true);
    expect(globMatches('/etc/nginx/conf.d/*.conf', '/etc/nginx/conf.d/sub/a.conf')).toBe(false);
    expect(globMatches('/etc/nginx/conf.d/*.conf', '/etc/nginx/conf.d/.hidden.conf')).toBe(false);
    expect(globMatches('/etc/nginx/sites-enabled/*', '/etc/nginx/sites-enabled/default')).toBe(true);
    expect(globMatches('/etc/nginx/conf.d/[ab]?.conf', '/etc/nginx/conf.d/b1.conf')).toBe(true);
    expect(globMatches('/etc/nginx/conf.d/[!ab]*.conf', '/etc/nginx/conf.d/b1.conf')).toBe(false);
  });
});

describe('server selection', () => {
  const model = httpModelOf(
    parseConf(
      [
        'server { listen 80; server_name localhost; root /usr/share/nginx/html; }',
        'server { listen 80 default_server; server_name _; location / { proxy_pass http://django:8000; } }',
        'server { listen 80; server_name *.example.com; }',
        'server { listen 80; server_name ~^api\\d+\\.test$; }',
        'server { listen 8080; }',
      ].join('\n'),
      'site.conf',
    ).directives,
    '/etc/nginx',
  );
  const line = (host: string, port = 80) => serverFor(model, port, host)?.at.line;
  const server = (i: number) => {
    const found = model.servers[i];
    if (!found) throw new Error(`no server ${i}`);
    return found;
  };

  it('picks an exact name, then wildcards, then regexes, then the default_server', () => {
    expect(line('localhost')).toBe(1);
    expect(line('LOCALHOST:8080')).toBe(1);
    expect(line('www.example.com')).toBe(3);
    expect(line('api7.test')).toBe(4);
    expect(line('ecs-alb.example')).toBe(2);
    expect(line('x', 8080)).toBe(5);
    expect(line('x', 443)).toBeUndefined();
  });

  it('without default_server, the first server read on the port answers', () => {
    const plain = httpModelOf(
      parseConf('server { listen 80; server_name a; }\nserver { listen 80; }', 'x').directives,
      '/',
    );
    expect(defaultServerFor(plain, 80)?.at.line).toBe(1);
  });

  it('says what / gets: the proxy target, or the root and index', () => {
    expect(servedAtRoot(model, server(1))).toMatchObject({ kind: 'proxy', target: 'http://django:8000' });
    expect(servedAtRoot(model, server(0))).toMatchObject({
      kind: 'static',
      root: '/usr/share/nginx/html',
      index: ['index.html'],
    });
    expect(servedAtRoot(model, server(4))).toMatchObject({ kind: 'static', root: '/etc/nginx/html' });
    expect(upstreamHosts(model).map((h) => [h.host, h.port])).toEqual([['django', 8000]]);
  });
});
