import { posix } from 'node:path';
import type { Translate } from '../../core/locale.ts';
import { defaultPageOf } from '../../docker/http-probe.ts';
import type { DraftFinding } from '../check.ts';
import {
  confLine,
  copySteps,
  indexOf,
  isStockServer,
  isUnder,
  layerLine,
  ownLayers,
  removesDefaultConf,
  serverLine,
  servesWelcome,
  winners,
  type CopyStep,
} from './analysis.ts';
import { parseConf, walk, where, type Directive } from './conf-parser.ts';
import { PLAYBOOK, type NginxCheck } from './check.ts';
import type { NginxConf, NginxFacts } from './facts.ts';
import { PROBE_HOSTS } from './gather.ts';
import { welcomeProbes } from './probe-lines.ts';
import { servedAtRoot, servedFolders, type ServerBlock } from './servers.ts';
import { withParticle } from '../../core/korean-particles.ts';

/** nginx-default-conf-present, nginx-conf-not-included, nginx-html-wrong-root: what nginx reads against what was copied. */
export const configChecks: NginxCheck = (facts, t) => {
  const conf = facts.conf;
  if (!conf) return [];
  return [...defaultConfPresent(facts, conf, t), ...confNotIncluded(facts, conf, t), ...htmlWrongRoot(facts, conf, t)];
};

function defaultConfPresent(facts: NginxFacts, conf: NginxConf, t: Translate): DraftFinding[] {
  const stock = conf.model.servers.filter((s) => isStockServer(facts, conf, s));
  const own = conf.model.servers.filter((s) => !stock.includes(s));
  const [firstStock] = stock;
  if (!firstStock || own.length === 0) return [];
  const taken = winners(conf, PROBE_HOSTS).filter((w) => stock.includes(w.server));
  if (taken.length === 0) return [];
  const forEveryone = taken.some((w) => w.host !== 'localhost');
  // Seen by the probe, it is the cause of the page the member is looking at.
  const seen = welcomeProbes(facts.probes).some((p) => p.answeredBy === facts.container.Name);
  const stockFile = firstStock.at.file;
  const removed = facts.layers.find(removesDefaultConf);
  return [
    {
      code: 'nginx-default-conf-present',
      severity: forEveryone || seen ? 'error' : 'warning',
      title: forEveryone
        ? t({
            ko: `기본 사이트 ${withParticle(`\`${stockFile}\``, '이/가')} 남아 있어서 내 설정 대신 요청을 받아요`,
            en: `The stock site \`${stockFile}\` is still there and takes the requests instead of your configuration`,
          })
        : t({
            ko: `기본 사이트 ${withParticle(`\`${stockFile}\``, '이/가')} 남아 있어서 \`Host: localhost\` 요청은 기본 페이지로 가요`,
            en: `The stock site \`${stockFile}\` is still there and answers \`Host: localhost\` with the default page`,
          }),
      detail: forEveryone
        ? t({
            ko: '내 server 블록과 기본 server 블록이 같은 포트를 들어요. 이름(server_name)이 맞는 server가 없으면 `default_server`가, 그것도 없으면 먼저 읽힌 server(파일 이름순이라 보통 default.conf)가 답해요.',
            en: 'Your server block and the stock one listen on the same port. When no server_name matches, the `default_server` answers, and without one the server read first (files load in name order, so usually default.conf).',
          })
        : t({
            ko: '내 server가 `default_server`라서 다른 이름의 요청은 내 설정이 받지만, 기본 server의 `server_name localhost`가 `Host: localhost`(로컬 `curl localhost`, 브라우저의 localhost)를 가져가요. 로컬에서만 기본 페이지가 보이는 이유예요.',
            en: "Your server is the `default_server`, so other names reach your configuration, but the stock server's `server_name localhost` takes `Host: localhost` (a local `curl localhost`, a browser on localhost). That is why only local requests show the default page.",
          }),
      evidence: [
        ...stock.map((s) => t({ ko: `기본 사이트: ${serverLine(s)}`, en: `stock site: ${serverLine(s)}` })),
        ...own.map((s) => t({ ko: `내 사이트: ${serverLine(s)}`, en: `your site: ${serverLine(s)}` })),
        ...taken.map((w) =>
          t({
            ko: `Host: ${w.host} (포트 ${w.port}) → ${where(w.server.at)} (기본 사이트)`,
            en: `Host: ${w.host} (port ${w.port}) → ${where(w.server.at)} (the stock site)`,
          }),
        ),
        removed
          ? t({ ko: `히스토리: ${layerLine(removed)}`, en: `history: ${layerLine(removed)}` })
          : t({
              ko: '히스토리에 `rm /etc/nginx/conf.d/default.conf` 단계가 없어요',
              en: 'the history has no `rm /etc/nginx/conf.d/default.conf` step',
            }),
      ],
      next: t({
        ko: `Dockerfile에서 내 설정을 복사하기 전에 기본 사이트를 지우세요: \`RUN rm ${stockFile}\` (또는 내 설정을 ${withParticle(`\`COPY nginx.conf ${stockFile}\``, '으로/로')} 그 자리에 덮어쓰기). 내 server에는 \`listen 80 default_server;\`를 두세요.`,
        en: `Remove the stock site in the Dockerfile before copying yours: \`RUN rm ${stockFile}\` (or overwrite it: \`COPY nginx.conf ${stockFile}\`). Give your server \`listen 80 default_server;\`.`,
      }),
      refHints: [`${PLAYBOOK}#default-conf-present`, `${PLAYBOOK}#config-not-copied`],
    },
  ];
}

