import { describeBinding, type PortRow } from '../docker/ports.ts';
import type { Translate } from '../core/locale.ts';
import type { Check, DraftFinding } from './check.ts';
import { portsApply, probeFor, publishedPorts, unpublishedExposedPorts, type ContainerFacts } from './facts.ts';
import { loopbackSignals } from './loopback-signals.ts';
import { describeProbe } from './probe-words.ts';
import { withParticle } from '../core/korean-particles.ts';

/** port-mismatch, port-not-published: the ports asked for against the ports served. */
export const portChecks: Check = (facts, t) => {
  if (!portsApply(facts)) return [];
  const mismatches = portMismatch(facts, t);
  const explained = new Set(mismatches.flatMap((m) => m.exposed));
  return [...mismatches.map((m) => m.finding), ...notPublished(facts, t, explained)];
};

/**
 * A published container port that the image does not expose and nothing serves, while
 * an exposed port stays unpublished: `-p 8080:8080` for an app on 80.
 */
function portMismatch(facts: ContainerFacts, t: Translate): Array<{ finding: DraftFinding; exposed: string[] }> {
  if (!facts.image) return [];
  const unpublished = unpublishedExposedPorts(facts).filter((row) => row.exposedByImage);
  const [suggestion] = unpublished;
  if (!suggestion) return [];
  const out: Array<{ finding: DraftFinding; exposed: string[] }> = [];
  for (const row of publishedPorts(facts)) {
    const [binding] = row.actual;
    if (!binding || row.exposedByImage || !nothingServes(facts, row)) continue;
    const hostPort = binding.HostPort;
    // The same host address as published: `-p 127.0.0.1:8080:80` stays on 127.0.0.1.
    const option = `-p ${describeBinding(binding)}:${suggestion.containerPort}`;
    const probe = probeFor(facts, row.port);
    out.push({
      exposed: unpublished.map((r) => r.port),
      finding: {
        code: 'port-mismatch',
        severity: 'error',
        title: t({
          ko: `호스트 포트 ${withParticle(hostPort, '을/를')} 컨테이너 포트 ${row.containerPort}에 연결했지만, 앱은 ${suggestion.containerPort}에서 기다려요`,
          en:
            `Host port ${hostPort} goes to container port ${row.containerPort}, ` +
            `but the app waits on ${suggestion.containerPort}`,
        }),
        detail: t({
          ko:
            `\`-p 호스트:컨테이너\`의 오른쪽은 컨테이너 안에서 앱이 듣는 포트여야 해요. 이미지는 ${withParticle(unpublished.map((r) => r.port).join(', '), '을/를')} ` +
            `EXPOSE하는데 그 포트는 게시되지 않았고, 게시된 ${row.port}에서는 아무도 응답하지 않아요.`,
          en:
            `The right side of \`-p host:container\` must be the port the app listens on inside. ` +
            `The image EXPOSEs ${unpublished.map((r) => r.port).join(', ')}, which is not published, ` +
            `and nothing answers on the published ${row.port}.`,
        }),
        evidence: [
          `-p ${describeBinding(binding)}:${row.containerPort} (NetworkSettings.Ports ${row.port})`,
          ...unpublished.map((r) =>
            t({ ko: `이미지 EXPOSE ${r.port}: 호스트 포트 없음`, en: `image EXPOSE ${r.port}: no host port` }),
          ),
          t({ ko: `이미지 EXPOSE에 ${row.port} 없음`, en: `${row.port} is not in the image's EXPOSE` }),
          ...(probe?.result ? [describeProbe(probe, t)] : []),
          ...listenerEvidence(facts, t),
        ],
        next: t({
          ko: `컨테이너 포트를 앱의 포트로 바꿔 다시 실행하세요: \`docker run ${option} …\``,
          en: `Run it again with the app’s port on the right: ` + `\`docker run ${option} …\``,
        }),
        refHints: ['#port-mismatch', '#causes'],
        ports: [row.port],
      },
    });
  }
  return out;
}

/**
 * Nobody listens on the container port: the socket table says so, or the probe was reset or refused
 * with no loopback server in sight.
 */
function nothingServes(facts: ContainerFacts, row: PortRow): boolean {
  if (facts.listeners) return !facts.listeners.some((l) => l.port === row.containerPort);
  const outcome = probeFor(facts, row.port)?.result?.outcome;
  if (outcome !== 'reset' && outcome !== 'refused') return false;
  return !loopbackSignals(facts).some((s) => s.port === undefined || s.port === row.containerPort);
}

function listenerEvidence(facts: ContainerFacts, t: Translate): string[] {
  if (!facts.listeners) return [];
  const listening = facts.listeners.map((l) => `${l.address}:${l.port}`);
  return [
    t({
      ko: `/proc/net/tcp LISTEN: ${listening.join(', ') || '없음'}`,
      en: `/proc/net/tcp LISTEN: ${listening.join(', ') || 'none'}`,
    }),
  ];
}

/** An exposed port with no host binding: reachable only from other containers on the network. */
function notPublished(facts: ContainerFacts, t: Translate, explained: Set<string>): DraftFinding[] {
  const rows = unpublishedExposedPorts(facts).filter((row) => !explained.has(row.port));
  const [first] = rows;
  if (!first) return [];
  const nothingPublished = publishedPorts(facts).length === 0;
  return [
    {
      code: 'port-not-published',
      severity: nothingPublished ? 'warning' : 'info',
      title: t({
        ko: `${rows.map((r) => r.port).join(', ')} 포트가 호스트에 게시되지 않았어요`,
        en: `${rows.map((r) => r.port).join(', ')} ${rows.length > 1 ? 'are' : 'is'} not published on the host`,
      }),
      detail: t({
        ko: 'EXPOSE는 문서일 뿐 포트를 열지 않아요. `-p`로 게시하지 않은 포트는 같은 네트워크의 다른 컨테이너에서만 닿고, 브라우저나 호스트에서는 닿지 않아요.',
        en:
          'EXPOSE only documents a port; it does not open it. ' +
          'A port not published with `-p` is reachable from containers on the same network, ' +
          'not from a browser or the host.',
      }),
      evidence: rows.map((r) =>
        t({
          ko: `${r.exposedByImage ? '이미지' : '컨테이너'} EXPOSE ${r.port}, NetworkSettings.Ports[${r.port}]=null`,
          en: `${r.exposedByImage ? 'image' : 'container'} EXPOSE ${r.port}, NetworkSettings.Ports[${r.port}]=null`,
        }),
      ),
      next: t({
        ko:
          `브라우저에서 열려면 게시해서 다시 실행하세요: \`docker run -p 8080:${first.containerPort} …\` (Compose: \`ports: ` +
          `["8080:${first.containerPort}"]\`). 다른 컨테이너만 쓰는 포트라면 괜찮아요.`,
        en:
          `To open it in a browser, run it again published: ` +
          `\`docker run -p 8080:${first.containerPort} …\` (Compose: \`ports: ["8080:${first.containerPort}"]\`). ` +
          `Fine if only other containers use it.`,
      }),
      refHints: ['#not-published', '#causes'],
    },
  ];
}
