import type { Translate } from '../../core/locale.ts';
import { defaultPageOf } from '../../docker/http-probe.ts';
import type { DraftFinding } from '../check.ts';
import { isStockServer, layerLine, ownLayers, serverLine } from './analysis.ts';
import { PLAYBOOK, type NginxCheck } from './check.ts';
import type { NginxFacts } from './facts.ts';
import { isStockNginxRef } from './gather.ts';
import { withParticle } from '../../core/korean-particles.ts';

/** The official entrypoint's words when default.conf is there (it edits it to listen on IPv6 too). */
const DEFAULT_CONF_USED = /(?:Enabled listen on IPv6 in|Getting the checksum of) \/etc\/nginx\/conf\.d\/default\.conf/;

const FILE_STEPS = new Set(['COPY', 'ADD', 'RUN']);

/** nginx-stock-image, image-stale: which image runs, against the one the member built. */
export const imageChecks: NginxCheck = (facts, t) => [...stockImage(facts, t), ...staleImage(facts, t)];

function stockImage(facts: NginxFacts, t: Translate): DraftFinding[] {
  const conf = facts.conf;
  if (!conf || conf.model.servers.length === 0) return [];
  if (!conf.model.servers.every((s) => isStockServer(facts, conf, s))) return [];
  // Any file step of the member's own (COPY, ADD, RUN) means they built something: not the stock image.
  const own = ownLayers(facts.layers);
  if (own.layers.some((l) => FILE_STEPS.has(l.instruction))) return [];
  const { container, image } = facts;
  const hubDigests = (image?.repoDigests ?? []).filter((d) => isStockNginxRef(d));
  const logSaysUsed = facts.logs.find((l) => DEFAULT_CONF_USED.test(l.text));
  return [
    {
      code: 'nginx-stock-image',
      severity: 'error',
      title: t({
        ko: `${withParticle(`\`${container.Name}\``, '은/는')} 내가 빌드한 이미지가 아니라 공식 nginx 이미지 그대로 실행 중이에요`,
        en: `\`${container.Name}\` runs the stock nginx image, not the one you built`,
      }),
      detail: t({
        ko: '이 컨테이너의 nginx 설정은 이미지에 기본으로 든 default.conf뿐이고, 이미지 히스토리에 내 Dockerfile의 단계(`RUN rm /etc/nginx/conf.d/default.conf`, `COPY nginx.conf /etc/nginx/conf.d/`)가 없어요. 워크숍 Dockerfile로 빌드한 이미지는 이 페이지를 보여 줄 수 없어요. 흔한 경로: `docker run … nginx`처럼 이름을 잘못 쓴 경우, 작업 정의의 image가 `nginx`/`nginx:latest`인 경우, `build_and_push.sh`(`set -e` 없음, 지금 위치 `.`를 빌드)가 빌드에 실패한 뒤에도 멈추지 않고 예전에 받아 둔 공식 `nginx:latest`를 ECR 이름으로 태그해 push한 경우.',
        en: "This container's nginx configuration is only the image's stock default.conf, and the image history has none of your Dockerfile's steps (`RUN rm /etc/nginx/conf.d/default.conf`, `COPY nginx.conf /etc/nginx/conf.d/`). An image built from the workshop Dockerfile cannot show this page. Usual paths: `docker run … nginx` (the wrong name), a task definition whose image is `nginx`/`nginx:latest`, or `build_and_push.sh` (no `set -e`, builds the current folder `.`) failing its build and then tagging the old stock `nginx:latest` as the ECR image and pushing it.",
      }),
      evidence: [
        `Config.Image=${container.Config.Image}`,
        ...(image && image.repoTags.length ? [`RepoTags=${image.repoTags.join(', ')}`] : []),
        ...(hubDigests.length
          ? [
              t({
                ko: `RepoDigests=${hubDigests.join(', ')} (도커 허브에서 받은 이미지)`,
                en: `RepoDigests=${hubDigests.join(', ')} (pulled from Docker Hub)`,
              }),
            ]
          : []),
        t({
          ko: `Config.WorkingDir="${image?.workingDir ?? ''}" (워크숍 Dockerfile은 WORKDIR /etc/nginx/)`,
          en: `Config.WorkingDir="${image?.workingDir ?? ''}" (the workshop Dockerfile sets WORKDIR /etc/nginx/)`,
        }),
        own.base
          ? t({
              ko: `히스토리: 공식 이미지의 마지막 단계 ${layerLine(own.base)} 뒤에 COPY·RUN 단계가 없음 (nginx.conf COPY도, default.conf rm도 없음)`,
              en: `history: no COPY or RUN after the official image's last step ${layerLine(own.base)} (no COPY of nginx.conf, no rm of default.conf)`,
            })
          : t({
              ko: '히스토리에 nginx.conf COPY도, default.conf rm도 없음',
              en: 'the history has no COPY of nginx.conf and no rm of default.conf',
            }),
        ...conf.model.servers.map((s) =>
          t({ ko: `유일한 사이트: ${serverLine(s)}`, en: `the only site: ${serverLine(s)}` }),
        ),
        ...(logSaysUsed ? [`log: ${logSaysUsed.text}`] : []),
      ],
      next: t({
        ko: 'nginx 폴더 안에서 공식 이미지와 다른 이름으로 빌드하세요: `cd nginx && docker build -t my-nginx:v1 .` → `docker run -p 8080:80 my-nginx:v1`. ECS는 작업 정의의 `"image"`를 `<계정>.dkr.ecr.<리전>.amazonaws.com/<저장소>:v1`으로 적고 새 리비전으로 배포하세요. `build_and_push.sh`를 쓴다면 맨 위에 `set -euo pipefail`과 `cd "$(dirname "$0")"`를 넣으세요.',
        en: 'Build inside the nginx folder under a name of your own: `cd nginx && docker build -t my-nginx:v1 .` → `docker run -p 8080:80 my-nginx:v1`. On ECS, set the task definition\'s `"image"` to `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:v1` and deploy the new revision. If you use `build_and_push.sh`, start it with `set -euo pipefail` and `cd "$(dirname "$0")"`.',
      }),
      refHints: [`${PLAYBOOK}#stock-image`, `${PLAYBOOK}#wrong-image`],
    },
  ];
}

