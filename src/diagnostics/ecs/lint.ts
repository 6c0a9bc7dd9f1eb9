import { posix } from 'node:path';
import type { Translate } from '../../core/locale.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { DraftFinding } from '../check.ts';
import { finishFindings } from '../diagnose.ts';
import type { Finding } from '../finding.ts';
import { confLine, isUnder } from '../nginx/analysis.ts';
import { parseConf, type ConfProblem } from '../nginx/conf-parser.ts';
import { isStockNginxRef } from '../nginx/gather.ts';
import { httpModelOf, isLocalOrAddress, unixSockets, upstreamHosts, type HttpModel } from '../nginx/servers.ts';
import type { ContainerDefinition, TaskDefinition } from './task-definition.ts';
import { withParticle } from '../../core/korean-particles.ts';

/** The playbook the lint findings link to. */
const PLAYBOOK = 'ecs-task-definition';
const NGINX_PLAYBOOK = 'nginx-default-page';

/** An nginx configuration given beside the task definition (`--nginx-conf FILE`). */
export interface NginxConfInput {
  name: string;
  text: string;
}

export interface LintResult {
  findings: Finding[];
  /** Syntax problems in the nginx configuration (nginx would not start with them). */
  confProblems: ConfProblem[];
}

interface LintInput {
  task: TaskDefinition;
  model: HttpModel | undefined;
  t: Translate;
}

/** The offline checks of a task definition (and, when given, the nginx configuration its web container runs). */
export function lintTaskDefinition(
  task: TaskDefinition,
  conf: NginxConfInput | undefined,
  t: Translate,
  knowledge: KnowledgeBase,
): LintResult {
  const parsed = conf ? parseConf(conf.text, conf.name) : undefined;
  const input: LintInput = { task, model: parsed ? httpModelOf(parsed.directives, '/etc/nginx') : undefined, t };
  const drafts = [
    ...imageLatest(input),
    ...noPortMapping(input),
    ...hostPortConflict(input),
    ...linksUnsupported(input),
    ...composeHost(input),
    ...volumesFromMissing(input),
  ];
  return { findings: finishFindings(drafts, knowledge), confProblems: parsed?.problems ?? [] };
}

function label(task: TaskDefinition, container: ContainerDefinition): string {
  return `containerDefinitions[${task.containers.indexOf(container)}] (${container.name})`;
}

function modeEvidence(task: TaskDefinition, t: Translate): string {
  switch (task.networkModeSource) {
    case 'written':
      return `networkMode=${task.networkMode}`;
    case 'fargate':
      return t({
        ko: 'networkMode 없음, requiresCompatibilities=FARGATE → awsvpc',
        en: 'no networkMode, requiresCompatibilities=FARGATE → awsvpc',
      });
    default:
      return t({
        ko: 'networkMode 없음 → EC2의 기본값 bridge (Fargate라면 awsvpc)',
        en: 'no networkMode → bridge, the EC2 default (awsvpc on Fargate)',
      });
  }
}

/** The container that serves the web: named or built like nginx/web/proxy, else the first essential one. */
function webContainer(task: TaskDefinition): ContainerDefinition | undefined {
  const web = /nginx|web|proxy|httpd|apache|caddy|traefik|frontend/i;
  return (
    task.containers.find((c) => web.test(c.name) || web.test(lastPathPart(c.image))) ??
    task.containers.find((c) => c.essential !== false)
  );
}

function nginxContainer(task: TaskDefinition): ContainerDefinition | undefined {
  return (
    task.containers.find((c) => /nginx/i.test(c.name) || /nginx/i.test(lastPathPart(c.image))) ?? webContainer(task)
  );
}

function lastPathPart(image: string): string {
  return image.split('/').pop() ?? image;
}

/** The tag of an image reference: '' when none, undefined when pinned by digest. */
function tagOf(image: string): string | undefined {
  if (image.includes('@sha256:')) return undefined;
  const last = lastPathPart(image);
  const colon = last.lastIndexOf(':');
  return colon < 0 ? '' : last.slice(colon + 1);
}

