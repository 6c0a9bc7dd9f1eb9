import { posix } from 'node:path';
import { walk, type Directive } from './conf-parser.ts';
import type { ConfTree } from './conf-tree.ts';

export interface Listen {
  at: Directive;
  port: number;
  defaultServer: boolean;
}

export interface PathDirective {
  at: Directive;
  path: string;
}

export interface Location {
  at: Directive;
  /** `=`, `^~`, `~`, `~*`, or '' for a prefix location. */
  modifier: string;
  pattern: string;
  root?: PathDirective;
  alias?: PathDirective;
  /** proxy_pass anywhere inside the location (also inside `if`). */
  proxyPass?: { at: Directive; target: string };
}

export interface ServerBlock {
  at: Directive;
  listens: Listen[];
  /** server_name values; `['']` when none is set (nginx's default). */
  names: string[];
  root?: PathDirective;
  index: string[];
  locations: Location[];
}

export interface UpstreamServer {
  at: Directive;
  address: string;
  /** The socket path for `unix:/path`. */
  unixPath?: string;
}

export interface Upstream {
  at: Directive;
  name: string;
  servers: UpstreamServer[];
}

/** The http part of a configuration, as the checks need it. */
export interface HttpModel {
  servers: ServerBlock[];
  upstreams: Upstream[];
  /** `root` at the http level, inherited by servers without one. */
  httpRoot?: PathDirective;
  /** The folder relative paths (`root html`) resolve against. */
  prefix: string;
}

/** What a request for `/` gets from a server. */
export type Served =
  | { kind: 'proxy'; location?: Location; target: string; at: Directive }
  | { kind: 'static'; location?: Location; root: string; rootAt?: Directive; index: string[] };

const DEFAULT_PORT = 80;
const DEFAULT_INDEX = ['index.html'];

/**
 * The http servers and upstreams of a loaded configuration. `prefix` is nginx's install
 * prefix, which a relative `root` resolves against (the official image: /etc/nginx;
 * Debian's package: /usr/share/nginx).
 */
export function httpModel(tree: ConfTree, prefix: string): HttpModel {
  return httpModelOf(tree.directives, prefix);
}

/**
 * The http servers and upstreams of a list of directives: the body of its `http` block, or,
 * for a site file without one (what goes in conf.d/), the directives themselves.
 */
export function httpModelOf(directives: Directive[], prefix: string): HttpModel {
  const http = directives.find((d) => d.name === 'http' && d.block);
  const body = http?.block ?? directives;
  const httpRoot = pathOf(body.find((d) => d.name === 'root' && !d.block));
  const servers: ServerBlock[] = [];
  const upstreams: Upstream[] = [];
  for (const directive of body) {
    if (directive.name === 'server' && directive.block) servers.push(serverOf(directive, directive.block));
    if (directive.name === 'upstream' && directive.block) {
      upstreams.push({
        at: directive,
        name: directive.args[0] ?? '',
        servers: directive.block.flatMap((d): UpstreamServer[] => {
          const address = d.args[0];
          if (d.name !== 'server' || !address) return [];
          return [address.startsWith('unix:') ? { at: d, address, unixPath: address.slice(5) } : { at: d, address }];
        }),
      });
    }
  }
  return { servers, upstreams, ...(httpRoot ? { httpRoot } : {}), prefix };
}

function serverOf(at: Directive, block: Directive[]): ServerBlock {
  const listens = block
    .filter((d) => d.name === 'listen')
    .map((d) => ({ at: d, port: portOf(d.args[0] ?? ''), defaultServer: d.args.includes('default_server') }))
    .filter((l) => l.port > 0);
  const names = block.filter((d) => d.name === 'server_name').flatMap((d) => d.args);
  const index = block.filter((d) => d.name === 'index').flatMap((d) => d.args);
  const root = pathOf(block.find((d) => d.name === 'root'));
  return {
    at,
    listens: listens.length > 0 ? listens : [{ at, port: DEFAULT_PORT, defaultServer: false }],
    names: names.length > 0 ? names : [''],
    ...(root ? { root } : {}),
    index: index.length > 0 ? index : DEFAULT_INDEX,
    locations: block.filter((d) => d.name === 'location' && d.block).map(locationOf),
  };
}

