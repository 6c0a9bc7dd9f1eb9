import { posix } from 'node:path';
import type { Translate } from '../../core/locale.ts';
import type { DraftFinding } from '../check.ts';
import { confLine, isUnder } from './analysis.ts';
import { PLAYBOOK, type NginxCheck } from './check.ts';
import type { NginxConf, NginxFacts } from './facts.ts';
import { probeLine } from './probe-lines.ts';
import { unixSockets, upstreamHosts } from './servers.ts';
import { withParticle } from '../../core/korean-particles.ts';

const HOST_NOT_FOUND = /host not found in upstream "([^"]+)"(?: in (\/\S+?):(\d+))?/;
const SOCKET_FAILED = /connect\(\) to unix:(\S+?) failed \((\d+): ([^)]+)\)/;

/** nginx-upstream-unresolvable, nginx-upstream-socket-missing: once the right config runs, where it proxies to. */
export const upstreamChecks: NginxCheck = (facts, t) => {
  const conf = facts.conf;
  if (!conf) return [];
  return [...unresolvable(facts, conf, t), ...socketMissing(facts, conf, t)];
};

function unresolvable(facts: NginxFacts, conf: NginxConf, t: Translate): DraftFinding[] {
  const seen = new Map<string, { line: string; file?: string; at?: number }>();
  for (const log of facts.logs) {
    const match = HOST_NOT_FOUND.exec(log.text);
    const upstream = match?.[1];
    if (match && upstream && !seen.has(upstream)) {
      seen.set(upstream, { line: log.text, ...(match[2] ? { file: match[2], at: Number(match[3]) } : {}) });
    }
  }
  const hosts = upstreamHosts(conf.model);
  return [...seen].map(([upstream, log]): DraftFinding => {
    const name = upstream.replace(/:\d+$/, '');
    const named =
      hosts.find((h) => log.file && h.at.file === log.file && h.at.line === log.at) ??
      hosts.find((h) => h.host === name);
    const directive = named?.at;
    const port = String(named?.port ?? /:(\d+)$/.exec(upstream)?.[1] ?? 80);
    const { State } = facts.container;
    return {
      code: 'nginx-upstream-unresolvable',
      severity: 'error',
      title: t({
        ko: `nginx가 upstream 이름 ${withParticle(`\`${name}\``, '을/를')} 찾지 못해 시작하지 못해요`,
        en: `nginx cannot resolve the upstream name \`${name}\` and does not start`,
      }),
      detail: t({
        ko: `nginx는 시작할 때 proxy_pass·upstream의 호스트 이름을 한 번 풀고, 못 풀면 \`[emerg]\`로 바로 종료해요. \`${name}\` 같은 이름은 compose(또는 같은 사용자 정의 네트워크)에서만 DNS로 풀려요. ECS awsvpc(Fargate) 작업에서는 같은 작업의 컨테이너끼리 localhost를 공유하고 서로의 이름은 풀리지 않아요. 기본 bridge 네트워크에서도 이름은 안 풀려요.`,
        en: `nginx resolves proxy_pass and upstream host names once at start, and exits with \`[emerg]\` when one fails. A name like \`${name}\` resolves only under compose (or on one user-defined network). In an ECS awsvpc (Fargate) task, containers of the task share localhost and do not resolve each other's names; neither does Docker's default bridge network.`,
      }),
      evidence: [
        `log: ${log.line}`,
        ...(directive ? [confLine(directive)] : []),
        `State.Status=${State.Status}${State.Running ? '' : `, ExitCode=${State.ExitCode}`}`,
        `HostConfig.NetworkMode=${facts.container.HostConfig.NetworkMode || 'default'}`,
      ],
      next: t({
        ko: `ECS(awsvpc)라면 nginx 설정을 ${withParticle(`\`proxy_pass http://localhost:${port};\`(또는 \`server 127.0.0.1:${port};\`)`, '으로/로')} 바꿔 이미지를 다시 빌드하세요. 작업 정의가 bridge 모드라면 nginx 컨테이너에 ${withParticle(`\`"links": ["${name}"]\``, '이/가')} 필요해요. 로컬에서는 두 컨테이너를 같은 네트워크에 두세요 (\`docker network create app\`, 둘 다 \`--network app\`, 앱은 \`--name ${name}\`).`,
        en: `On ECS (awsvpc), change the nginx configuration to \`proxy_pass http://localhost:${port};\` (or \`server 127.0.0.1:${port};\`) and rebuild. A bridge-mode task definition needs \`"links": ["${name}"]\` on the nginx container. Locally, put both containers on one network (\`docker network create app\`, both with \`--network app\`, the app with \`--name ${name}\`).`,
      }),
      refHints: [`${PLAYBOOK}#upstream-compose-host`, `${PLAYBOOK}#related`],
    };
  });
}

