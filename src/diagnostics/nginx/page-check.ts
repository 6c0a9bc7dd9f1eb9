import type { Translate } from '../../core/locale.ts';
import type { DraftFinding } from '../check.ts';
import { serverLine, servesWelcome, winners } from './analysis.ts';
import { PLAYBOOK, type NginxCheck } from './check.ts';
import type { HostProbe, NginxConf, NginxFacts } from './facts.ts';
import { PROBE_HOSTS } from './gather.ts';
import { probeLine, welcomeProbes } from './probe-lines.ts';
import { serverFor, type ServerBlock } from './servers.ts';

/**
 * nginx-default-page: the symptom, seen by a probe (or, for a running container that
 * could not be probed, predicted from its configuration), with the server block that answers.
 */
export const defaultPageCheck: NginxCheck = (facts, t) => {
  const seen = welcomeProbes(facts.probes);
  if (seen.length > 0) return [fromProbes(facts, seen, t)];
  const conf = facts.conf;
  if (!conf || !facts.container.State.Running || facts.probes.length > 0) return [];
  const predicted = winners(conf, PROBE_HOSTS).filter((w) => servesWelcome(facts, conf, w.server));
  if (predicted.length === 0) return [];
  return [
    {
      code: 'nginx-default-page',
      severity: 'warning',
      title: t({
        ko: '이 nginx 설정은 `/`에 "Welcome to nginx!" 기본 페이지를 줘요 (게시된 포트가 없어 직접 확인하진 못했어요)',
        en: 'This nginx configuration answers `/` with the "Welcome to nginx!" page (not probed: no published port)',
      }),
      detail: detailText(t),
      evidence: predicted.map((w) => `Host: ${w.host} (${w.port}) → ${serverLine(w.server)}`),
      next: nextText(t),
      refHints: [`${PLAYBOOK}#symptom`, `${PLAYBOOK}#causes`],
    },
  ];
};

function fromProbes(facts: NginxFacts, seen: NginxFacts['probes'], t: Translate): DraftFinding {
  const hosts = [...new Set(seen.map((p) => p.hostHeader))];
  const onlyLocalhost = hosts.length === 1 && hosts[0] === 'localhost';
  const elsewhere = seen.find((p) => p.answeredBy !== facts.container.Name);
  const conf = facts.conf;
  const answering = conf && !elsewhere ? answeringServers(conf, seen) : [];
  return {
    code: 'nginx-default-page',
    severity: 'error',
    title: elsewhere
      ? t({
          ko: `${elsewhere.url}에는 다른 컨테이너 \`${elsewhere.answeredBy}\`의 "Welcome to nginx!"가 떠요`,
          en: `${elsewhere.url} shows "Welcome to nginx!" from another container, \`${elsewhere.answeredBy}\``,
        })
      : onlyLocalhost
        ? t({
            ko: '`Host: localhost`로 열면 앱 대신 "Welcome to nginx!" 기본 페이지가 나와요',
            en: 'Opened as `Host: localhost`, the page is "Welcome to nginx!" instead of the app',
          })
        : t({
            ko: '앱 대신 "Welcome to nginx!" 기본 페이지가 나와요',
            en: 'The page is "Welcome to nginx!" instead of the app',
          }),
    detail: detailText(t),
    evidence: [
      ...facts.probes.filter((p) => seen.some((s) => s.url === p.url)).map((p) => probeLine(p, t)),
      ...answering.map((line) => t({ ko: `답한 server: ${line}`, en: `answered by: ${line}` })),
    ],
    next: nextText(t),
    refHints: [`${PLAYBOOK}#symptom`, `${PLAYBOOK}#causes`],
  };
}

/** `Host: localhost, ecs-alb.example → /etc/nginx/conf.d/default.conf:1 server { … }`: one line per answering server. */
function answeringServers(conf: NginxConf, probes: HostProbe[]): string[] {
  const hostsBy = new Map<ServerBlock, string[]>();
  for (const probe of probes) {
    const server = serverFor(conf.model, probe.containerPort, probe.hostHeader);
    if (!server) continue;
    const hosts = hostsBy.get(server) ?? [];
    if (!hosts.includes(probe.hostHeader)) hosts.push(probe.hostHeader);
    hostsBy.set(server, hosts);
  }
  return [...hostsBy].map(([server, hosts]) => `Host: ${hosts.join(', ')} → ${serverLine(server)}`);
}

function detailText(t: Translate): string {
  return t({
    ko: 'nginx는 정상으로 떠 있지만 내 설정이 아니라 기본 사이트로 답하고 있어요. "경로 오류"처럼 보여도 원인은 보통 어떤 이미지·어떤 설정 파일이 실제로 돌고 있느냐예요. 함께 나온 항목이 그 이유예요.',
    en: 'nginx runs fine but answers with its stock site, not your configuration. It looks like "a path error", but the cause is usually which image and which configuration files actually run. The findings around this one say why.',
  });
}

function nextText(t: Translate): string {
  return t({
    ko: '함께 나온 원인 항목부터 고치세요. 원인 항목이 없다면 `docker exec <컨테이너> nginx -T`로 실제 설정을, `docker image history --no-trunc <이미지>`로 COPY 단계를 확인하세요.',
    en: 'Fix the cause findings listed with this one first. With none, check the running configuration (`docker exec <container> nginx -T`) and the COPY steps (`docker image history --no-trunc <image>`).',
  });
}