function staleImage(facts: NginxFacts, t: Translate): DraftFinding[] {
  const { container, tagImage } = facts;
  if (!tagImage || tagImage.id === container.Image) return [];
  const showsWelcome = facts.probes.some(
    (p) =>
      p.answeredBy === container.Name && p.result.outcome === 'http' && defaultPageOf(p.result.body ?? '') === 'nginx',
  );
  const ref = container.Config.Image;
  return [
    {
      code: 'image-stale',
      severity: showsWelcome ? 'error' : 'warning',
      title: t({
        ko: `${withParticle(`\`${container.Name}\``, '은/는')} \`${ref}\`의 예전 이미지로 실행 중이에요`,
        en: `\`${container.Name}\` runs an older image of \`${ref}\``,
      }),
      detail: t({
        ko: `\`${ref}\` 태그는 그 뒤에 다시 빌드(또는 pull)되어 다른 이미지를 가리키는데, 컨테이너는 만들어질 때의 이미지를 계속 써요. 다시 빌드해도 컨테이너를 새로 만들기 전에는 바뀌지 않아요 (ECS도 같아요: 같은 태그로 push만 하면 실행 중인 작업은 옛 이미지 그대로예요).`,
        en: `The \`${ref}\` tag was rebuilt (or pulled) since and points at another image, but a container keeps the image it was created from. Rebuilding changes nothing until the container is recreated (ECS alike: pushing the same tag leaves running tasks on the old image).`,
      }),
      evidence: [
        t({
          ko: `컨테이너의 이미지: ${short(container.Image)}${facts.image?.created ? ` (빌드 ${facts.image.created})` : ''}`,
          en: `the container's image: ${short(container.Image)}${facts.image?.created ? ` (built ${facts.image.created})` : ''}`,
        }),
        t({
          ko: `\`${ref}\`의 지금 이미지: ${short(tagImage.id)}${tagImage.created ? ` (빌드 ${tagImage.created})` : ''}`,
          en: `\`${ref}\` now: ${short(tagImage.id)}${tagImage.created ? ` (built ${tagImage.created})` : ''}`,
        }),
        `Created=${container.Created}`,
      ],
      next: t({
        ko: `컨테이너를 새로 만드세요: \`docker rm -f ${container.Name}\` 후 같은 \`docker run … ${ref}\`. ECS에서는 빌드마다 새 태그(\`:v2\`)를 쓰고 작업 정의 새 리비전으로 배포하거나, 같은 태그라면 서비스에서 새 배포 강제(\`aws ecs update-service … --force-new-deployment\`)를 하세요.`,
        en: `Recreate the container: \`docker rm -f ${container.Name}\`, then the same \`docker run … ${ref}\`. On ECS, use a new tag per build (\`:v2\`) in a new task definition revision, or, for the same tag, force a new deployment (\`aws ecs update-service … --force-new-deployment\`).`,
      }),
      refHints: [`${PLAYBOOK}#image-stale`, `${PLAYBOOK}#wrong-image`],
    },
  ];
}

function short(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