const BACKUP = /(?:\.(?:bak|orig|old|dpkg-[a-z]+|default|swp)|~)$/;

function confNotIncluded(facts: NginxFacts, conf: NginxConf, t: Translate): DraftFinding[] {
  const included = new Set(conf.tree.included);
  const includedTexts = new Set(conf.tree.included.map((f) => conf.files.get(f)));
  const orphans = [...conf.files]
    .filter(([path, text]) => !included.has(path) && !includedTexts.has(text) && !BACKUP.test(path))
    .map(([path, text]) => ({ path, site: firstSiteBlock(parseConf(text, path).directives) }))
    .filter((o): o is { path: string; site: Directive } => o.site !== undefined);
  if (orphans.length === 0) return [];
  const ownActive = conf.model.servers.some((s) => !isStockServer(facts, conf, s));
  const includes = httpIncludes(conf);
  const steps = copySteps(facts.layers);
  const globInclude = includes.find((d) => /[*?[]/.test(d.args[0] ?? ''));
  const suggested = globInclude?.args[0] ?? '/etc/nginx/conf.d/*.conf';
  return orphans.map(({ path, site }) => {
    const copied = steps.find((s) => s.destination === path || (s.intoFolder && s.destination === posix.dirname(path)));
    const target = suggestedPath(suggested, path);
    return {
      code: 'nginx-conf-not-included',
      severity: ownActive ? 'warning' : 'error',
      title: t({
        ko: `${withParticle(`\`${path}\``, '은/는')} nginx가 읽지 않는 곳에 있어요`,
        en: `nginx never reads \`${path}\``,
      }),
      detail: t({
        ko: `nginx는 \`nginx.conf\`와 그 안의 \`include\`가 가리키는 파일만 읽어요. 이 파일의 server 블록은 어떤 include에도 걸리지 않아 오류 없이 무시돼요${ownActive ? '' : ' — 그래서 기본 사이트가 답해요'}. 공식 이미지는 \`conf.d/*.conf\`만 읽고(\`sites-enabled/\`는 데비안 패키지 방식), 이름이 \`.conf\`로 끝나야 해요.`,
        en: `nginx reads \`nginx.conf\` and the files its \`include\` lines name, nothing else. This file's server block matches no include, so it is ignored without an error${ownActive ? '' : ' — which is why the stock site answers'}. The official image reads only \`conf.d/*.conf\` (\`sites-enabled/\` is the Debian package's layout), and the name must end in \`.conf\`.`,
      }),
      evidence: [
        t({ ko: `읽히지 않는 설정: ${confLine(site)}`, en: `never read: ${confLine(site)}` }),
        ...includes.map((d) => t({ ko: `nginx가 읽는 곳: ${confLine(d)}`, en: `what nginx reads: ${confLine(d)}` })),
        ...(copied
          ? [t({ ko: `히스토리: ${layerLine(copied.layer)}`, en: `history: ${layerLine(copied.layer)}` })]
          : []),
      ],
      next: t({
        ko: `Dockerfile의 COPY 대상을 nginx가 읽는 곳으로 바꾸세요: \`COPY ${posix.basename(path)} ${target}\`.`,
        en: `Point the Dockerfile's COPY at a place nginx reads: \`COPY ${posix.basename(path)} ${target}\`.`,
      }),
      refHints: [`${PLAYBOOK}#conf-not-included`, `${PLAYBOOK}#config-not-copied`],
    };
  });
}

