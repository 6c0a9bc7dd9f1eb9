import { describeBinding } from '../../docker/ports.ts';
import type { DraftFinding } from '../check.ts';
import { PLAYBOOK, type NginxCheck } from './check.ts';
import { probeLine } from './probe-lines.ts';
import { withParticle } from '../../core/korean-particles.ts';
import { stateWord } from '../../docker/container-state.ts';

/** host-port-taken-by-other: the page at the port comes from another container that holds it. */
export const portHolderCheck: NginxCheck = (facts, t) => {
  const { container } = facts;
  return facts.portHolders.map((held): DraftFinding => {
    const blocked = held.blocked ?? container.Name;
    const holder = held.holder;
    const request = `-p ${describeBinding(held.binding)}:${held.containerPort.split('/')[0]}`;
    const startError = held.blocked ? undefined : container.State.Error || undefined;
    const seen = facts.probes.filter((p) => p.answeredBy === holder.Name).slice(0, 1);
    return {
      code: 'host-port-taken-by-other',
      severity: 'error',
      title: t({
        ko: `호스트 포트 ${withParticle(String(held.hostPort), '은/는')} 다른 컨테이너 ${withParticle(`\`${holder.Name}\`(${holder.Image})`, '이/가')} 차지하고 있어요`,
        en: `Host port ${held.hostPort} is held by another container, \`${holder.Name}\` (${holder.Image})`,
      }),
      detail: t({
        ko: `${withParticle(`\`${blocked}\``, '은/는')} ${held.hostPort} 포트를 받지 못해 시작하지 못했고, 그 포트로 들어온 요청은 예전에 띄워 둔 ${withParticle(`\`${holder.Name}\``, '이/가')} 받아요. 그래서 새 이미지를 고쳐도 브라우저에는 그 컨테이너의 페이지(흔히 \`docker run -p 80:80 nginx\`로 띄운 기본 페이지)가 계속 보여요.`,
        en: `\`${blocked}\` could not get port ${held.hostPort} and did not start; requests to that port reach \`${holder.Name}\`, started earlier. So however you fix your image, the browser keeps showing that container's page (often a leftover \`docker run -p 80:80 nginx\`).`,
      }),
      evidence: [
        t({
          ko: `\`${blocked}\`의 요청: ${request} (HostConfig.PortBindings)`,
          en: `\`${blocked}\` asked for: ${request} (HostConfig.PortBindings)`,
        }),
        ...(startError ? [`State.Error=${startError}`] : []),
        t({
          ko: `포트 주인: ${holder.Name} (이미지 ${holder.Image}, ${stateWord(holder.State, t)})`,
          en: `held by: ${holder.Name} (image ${holder.Image}, ${holder.State})`,
        }),
        ...seen.map((p) => probeLine(p, t)),
      ],
      next: t({
        ko: `남은 컨테이너를 치우고 다시 시작하세요: \`docker rm -f ${holder.Name}\` → \`docker start ${blocked}\`. 아니면 다른 호스트 포트로 실행하세요 (\`-p ${held.hostPort + 1}:${held.containerPort.split('/')[0]}\`).`,
        en: `Remove the leftover container and start yours again: \`docker rm -f ${holder.Name}\` → \`docker start ${blocked}\`. Or run yours on another host port (\`-p ${held.hostPort + 1}:${held.containerPort.split('/')[0]}\`).`,
      }),
      refHints: [`${PLAYBOOK}#host-port-taken`, 'port-already-allocated#fix'],
    };
  });
};