function imageLatest({ task, t }: LintInput): DraftFinding[] {
  return task.containers.flatMap((container): DraftFinding[] => {
    const tag = tagOf(container.image);
    if (tag === undefined || (tag !== '' && tag !== 'latest')) return [];
    const stock = isStockNginxRef(container.image);
    return [
      {
        code: 'ecs-image-latest',
        severity: stock ? 'error' : 'warning',
        title: stock
          ? t({
              ko: `\`${container.name}\`의 이미지 ${withParticle(`\`${container.image}\``, '은/는')} 도커 허브의 공식 nginx예요 (내 ECR 이미지가 아님)`,
              en: `\`${container.name}\` runs \`${container.image}\`: Docker Hub's official nginx, not your ECR image`,
            })
          : t({
              ko: `\`${container.name}\`의 이미지 \`${container.image}\`에 버전 태그가 없어요 (latest)`,
              en: `\`${container.name}\`'s image \`${container.image}\` has no version tag (latest)`,
            }),
        detail: stock
          ? t({
              ko: '태그 없는 `nginx`는 `nginx:latest`, 즉 도커 허브의 공식 이미지예요. 이 작업은 "Welcome to nginx!"만 보여 줘요. 내 설정을 담은 이미지는 ECR에 올린 `<계정>.dkr.ecr.<리전>.amazonaws.com/<저장소>:<태그>`예요.',
              en: 'An untagged `nginx` is `nginx:latest`: the official image from Docker Hub. This task can only show "Welcome to nginx!". The image with your configuration is the one you pushed to ECR: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`.',
            })
          : t({
              ko: '`latest`는 "마지막에 push한 것"일 뿐이라 어느 빌드가 도는지 알 수 없고, 같은 태그로 다시 push해도 실행 중인 작업은 옛 이미지를 그대로 써요. 빌드가 실패한 채 옛 이미지가 `latest`로 올라가도 티가 나지 않아요.',
              en: '`latest` only means "whatever was pushed last": you cannot tell which build runs, and pushing the same tag again leaves running tasks on the old image. A failed build that pushed an old image as `latest` goes unnoticed.',
            }),
        evidence: [`${label(task, container)}.image="${container.image}"`],
        next: t({
          ko: `빌드마다 새 태그를 붙여 push하고(\`docker tag my-nginx:v2 <ECR URI>:v2\`) 작업 정의의 \`"image"\`를 그 태그로 바꿔 새 리비전으로 배포하세요 (ECR 저장소의 태그 변경 불가(immutable) 설정도 도움이 돼요).`,
          en: 'Push each build under a new tag (`docker tag my-nginx:v2 <ECR URI>:v2`), set the task definition\'s `"image"` to it and deploy the new revision (ECR tag immutability helps too).',
        }),
        refHints: [`${PLAYBOOK}#image-latest`, `${NGINX_PLAYBOOK}#stock-image`],
      },
    ];
  });
}

function noPortMapping({ task, t }: LintInput): DraftFinding[] {
  const web = webContainer(task);
  if (!web) return [];
  const mapped = (web.portMappings ?? []).some((m) => m.containerPort !== undefined);
  if (mapped) return [];
  return [
    {
      code: 'ecs-no-port-mapping',
      severity: 'error',
      title: t({
        ko: `웹 컨테이너 \`${web.name}\`에 포트 매핑이 없어요`,
        en: `The web container \`${web.name}\` maps no port`,
      }),
      detail: t({
        ko: '`portMappings`가 없으면 ALB 대상 그룹이 이 컨테이너를 연결할 포트가 없어요 (서비스 만들 때 "로드 밸런싱할 컨테이너"에 나오지 않아요). 이미지의 EXPOSE는 ECS에서 포트를 열지 않아요.',
        en: 'Without `portMappings` the ALB target group has no port to reach this container on (it is not offered as "container to load balance" when creating the service). The image\'s EXPOSE opens nothing on ECS.',
      }),
      evidence: [
        `${label(task, web)}.portMappings=${JSON.stringify(web.portMappings ?? null)}`,
        `${label(task, web)}.image="${web.image}"`,
      ],
      next: t({
        ko: `\`${web.name}\` 정의에 \`"portMappings": [{"containerPort": 80, "protocol": "tcp"}]\`를 넣으세요 (bridge 모드에서 ALB를 쓰면 \`"hostPort": 0\`으로 동적 포트).`,
        en: `Add \`"portMappings": [{"containerPort": 80, "protocol": "tcp"}]\` to \`${web.name}\` (in bridge mode behind an ALB, \`"hostPort": 0\` for a dynamic port).`,
      }),
      refHints: [`${PLAYBOOK}#port-mapping`],
    },
  ];
}

