import { defaultPageOf, type DefaultPage } from '../docker/http-probe.ts';
import { urlOf } from '../docker/ports.ts';
import type { Translate } from '../core/locale.ts';
import type { Check, DraftFinding } from './check.ts';
import { isComposeContainer, portsApply, type ContainerFacts, type PortProbe } from './facts.ts';
import { describeProbe } from './probe-words.ts';

const PAGE_NAME: Record<DefaultPage, string> = {
  nginx: 'nginx "Welcome to nginx!"',
  apache: 'Apache "It works!"',
  'httpd-test': 'Apache HTTP Server Test Page',
  iis: 'IIS Windows Server',
};

/** http-unreachable, http-default-page: what a request to each published port actually gets. */
export const httpChecks: Check = (facts, t) => {
  if (!portsApply(facts)) return [];
  const findings: DraftFinding[] = [];
  const unreachable = facts.probes.filter(
    (p) => p.result && ['reset', 'refused', 'timeout', 'error'].includes(p.result.outcome),
  );
  if (unreachable.length > 0) findings.push(unreachableFinding(facts, unreachable, t));
  for (const probe of facts.probes) {
    const page = probe.result?.outcome === 'http' ? defaultPageOf(probe.result.body ?? '') : undefined;
    if (page) findings.push(defaultPageFinding(facts, probe, page, t));
  }
  return findings;
};

function unreachableFinding(facts: ContainerFacts, probes: PortProbe[], t: Translate): DraftFinding {
  const urls = probes.map((p) => urlOf(p.target)).join(', ');
  return {
    code: 'http-unreachable',
    severity: 'error',
    title: t({ ko: `게시한 포트가 응답하지 않아요: ${urls}`, en: `The published port does not answer: ${urls}` }),
    detail: t({
      ko:
        '연결이 끊기거나(reset) 거부되면 포트는 게시됐지만 컨테이너 안에서 그 포트를 아무도 듣지 않는 거예요: 포트 짝이 틀렸거나, 서버가 127.0.0.1에서만 듣거나, 아직 시작 중이에요. ' +
        '시간 초과면 방화벽이나 주소를 의심하세요.',
      en:
        'A reset or refused connection means the port is published but nothing inside listens on it: ' +
        'the port pair is wrong, the server listens on 127.0.0.1 only, or it is still starting. ' +
        'A timeout points to a firewall or the address.',
    }),
    evidence: probes.map((p) => describeProbe(p, t)),
    next: t({
      ko: '`docker logs`에서 서버가 어느 주소·포트에서 듣는다고 하는지 보고, `-p 호스트:컨테이너`의 컨테이너 쪽 포트와 맞추세요.',
      en:
        'Check in `docker logs` which address and port the server says it listens on, ' +
        'and match the container side of `-p host:container`.',
    }),
    // A plain `docker run`: the port playbook. Compose services: that too, then the compose one.
    refHints: isComposeContainer(facts)
      ? ['port-not-answering#check', 'compose-service-unreachable#check']
      : ['port-not-answering#check', 'port-not-answering#causes'],
    ports: probes.map((p) => p.port),
  };
}

function defaultPageFinding(facts: ContainerFacts, probe: PortProbe, page: DefaultPage, t: Translate): DraftFinding {
  const image = facts.container.Config.Image;
  return {
    code: 'http-default-page',
    severity: 'warning',
    title: t({
      ko: `앱 대신 웹 서버 기본 페이지(${PAGE_NAME[page]})가 나와요`,
      en: `The web server’s default page (${PAGE_NAME[page]}) shows instead of the app`,
    }),
    detail: t({
      ko: '웹 서버는 정상으로 떠 있지만 내 설정이 아니라 기본 설정으로 응답하고 있어요: 설정 파일이나 앱 파일이 이미지에 안 들어갔거나, 다른(옛) 이미지가 실행 중이에요.',
      en:
        'The web server runs fine but answers with its stock configuration: ' +
        'the config or app files did not make it into the image, or another (older) image is running.',
    }),
    evidence: [
      describeProbe(probe, t),
      `Config.Image=${image}`,
      ...(facts.image ? [`Image=${facts.image.Id.slice(0, 19)}`] : []),
    ],
    next: t({
      ko:
        'Dockerfile의 COPY 대상 경로(예: `/etc/nginx/conf.d/default.conf`, `/usr/share/nginx/html`)를 확인하고, ' +
        '실행 중인 이미지 태그가 방금 빌드한 것인지 `docker image ls`로 확인하세요.',
      en:
        'Check the COPY destinations in the Dockerfile (e.g. ' +
        '`/etc/nginx/conf.d/default.conf`, `/usr/share/nginx/html`) ' +
        'and that the running tag is the image you just built (`docker image ls`).',
    }),
    refHints: ['#config-not-copied', '#causes'],
  };
}