/** The first `server` or `upstream` block of a file (at its top level or inside `http`). */
function firstSiteBlock(directives: Directive[]): Directive | undefined {
  for (const { directive, parents } of walk(directives)) {
    if (!directive.block) continue;
    if ((directive.name === 'server' || directive.name === 'upstream') && parents.every((p) => p.name === 'http'))
      return directive;
  }
  return undefined;
}

/** `include` lines inside `http` (where site files are read from). */
function httpIncludes(conf: NginxConf): Directive[] {
  const http = conf.tree.directives.find((d) => d.name === 'http' && d.block);
  return (http?.block ?? []).filter(
    (d) => d.name === 'include' && d.file === conf.tree.main && !/mime\.types$/.test(d.args[0] ?? ''),
  );
}

/** `/etc/nginx/conf.d/*.conf` + `sites-enabled/app` → `/etc/nginx/conf.d/app.conf`. */
function suggestedPath(globInclude: string, orphan: string): string {
  const folder = posix.dirname(globInclude);
  const suffix = /\*(\.[\w]+)$/.exec(posix.basename(globInclude))?.[1] ?? '';
  const base = posix.basename(orphan).replace(/\.[\w]+$/, '');
  return posix.join(folder, `${base}${suffix}`);
}

/** A destination that holds web content: an html/www/public folder, or an .html file. */
const WEB_CONTENT = /(?:^|\/)(?:html|www|htdocs|public_html|public)(?:\/|$)|\.html?$/;