function hostPortConflict({ task, t }: LintInput): DraftFinding[] {
  if (task.networkMode === 'none') return [];
  const byPort = new Map<string, string[]>();
  for (const container of task.containers) {
    (container.portMappings ?? []).forEach((mapping, i) => {
      const host =
        task.networkMode === 'bridge' ? (mapping.hostPort ?? 0) : (mapping.hostPort ?? mapping.containerPort ?? 0);
      if (!host) return;
      const key = `${host}/${(mapping.protocol ?? 'tcp').toLowerCase()}`;
      const seen = byPort.get(key) ?? [];
      seen.push(`${label(task, container)}.portMappings[${i}]=${JSON.stringify(mapping)}`);
      byPort.set(key, seen);
    });
  }
  return [...byPort]
    .filter(([, uses]) => uses.length > 1)
    .map(([key, uses]): DraftFinding => {
      const port = key.split('/')[0] ?? key;
      return {
        code: 'ecs-hostport-conflict',
        severity: 'error',
        title: t({
          ko: `호스트 포트 ${withParticle(port, '을/를')} 한 작업에서 두 번 써요`,
          en: `Host port ${port} is used twice in one task`,
        }),
        detail:
          task.networkMode === 'bridge'
            ? t({
                ko: 'bridge 모드에서 고정 hostPort는 인스턴스의 포트를 차지해요. 같은 포트를 두 컨테이너가 쓰면 둘째는 시작하지 못해요 (로컬의 `port is already allocated`와 같아요). 고정 포트는 인스턴스마다 작업 하나만 둘 수 있게도 만들어요.',
                en: 'In bridge mode a static hostPort takes that port on the instance. Two containers with the same one: the second cannot start (the `port is already allocated` of a local run). A static port also allows only one task per instance.',
              })
            : t({
                ko: `${task.networkMode} 모드에서는 작업의 컨테이너들이 네트워크 하나를 같이 써서, 같은 포트를 두 컨테이너가 들을 수 없어요.`,
                en: `In ${task.networkMode} mode the task's containers share one network, so two of them cannot listen on the same port.`,
              }),
        evidence: [modeEvidence(task, t), ...uses],
        next: t({
          ko: 'bridge 모드라면 `"hostPort": 0`(동적 포트, ALB 대상 그룹이 알아서 연결)으로 두거나 서로 다른 hostPort를 쓰세요. awsvpc라면 컨테이너마다 다른 containerPort를 쓰세요 (예: nginx 80, gunicorn 8000).',
          en: 'In bridge mode use `"hostPort": 0` (a dynamic port the ALB target group follows) or distinct host ports. In awsvpc mode give each container its own containerPort (e.g. nginx 80, gunicorn 8000).',
        }),
        refHints: [`${PLAYBOOK}#host-port`],
      };
    });
}

function linksUnsupported({ task, t }: LintInput): DraftFinding[] {
  if (task.networkMode !== 'awsvpc') return [];
  return task.containers
    .filter((c) => (c.links ?? []).length > 0)
    .map((container): DraftFinding => ({
      code: 'ecs-links-unsupported',
      severity: 'error',
      title: t({
        ko: `awsvpc 작업에서는 \`${container.name}\`의 links를 쓸 수 없어요`,
        en: `\`${container.name}\` uses links, which awsvpc tasks do not support`,
      }),
      detail: t({
        ko: '`links`는 bridge 모드 전용이에요. awsvpc(Fargate 포함)에서는 작업 정의 등록이 거부되거나 무시되고, 대신 같은 작업의 컨테이너끼리 localhost를 공유해요.',
        en: '`links` are for bridge mode only. With awsvpc (Fargate included) the task definition is rejected or the links ignored; the task’s containers share localhost instead.',
      }),
      evidence: [modeEvidence(task, t), `${label(task, container)}.links=${JSON.stringify(container.links)}`],
      next: t({
        ko: '`links`를 지우고, nginx 설정에서 다른 컨테이너를 `localhost:<포트>`로 부르세요 (예: `proxy_pass http://localhost:8000;`).',
        en: 'Remove `links` and reach the other container at `localhost:<port>` in the nginx configuration (e.g. `proxy_pass http://localhost:8000;`).',
      }),
      refHints: [`${PLAYBOOK}#links`, `${NGINX_PLAYBOOK}#upstream-compose-host`],
    }));
}