function locationOf(at: Directive): Location {
  const [first = '', second] = at.args;
  const modifier = second !== undefined && ['=', '^~', '~', '~*'].includes(first) ? first : '';
  const pattern = modifier ? (second ?? '') : first;
  const inside = [...walk(at.block ?? [])].map((w) => w.directive).filter((d) => !(d.name === 'location' && d.block));
  const direct = at.block ?? [];
  const proxy = inside.find((d) => d.name === 'proxy_pass' && d.args[0] !== undefined);
  const target = proxy?.args[0];
  const root = pathOf(direct.find((d) => d.name === 'root'));
  const alias = pathOf(direct.find((d) => d.name === 'alias'));
  return {
    at,
    modifier,
    pattern,
    ...(root ? { root } : {}),
    ...(alias ? { alias } : {}),
    ...(proxy && target ? { proxyPass: { at: proxy, target } } : {}),
  };
}

function pathOf(directive: Directive | undefined): PathDirective | undefined {
  const path = directive?.args[0];
  return directive && path ? { at: directive, path } : undefined;
}

/** The port of a `listen` value: `80`, `8080 default_server`, `127.0.0.1:80`, `[::]:80`, `*:80`; 0 for unix sockets. */
export function portOf(value: string): number {
  if (value.startsWith('unix:')) return 0;
  const match = /(?:^|:)(\d+)$/.exec(value);
  if (match) return Number(match[1]);
  // An address without a port listens on 80.
  return DEFAULT_PORT;
}

/**
 * The server nginx picks for a request on `port` with this Host header: an exact
 * server_name, then the longest leading or trailing wildcard, then the first matching
 * regular expression, else the port's default_server, else the first server on that port.
 */
export function serverFor(model: HttpModel, port: number, host: string): ServerBlock | undefined {
  const candidates = model.servers.filter((s) => s.listens.some((l) => l.port === port));
  if (candidates.length === 0) return undefined;
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const exact = candidates.find((s) => s.names.some((n) => n.toLowerCase() === name && !isPattern(n)));
  if (exact) return exact;
  const wildcard = bestWildcard(candidates, name);
  if (wildcard) return wildcard;
  const regex = candidates.find((s) => s.names.some((n) => n.startsWith('~') && regexMatches(n.slice(1), name)));
  if (regex) return regex;
  return defaultServerFor(model, port);
}

/** The server that answers a port when no server_name matches: `default_server`, else the first one read. */
export function defaultServerFor(model: HttpModel, port: number): ServerBlock | undefined {
  const candidates = model.servers.filter((s) => s.listens.some((l) => l.port === port));
  return candidates.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ?? candidates[0];
}

function isPattern(name: string): boolean {
  return name.startsWith('~') || name.includes('*') || name.startsWith('.');
}

function bestWildcard(servers: ServerBlock[], name: string): ServerBlock | undefined {
  let best: { server: ServerBlock; length: number } | undefined;
  for (const server of servers) {
    for (const raw of server.names) {
      const pattern = raw.toLowerCase();
      let length = 0;
      if (pattern.startsWith('*.') && name.endsWith(pattern.slice(1))) length = pattern.length;
      else if (pattern.startsWith('.') && (name === pattern.slice(1) || name.endsWith(pattern)))
        length = pattern.length;
      else if (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))) length = pattern.length;
      if (length > (best?.length ?? 0)) best = { server, length };
    }
  }
  return best?.server;
}

function regexMatches(source: string, name: string): boolean {
  try {
    return new RegExp(source).test(name);
  } catch {
    return false;
  }
}