function htmlWrongRoot(facts: NginxFacts, conf: NginxConf, t: Translate): DraftFinding[] {
  const own = new Set(ownLayers(facts.layers).layers);
  const served = servedFolders(conf.model);
  const misplaced = copySteps(facts.layers).filter(
    (s) =>
      own.has(s.layer) &&
      !isUnder(s.destination, '/etc/nginx') &&
      WEB_CONTENT.test(s.destination) &&
      !served.some((f) => isUnder(s.destination, f.path) || isUnder(f.path, s.destination)),
  );
  const [first] = misplaced;
  if (!first) return [];
  const answering = answeringServers(conf);
  const welcome = answering.some((s) => servesWelcome(facts, conf, s) || missingIndex(facts, conf, s));
  return [
    {
      code: 'nginx-html-wrong-root',
      severity: welcome ? 'error' : 'warning',
      title: t({
        ko: `html을 \`${folderOf(first)}\`에 복사했지만 nginx는 다른 폴더를 서비스해요`,
        en: `The html went to \`${folderOf(first)}\`, but nginx serves another folder`,
      }),
      detail: t({
        ko: 'nginx는 설정의 `root`(또는 `alias`) 폴더에서만 파일을 줘요. 공식 이미지의 기본 사이트는 `/usr/share/nginx/html`, 데비안 apt로 설치한 nginx는 `/var/www/html`을 서비스해요. 다른 곳에 복사한 파일은 오류 없이 무시되고, root에 있던 기본 페이지가 그대로 나와요.',
        en: "nginx serves files only from its configuration's `root` (or `alias`) folders. The official image's stock site serves `/usr/share/nginx/html`; a Debian apt nginx serves `/var/www/html`. Files copied elsewhere are ignored without an error, and the root's default page keeps showing.",
      }),
      evidence: [
        ...misplaced.map((s) => t({ ko: `히스토리: ${layerLine(s.layer)}`, en: `history: ${layerLine(s.layer)}` })),
        ...answering.flatMap((s) => rootEvidence(facts, conf, s, t)),
      ],
      next: t({
        ko: `Dockerfile의 COPY 대상을 nginx가 서비스하는 root로 바꾸거나(\`COPY ${sourceOf(first)} ${rootOf(conf, answering[0])}/\`), 내 server 블록에 ${withParticle(`\`root ${folderOf(first)};\``, '을/를')} 적으세요.`,
        en: `Point the Dockerfile's COPY at the root nginx serves (\`COPY ${sourceOf(first)} ${rootOf(conf, answering[0])}/\`), or set \`root ${folderOf(first)};\` in your server block.`,
      }),
      refHints: [`${PLAYBOOK}#html-wrong-root`, `${PLAYBOOK}#config-not-copied`],
    },
  ];
}

function answeringServers(conf: NginxConf): ServerBlock[] {
  return [...new Set(winners(conf, PROBE_HOSTS).map((w) => w.server))];
}

function missingIndex(facts: NginxFacts, conf: NginxConf, server: ServerBlock): boolean {
  const served = servedAtRoot(conf.model, server);
  if (served.kind !== 'static') return false;
  const paths = served.index.map((n) => posix.join(served.root, n));
  return paths.some((p) => facts.indexFiles.has(p)) && paths.every((p) => facts.indexFiles.get(p) == null);
}

function rootEvidence(facts: NginxFacts, conf: NginxConf, server: ServerBlock, t: Translate): string[] {
  const served = servedAtRoot(conf.model, server);
  if (served.kind !== 'static') return [];
  const declared = served.rootAt
    ? confLine(served.rootAt)
    : t({
        ko: `${where(server.at)} (root 없음 → ${served.root})`,
        en: `${where(server.at)} (no root → ${served.root})`,
      });
  const index = indexOf(facts, served.root, served.index);
  const page = index
    ? defaultPageOf(index.text) === 'nginx'
      ? t({ ko: `${index.path}: "Welcome to nginx!" 기본 페이지`, en: `${index.path}: the "Welcome to nginx!" page` })
      : index.path
    : t({
        ko: `${served.root}에 ${served.index.join(', ')} 없음`,
        en: `no ${served.index.join(', ')} in ${served.root}`,
      });
  return [t({ ko: `nginx가 서비스하는 곳: ${declared}`, en: `what nginx serves: ${declared}` }), page];
}

function folderOf(step: CopyStep): string {
  return step.intoFolder || !/\.[a-z0-9]+$/i.test(step.destination)
    ? step.destination
    : posix.dirname(step.destination);
}

/** What the COPY copied, as the member wrote it; the legacy builder keeps only a hash, so the file name stands in. */
function sourceOf(step: CopyStep): string {
  const source = step.sources[0] ?? '.';
  if (!/^(?:file|dir|multi):/.test(source)) return source;
  return step.intoFolder ? '<html>' : posix.basename(step.destination);
}

function rootOf(conf: NginxConf, server: ServerBlock | undefined): string {
  const served = server ? servedAtRoot(conf.model, server) : undefined;
  return served?.kind === 'static' ? served.root : '/usr/share/nginx/html';
}
