import { posix } from 'node:path';
import { defaultPageOf } from '../../docker/http-probe.ts';
import type { Layer } from '../../docker/layers.ts';
import { directiveText, where, type Directive } from './conf-parser.ts';
import type { NginxConf, NginxFacts } from './facts.ts';
import { defaultServerFor, servedAtRoot, serverFor, type ServerBlock } from './servers.ts';

/** The stock site files: the official image's default.conf, Debian's sites-enabled/default. */
export const STOCK_CONF_FILES = ['/etc/nginx/conf.d/default.conf', '/etc/nginx/sites-enabled/default'];
/** Where the stock sites serve their Welcome page from. */
export const STOCK_ROOTS = ['/usr/share/nginx/html', '/var/www/html'];

/** `/etc/nginx/conf.d/default.conf:3 server_name localhost;` */
export function confLine(directive: Directive): string {
  return `${where(directive)} ${directiveText(directive)}`;
}

/** `/etc/nginx/conf.d/default.conf:1 server { listen 80; server_name localhost; }` */
export function serverLine(server: ServerBlock): string {
  const listen = server.listens.map((l) => `listen ${l.at.args.join(' ') || l.port}`).join('; ');
  const names = server.names.filter(Boolean);
  return `${where(server.at)} server { ${listen}; ${names.length ? `server_name ${names.join(' ')}; ` : ''}}`;
}

/** The text nginx serves at `/` from a static root: the first index file that exists. */
export function indexOf(facts: NginxFacts, root: string, index: string[]): { path: string; text: string } | undefined {
  for (const name of index) {
    const path = posix.join(root, name);
    const text = facts.indexFiles.get(path);
    if (typeof text === 'string') return { path, text };
  }
  return undefined;
}

/** A server that only serves the image's stock site: in a stock file, static at `/`, from a stock root or the Welcome page. */
export function isStockServer(facts: NginxFacts, conf: NginxConf, server: ServerBlock): boolean {
  if (!STOCK_CONF_FILES.includes(server.at.file)) return false;
  const served = servedAtRoot(conf.model, server);
  if (served.kind !== 'static') return false;
  const index = indexOf(facts, served.root, served.index);
  return STOCK_ROOTS.includes(served.root) || (index !== undefined && defaultPageOf(index.text) === 'nginx');
}

/** Serves the Welcome page at `/`: its index file is the stock page (or, unread, it is a stock server). */
export function servesWelcome(facts: NginxFacts, conf: NginxConf, server: ServerBlock): boolean {
  const served = servedAtRoot(conf.model, server);
  if (served.kind !== 'static') return false;
  const index = indexOf(facts, served.root, served.index);
  if (index) return defaultPageOf(index.text) === 'nginx';
  return isStockServer(facts, conf, server) && !facts.indexFiles.has(posix.join(served.root, served.index[0] ?? ''));
}

export interface Winner {
  host: string;
  port: number;
  server: ServerBlock;
}

/** For each port nginx listens on, the server that answers `Host: localhost` and the one that answers any other name. */
export function winners(conf: NginxConf, hosts: readonly string[]): Winner[] {
  const ports = [...new Set(conf.model.servers.flatMap((s) => s.listens.map((l) => l.port)))].sort((a, b) => a - b);
  return ports.flatMap((port) =>
    hosts.flatMap((host) => {
      const server = serverFor(conf.model, port, host) ?? defaultServerFor(conf.model, port);
      return server ? [{ host, port, server }] : [];
    }),
  );
}

/** The official image's last instruction: the layers after the first one like it are the member's own. */
const STOCK_CMD = /^\[?"?nginx"?,?\s*"?-g"?,?\s*"?daemon off;?"?\]?$/;

/** The layers the member's Dockerfile added on top of the nginx base image (all layers when no base is recognised). */
export function ownLayers(layers: Layer[]): { layers: Layer[]; base: Layer | undefined } {
  const boundary = layers.findIndex((l) => l.instruction === 'CMD' && STOCK_CMD.test(l.args.trim()));
  if (boundary < 0) return { layers, base: undefined };
  return { layers: layers.slice(boundary + 1), base: layers[boundary] };
}

export interface CopyStep {
  layer: Layer;
  sources: string[];
  /** Absolute destination (relative ones resolved against the WORKDIR in force). */
  destination: string;
  /** The destination is a folder (`/etc/nginx/conf.d/`, several sources, or a legacy `dir:` copy). */
  intoFolder: boolean;
}

/**
 * COPY and ADD steps with their destinations, as both builders record them:
 * BuildKit `COPY nginx.conf /etc/nginx/conf.d/ # buildkit`, legacy `COPY file:ab12… in /etc/nginx/conf.d/`.
 */
export function copySteps(layers: Layer[]): CopyStep[] {
  let workdir = '/';
  const steps: CopyStep[] = [];
  for (const layer of layers) {
    if (layer.instruction === 'WORKDIR' && layer.args) workdir = posix.resolve(workdir, layer.args.trim());
    if (layer.instruction !== 'COPY' && layer.instruction !== 'ADD') continue;
    const words = layer.args
      .trim()
      .split(/\s+/)
      .filter((w) => !w.startsWith('--'));
    const legacy = words.indexOf('in');
    const [sources, target] =
      legacy > 0 && /^(?:file|dir|multi):/.test(words[0] ?? '')
        ? [words.slice(0, legacy), words.slice(legacy + 1).join(' ')]
        : [words.slice(0, -1), words[words.length - 1] ?? ''];
    if (!target || sources.length === 0) continue;
    const destination = posix.resolve(workdir, target);
    const intoFolder = target.endsWith('/') || sources.length > 1 || sources.some((s) => s.startsWith('dir:'));
    steps.push({ layer, sources, destination, intoFolder });
  }
  return steps;
}

/** `rm /etc/nginx/conf.d/default.conf` (any flags) in a RUN. */
export function removesDefaultConf(layer: Layer): boolean {
  return layer.instruction === 'RUN' && /\brm\s+(?:-\S+\s+)*[^;&|]*default\.conf\b/.test(layer.args);
}

/** `path` is `folder` or inside it (trailing slashes ignored). */
export function isUnder(path: string, folder: string): boolean {
  const base = folder.replace(/\/+$/, '');
  const target = path.replace(/\/+$/, '');
  return base === '' || target === base || target.startsWith(`${base}/`);
}

/** `#3 COPY nginx.conf /etc/nginx/conf.d/` */
export function layerLine(layer: Layer): string {
  return `#${layer.index} ${layer.instruction} ${layer.args}`.trim();
}