function composeHost({ task, model, t }: LintInput): DraftFinding[] {
  if (!model) return [];
  const nginx = nginxContainer(task);
  const names = new Set(task.containers.map((c) => c.name));
  const linked = new Set((nginx?.links ?? []).flatMap((l) => l.split(':')));
  return upstreamHosts(model)
    .filter((h) => !isLocalOrAddress(h.host) && (!h.host.includes('.') || names.has(h.host)))
    .filter((h) => task.networkMode !== 'bridge' || !linked.has(h.host))
    .map((h): DraftFinding => {
      const port = h.port ?? 80;
      return {
        code: 'nginx-upstream-compose-host',
        severity: 'error',
        title: t({
          ko: `nginx가 ${withParticle(`\`${h.host}\`(compose 서비스 이름)`, '으로/로')} 프록시하지만 이 작업에서는 그 이름이 풀리지 않아요`,
          en: `nginx proxies to \`${h.host}\` (a compose service name), which does not resolve in this task`,
        }),
        detail:
          task.networkMode === 'bridge'
            ? t({
                ko: `bridge 모드에서 다른 컨테이너 이름은 \`links\`로 이어야만 풀려요. nginx 컨테이너에 ${withParticle(`\`${h.host}\``, '으로/로')}의 link가 없어서 nginx는 시작할 때 \`host not found in upstream\`으로 종료돼요.`,
                en: `In bridge mode another container's name resolves only through \`links\`. The nginx container has no link to \`${h.host}\`, so nginx exits at start with \`host not found in upstream\`.`,
              })
            : t({
                ko: `docker compose는 서비스 이름을 DNS로 풀어 주지만, ECS awsvpc 작업에는 그런 이름이 없어요: 같은 작업의 컨테이너는 localhost를 공유해요. nginx는 시작할 때 ${withParticle(`\`host not found in upstream "${h.host}"\``, '으로/로')} 종료돼요.`,
                en: `docker compose resolves service names through DNS; an ECS awsvpc task has no such names: the task's containers share localhost. nginx exits at start with \`host not found in upstream "${h.host}"\`.`,
              }),
        evidence: [
          confLine(h.at),
          modeEvidence(task, t),
          ...(names.has(h.host) ? [`containerDefinitions: ${h.host}`] : []),
        ],
        next:
          task.networkMode === 'bridge'
            ? t({
                ko: `nginx 컨테이너 정의에 ${withParticle(`\`"links": ["${h.host}"]\``, '을/를')} 넣거나, awsvpc로 바꾸고 ${withParticle(`\`proxy_pass http://localhost:${port};\``, '을/를')} 쓰세요.`,
                en: `Add \`"links": ["${h.host}"]\` to the nginx container definition, or switch to awsvpc and use \`proxy_pass http://localhost:${port};\`.`,
              })
            : t({
                ko: `nginx 설정의 프록시 대상을 localhost로 바꿔(\`proxy_pass http://localhost:${port};\` 또는 upstream의 \`server 127.0.0.1:${port};\`) 이미지를 다시 빌드·push하세요.`,
                en: `Change the nginx configuration to \`localhost:${port}\` (\`proxy_pass http://localhost:${port};\` or \`server 127.0.0.1:${port};\` in the upstream), then rebuild and push the image.`,
              }),
        refHints: [`${NGINX_PLAYBOOK}#upstream-compose-host`, `${PLAYBOOK}#links`],
      };
    });
}