function socketMissing(facts: NginxFacts, conf: NginxConf, t: Translate): DraftFinding[] {
  const { container } = facts;
  const sockets = unixSockets(conf.model);
  const findings: DraftFinding[] = [];
  for (const socket of sockets) {
    const folder = posix.dirname(socket.path);
    const mount = container.Mounts.find((m) => m.Destination && isUnder(folder, m.Destination));
    const failures = facts.logs.filter((l) => {
      const match = SOCKET_FAILED.exec(l.text);
      return match?.[1] === socket.path;
    });
    if (mount && failures.length === 0) continue;
    const badGateway = facts.probes.filter((p) => p.answeredBy === container.Name && p.result.status === 502);
    const shared = mount !== undefined;
    findings.push({
      code: 'nginx-upstream-socket-missing',
      severity: shared ? 'warning' : 'error',
      title: shared
        ? t({
            ko: `공유 볼륨은 있지만 gunicorn 소켓 ${withParticle(`\`${socket.path}\``, '이/가')} 아직 없어요`,
            en: `The volume is shared, but the gunicorn socket \`${socket.path}\` is not there`,
          })
        : t({
            ko: `nginx가 쓰는 소켓 ${withParticle(`\`${socket.path}\``, '이/가')} 이 컨테이너와 공유되지 않아요 (502 Bad Gateway)`,
            en: `The socket nginx proxies to, \`${socket.path}\`, is not shared with this container (502 Bad Gateway)`,
          }),
      detail: shared
        ? t({
            ko: `${withParticle(`\`${mount.Destination}\``, '은/는')} 볼륨으로 공유되지만 그 안에 소켓이 없어요: Django(gunicorn) 컨테이너가 아직 시작 중이거나 멈췄거나, ${withParticle(`\`--bind=unix:${socket.path}\``, '이/가')} 아닌 다른 경로에 만들었어요.`,
            en: `\`${mount.Destination}\` is shared as a volume, but the socket is not in it: the Django (gunicorn) container is still starting or stopped, or binds another path than \`--bind=unix:${socket.path}\`.`,
          })
        : t({
            ko: `유닉스 소켓은 gunicorn이 자기 컨테이너의 파일 시스템에 만드는 파일이에요. nginx 컨테이너가 그 폴더(\`${folder}\`)를 볼륨으로 함께 쓰지 않으면 파일이 없어 nginx는 502를 줘요. 워크숍의 Django 이미지는 \`VOLUME /app\`을 두고, nginx 쪽에서 \`--volumes-from\`(ECS: \`volumesFrom\`)으로 받아요.`,
            en: `A unix socket is a file gunicorn creates in its own container's filesystem. Unless nginx's container shares that folder (\`${folder}\`) as a volume, the file is not there and nginx answers 502. The workshop's Django image declares \`VOLUME /app\`; the nginx side takes it with \`--volumes-from\` (ECS: \`volumesFrom\`).`,
          }),
      evidence: [
        confLine(socket.at),
        shared
          ? `Mounts: ${mount.Destination} (${mount.Type}${mount.Name ? ` ${mount.Name.slice(0, 12)}` : ''})`
          : t({
              ko: `Mounts: ${container.Mounts.map((m) => m.Destination).join(', ') || '없음'} — \`${folder}\` 폴더를 덮는 볼륨 없음`,
              en: `Mounts: ${container.Mounts.map((m) => m.Destination).join(', ') || 'none'} — no volume covers \`${folder}\``,
            }),
        ...failures.slice(-2).map((l) => `log: ${l.text}`),
        ...badGateway.slice(0, 1).map((p) => probeLine(p, t)),
      ],
      next: shared
        ? t({
            ko: 'Django 컨테이너의 로그(`docker logs <django>`)에서 gunicorn이 떴는지, 소켓 경로가 같은지 확인하세요. ECS에서는 nginx 컨테이너의 `dependsOn`에 Django를 `START` 조건으로 두세요.',
            en: 'Check the Django container’s log (`docker logs <django>`) for gunicorn starting on the same socket path. On ECS, add Django to the nginx container’s `dependsOn` with condition `START`.',
          })
        : t({
            ko: `로컬: \`docker run -d --name django <django 이미지>\` 후 \`docker run -d --volumes-from django -p 8080:80 <nginx 이미지>\`. ECS 작업 정의: nginx 컨테이너 정의에 \`"volumesFrom": [{"sourceContainer": "django"}]\`를 넣으세요 (Django 이미지에 \`VOLUME ${folder.split('/').slice(0, 2).join('/') || folder}\`).`,
            en: `Locally: \`docker run -d --name django <django image>\`, then \`docker run -d --volumes-from django -p 8080:80 <nginx image>\`. ECS task definition: add \`"volumesFrom": [{"sourceContainer": "django"}]\` to the nginx container definition (with \`VOLUME ${folder.split('/').slice(0, 2).join('/') || folder}\` in the Django image).`,
          }),
      refHints: [`${PLAYBOOK}#upstream-socket-missing`, `${PLAYBOOK}#related`],
    });
  }
  return findings;
}