/** What `GET /` is answered with by this server: an exact `= /`, a regex that matches, or the longest prefix. */
export function servedAtRoot(model: HttpModel, server: ServerBlock): Served {
  const exact = server.locations.find((l) => l.modifier === '=' && l.pattern === '/');
  const prefix = server.locations
    .filter((l) => (l.modifier === '' || l.modifier === '^~') && '/'.startsWith(l.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length)[0];
  const regex =
    prefix?.modifier === '^~'
      ? undefined
      : server.locations.find((l) => (l.modifier === '~' || l.modifier === '~*') && locationRegex(l).test('/'));
  const location = exact ?? regex ?? prefix;
  if (location?.proxyPass) return { kind: 'proxy', location, ...location.proxyPass };
  const root = location?.alias ?? location?.root ?? server.root ?? model.httpRoot;
  const path = root ? posix.resolve(model.prefix, root.path) : posix.join(model.prefix, 'html');
  return {
    kind: 'static',
    ...(location ? { location } : {}),
    root: path,
    ...(root ? { rootAt: root.at } : {}),
    index: server.index,
  };
}

function locationRegex(location: Location): RegExp {
  try {
    return new RegExp(location.pattern, location.modifier === '~*' ? 'i' : '');
  } catch {
    return /(?!)/;
  }
}

/** Every folder the configuration serves files from (`root` and `alias`, resolved), with the directive that names it. */
export function servedFolders(model: HttpModel): PathDirective[] {
  const out: PathDirective[] = [];
  const add = (p: PathDirective | undefined) => {
    if (p) out.push({ at: p.at, path: posix.resolve(model.prefix, p.path.replace(/\$\S*$/, '')) });
  };
  add(model.httpRoot);
  for (const server of model.servers) {
    add(server.root);
    for (const location of server.locations) {
      add(location.root);
      add(location.alias);
    }
  }
  return out;
}

/** Host names `proxy_pass` and upstream servers point at, with the directive that names each. */
export function upstreamHosts(model: HttpModel): Array<{ at: Directive; host: string; port?: number }> {
  const upstreamNames = new Set(model.upstreams.map((u) => u.name));
  const out: Array<{ at: Directive; host: string; port?: number }> = [];
  for (const server of model.servers) {
    for (const location of server.locations) {
      const proxy = location.proxyPass;
      const parsed = proxy ? hostOfUrl(proxy.target) : undefined;
      if (proxy && parsed && !upstreamNames.has(parsed.host)) out.push({ at: proxy.at, ...parsed });
    }
  }
  for (const upstream of model.upstreams) {
    for (const server of upstream.servers) {
      if (server.unixPath) continue;
      const parsed = hostPort(server.address);
      if (parsed) out.push({ at: server.at, ...parsed });
    }
  }
  return out;
}

/** Unix sockets the configuration proxies to: `upstream { server unix:… }` and `proxy_pass http://unix:/path:`. */
export function unixSockets(model: HttpModel): Array<{ at: Directive; path: string }> {
  const out: Array<{ at: Directive; path: string }> = [];
  for (const upstream of model.upstreams) {
    for (const server of upstream.servers) if (server.unixPath) out.push({ at: server.at, path: server.unixPath });
  }
  for (const server of model.servers) {
    for (const location of server.locations) {
      const proxy = location.proxyPass;
      const path = proxy ? /^[a-z]+:\/\/unix:([^:]+)/.exec(proxy.target)?.[1] : undefined;
      if (proxy && path) out.push({ at: proxy.at, path });
    }
  }
  return out;
}

function hostOfUrl(target: string): { host: string; port?: number } | undefined {
  const authority = /^[a-z]+:\/\/([^/]+)/i.exec(target)?.[1];
  if (!authority || authority.startsWith('unix:') || authority.includes('$')) return undefined;
  return hostPort(authority);
}

function hostPort(address: string): { host: string; port?: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(address);
  const host = match?.[1];
  if (!host) return undefined;
  return { host, ...(match[2] ? { port: Number(match[2]) } : {}) };
}

/** A host that needs no DNS: an IP address or localhost. */
export function isLocalOrAddress(host: string): boolean {
  return (
    host === 'localhost' ||
    /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) ||
    host.startsWith('[') ||
    host.includes('::') ||
    /^localhost\./.test(host)
  );
}