function volumesFromMissing({ task, model, t }: LintInput): DraftFinding[] {
  const names = new Set(task.containers.map((c) => c.name));
  const findings: DraftFinding[] = [];
  for (const container of task.containers) {
    for (const source of container.volumesFrom ?? []) {
      if (names.has(source.sourceContainer)) continue;
      findings.push({
        code: 'ecs-volumesfrom-missing',
        severity: 'error',
        title: t({
          ko: `\`${container.name}\`의 volumesFrom이 없는 컨테이너 ${withParticle(`\`${source.sourceContainer}\``, '을/를')} 가리켜요`,
          en: `\`${container.name}\`'s volumesFrom names \`${source.sourceContainer}\`, which is not in the task`,
        }),
        detail: t({
          ko: '`sourceContainer`는 같은 작업 정의 안의 컨테이너 이름(`name`)이어야 해요. 이미지 이름이나 다른 작업의 컨테이너는 안 돼요.',
          en: '`sourceContainer` must be the `name` of a container in the same task definition, not an image or a container of another task.',
        }),
        evidence: [
          `${label(task, container)}.volumesFrom=${JSON.stringify(container.volumesFrom)}`,
          `containerDefinitions: ${[...names].join(', ')}`,
        ],
        next: t({
          ko: `\`"sourceContainer"\`를 작업 안의 이름(${[...names].filter((n) => n !== container.name).join(', ') || '없음'}) 중 하나로 고치세요.`,
          en: `Set \`"sourceContainer"\` to a name in the task (${[...names].filter((n) => n !== container.name).join(', ') || 'none'}).`,
        }),
        refHints: [`${PLAYBOOK}#volumes-from`, `${NGINX_PLAYBOOK}#upstream-socket-missing`],
      });
    }
  }
  if (!model) return findings;
  const nginx = nginxContainer(task);
  if (!nginx) return findings;
  for (const socket of unixSockets(model)) {
    const folder = posix.dirname(socket.path);
    const mounted = (nginx.mountPoints ?? []).some((m) => isUnder(folder, m.containerPath));
    if (mounted || (nginx.volumesFrom ?? []).length > 0) continue;
    const app =
      task.containers.find((c) => c !== nginx && /django|gunicorn|app|api|web/i.test(`${c.name} ${c.image}`)) ??
      task.containers.find((c) => c !== nginx);
    findings.push({
      code: 'ecs-volumesfrom-missing',
      severity: 'error',
      title: t({
        ko: `nginx가 유닉스 소켓 ${withParticle(`\`${socket.path}\``, '으로/로')} 프록시하는데 \`${nginx.name}\`에 공유 볼륨이 없어요`,
        en: `nginx proxies to the unix socket \`${socket.path}\`, but \`${nginx.name}\` shares no volume`,
      }),
      detail: t({
        ko: `소켓은 gunicorn이 자기 컨테이너의 \`${folder}\`에 만드는 파일이에요. nginx 컨테이너가 그 볼륨을 함께 쓰지 않으면 (\`volumesFrom\` 또는 같은 볼륨의 \`mountPoints\`) 설정을 고친 뒤에도 502 Bad Gateway가 나요.`,
        en: `The socket is a file gunicorn creates in its own container's \`${folder}\`. Unless the nginx container shares that volume (\`volumesFrom\`, or \`mountPoints\` of the same volume), you get 502 Bad Gateway once the configuration is right.`,
      }),
      evidence: [
        confLine(socket.at),
        `${label(task, nginx)}.volumesFrom=${JSON.stringify(nginx.volumesFrom ?? null)}`,
        `${label(task, nginx)}.mountPoints=${JSON.stringify(nginx.mountPoints ?? null)}`,
      ],
      next: t({
        ko: `\`${nginx.name}\` 정의에 ${withParticle(`\`"volumesFrom": [{"sourceContainer": "${app?.name ?? 'django'}"}]\``, '을/를')} 넣으세요 (Django 이미지에 \`VOLUME /app\`이 있어야 해요).`,
        en: `Add \`"volumesFrom": [{"sourceContainer": "${app?.name ?? 'django'}"}]\` to \`${nginx.name}\` (the Django image needs \`VOLUME /app\`).`,
      }),
      refHints: [`${PLAYBOOK}#volumes-from`, `${NGINX_PLAYBOOK}#upstream-socket-missing`],
    });
  }
  return findings;
}
