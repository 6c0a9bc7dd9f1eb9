import type { Translate } from '../core/locale.ts';
import type { Check, DraftFinding } from './check.ts';
import { exitMeaning } from './exit-codes.ts';
import { engineTime, type ContainerFacts } from './facts.ts';
import { explainStartError, type StartErrorExplanation } from './start-errors.ts';
import { withParticle } from '../core/korean-particles.ts';
import { timestamp } from '../core/timestamp.ts';
import { stateWord } from '../docker/container-state.ts';
import { describeBinding } from '../docker/ports.ts';

/** Restarts at or above this count mean a restart loop. */
export const RESTART_LOOP_COUNT = 3;
/** A container that restarted often but has now been up this long is only a warning. */
const STABLE_AFTER_MS = 10 * 60_000;

/** exited, oom-killed, restart-loop, start-failed: why the container is not (stably) running. */
export const stateChecks: Check = (facts, t) => [
  ...exited(facts, t),
  ...oomKilled(facts, t),
  ...restartLoop(facts, t),
  ...startFailed(facts, t),
];

function exited(facts: ContainerFacts, t: Translate): DraftFinding[] {
  const { State } = facts.container;
  if (State.Running || State.Restarting || State.Paused) return [];
  const neverStarted = State.Status === 'created' && State.ExitCode === 0 && !State.Error;
  if (neverStarted) {
    return [
      {
        code: 'exited',
        severity: 'info',
        title: t({
          ko: '컨테이너가 만들어졌지만 시작된 적이 없어요',
          en: 'The container was created but never started',
        }),
        detail: t({
          ko: '`docker create` 뒤에 `docker start`를 하지 않았거나, 시작이 아직 진행 중이에요.',
          en: 'It was created (`docker create`) and not started yet.',
        }),
        evidence: [`State.Status=${State.Status}`],
        next: t({ ko: '`docker start <이름>`으로 시작하세요.', en: 'Start it with `docker start <name>`.' }),
        refHints: ['#symptom'],
      },
    ];
  }
  const meaning = exitMeaning(State.ExitCode);
  const severity = wasOomKilled(facts) ? 'error' : meaning.severity;
  const finished = engineTime(State.FinishedAt);
  const lastLines = facts.logs.slice(-3).map((l) => `log (${l.stream}): ${l.text}`);
  return [
    {
      code: 'exited',
      severity,
      title: t({
        ko: `컨테이너가 종료 코드 ${withParticle(String(State.ExitCode), '으로/로')} 멈춰 있어요`,
        en: `The container stopped with exit code ${State.ExitCode}`,
      }),
      detail: t(meaning.meaning),
      evidence: [
        `State.Status=${State.Status}`,
        `State.ExitCode=${State.ExitCode}`,
        ...(State.OOMKilled ? ['State.OOMKilled=true'] : []),
        ...(finished ? [`State.FinishedAt=${timestamp(finished, facts.timeZone, 'f')}`] : []),
        ...lastLines,
      ],
      next: t(meaning.next),
      refHints: meaning.anchor ? [`#${meaning.anchor}`, '#causes'] : ['#causes'],
    },
  ];
}

/** The engine's flag, or (when Docker lost the flag) an `oom` event during the last run. */
function wasOomKilled(facts: ContainerFacts): boolean {
  return facts.container.State.OOMKilled || facts.oomEvents.length > 0;
}

function oomKilled(facts: ContainerFacts, t: Translate): DraftFinding[] {
  const { State, HostConfig } = facts.container;
  const [oomEvent] = facts.oomEvents;
  if (!State.OOMKilled && !oomEvent) return [];
  const flag =
    oomEvent && !State.OOMKilled
      ? [
          `engine event: oom at ${timestamp(oomEvent, facts.timeZone, 'f')} (State.OOMKilled=false: Docker can miss the flag)`,
        ]
      : ['State.OOMKilled=true'];
  const limit = HostConfig.Memory > 0 ? formatMiB(HostConfig.Memory) : undefined;
  return [
    {
      code: 'oom-killed',
      severity: 'error',
      title: t({
        ko: '메모리가 부족해 커널이 프로세스를 강제 종료했어요 (OOM)',
        en: 'The kernel killed the process for using too much memory (OOM)',
      }),
      detail: limit
        ? t({
            ko: `메모리 제한 ${withParticle(limit, '을/를')} 넘었어요. 종료 코드 137(SIGKILL)과 함께 나타나요.`,
            en: `It went over its ${limit} memory limit; this shows as exit code 137 (SIGKILL).`,
          })
        : t({
            ko: '호스트의 메모리가 부족했어요. 종료 코드 137(SIGKILL)과 함께 나타나요.',
            en: 'The host ran out of memory; this shows as exit code 137 (SIGKILL).',
          }),
      evidence: [
        ...flag,
        `State.ExitCode=${State.ExitCode}`,
        ...(limit ? [`HostConfig.Memory=${HostConfig.Memory} (${limit})`] : []),
      ],
      next: t({
        ko: '`docker stats`로 사용량을 보고, `--memory`(Compose `mem_limit`)를 늘리거나 앱의 메모리 사용(캐시, 워커 수, JVM `-Xmx`)을 줄이세요.',
        en:
          'Watch usage with `docker stats`, then raise `--memory` (Compose `mem_limit`) ' +
          'or reduce the app’s memory (caches, workers, JVM `-Xmx`).',
      }),
      refHints: ['#exit-137', '#causes'],
    },
  ];
}

function restartLoop(facts: ContainerFacts, t: Translate): DraftFinding[] {
  const { State, RestartCount, HostConfig } = facts.container;
  if (!State.Restarting && RestartCount < RESTART_LOOP_COUNT) return [];
  const startedAt = Date.parse(State.StartedAt);
  const stable =
    State.Running &&
    !State.Restarting &&
    Number.isFinite(startedAt) &&
    facts.now.getTime() - startedAt > STABLE_AFTER_MS;
  const meaning = exitMeaning(State.ExitCode);
  return [
    {
      code: 'restart-loop',
      severity: stable ? 'warning' : 'error',
      title: stable
        ? t({
            ko: `지금은 떠 있지만 ${RestartCount}번 재시작했어요`,
            en: `Up now, but it restarted ${RestartCount} times`,
          })
        : t({
            ko: '컨테이너가 죽고 다시 시작하기를 반복하고 있어요',
            en: 'The container keeps crashing and restarting',
          }),
      detail: t({
        ko:
          `재시작 정책(${HostConfig.RestartPolicy.Name || 'no'})이 실패하는 명령을 계속 다시 실행하고 있어요. ` +
          `마지막 종료: ${State.ExitCode} — ${meaning.meaning.ko}`,
        en:
          `The restart policy (${HostConfig.RestartPolicy.Name || 'no'}) keeps re-running a failing command. ` +
          `Last exit: ${State.ExitCode} — ${meaning.meaning.en}`,
      }),
      evidence: [
        `State.Status=${State.Status}`,
        `RestartCount=${RestartCount}`,
        `HostConfig.RestartPolicy=${HostConfig.RestartPolicy.Name || 'no'}`,
        `State.ExitCode=${State.ExitCode}`,
        ...facts.logs.slice(-3).map((l) => `log (${l.stream}): ${l.text}`),
      ],
      next: t({
        ko: '재시작 정책이 원인을 가리고 있어요. `docker logs --tail 50`으로 죽는 이유를 찾아 고치세요 (종료 코드의 뜻 참고).',
        en:
          'The restart policy hides the cause: find why it dies with `docker logs --tail 50` and fix that (see the ' +
          'exit code’s meaning).',
      }),
      refHints: [...(meaning.anchor ? [`#${meaning.anchor}`] : []), '#causes', '#fix'],
    },
  ];
}

function startFailed(facts: ContainerFacts, t: Translate): DraftFinding[] {
  const { State } = facts.container;
  if (!State.Error) return [];
  const explained = explainStartError(State.Error);
  const neverRan = !engineTime(State.StartedAt);
  const holders = facts.portHolders.map((c) =>
    t({
      ko: `포트를 쓰는 컨테이너: ${c.Name} (${stateWord(c.State, t)})`,
      en: `port held by container: ${c.Name} (${c.State})`,
    }),
  );
  return [
    {
      code: 'start-failed',
      severity: 'error',
      title: neverRan
        ? t({
            ko: '도커가 컨테이너를 시작하지 못했어요 (한 번도 실행되지 않았어요)',
            en: 'Docker could not start the container (it never ran)',
          })
        : t({ ko: '도커가 컨테이너를 시작하지 못했어요', en: 'Docker could not start the container' }),
      detail: t(explained.explain),
      evidence: [
        `State.Status=${State.Status}`,
        `State.Error=${State.Error}`,
        ...(neverRan
          ? [t({ ko: 'State.StartedAt=0001-01-01 (시작된 적 없음)', en: 'State.StartedAt=0001-01-01 (never started)' })]
          : []),
        ...(State.ExitCode ? [`State.ExitCode=${State.ExitCode}`] : []),
        ...holders,
      ],
      next: explained.kind === 'port-allocated' ? portAllocatedNext(facts, explained, t) : t(explained.next),
      refHints: explained.refHints,
    },
  ];
}

/**
 * The `-p` to run it with instead: the same host address and container port as requested,
 * and the first host port after the taken one that no visible container publishes.
 */
function portAllocatedNext(facts: ContainerFacts, explained: StartErrorExplanation, t: Translate): string {
  const taken = explained.hostPort ?? 0;
  const requested = Object.entries(facts.container.HostConfig.PortBindings).flatMap(([port, bindings]) =>
    (bindings ?? []).filter((b) => Number(b.HostPort) === taken).map((binding) => ({ port, binding })),
  );
  const [first] = requested;
  if (!first) return t(explained.next);
  const used = new Set([taken, ...facts.takenHostPorts]);
  let free = taken + 1;
  while (used.has(free) && free < 65535) free++;
  const containerPort = first.port.split('/')[0] ?? first.port;
  const suggested = describeBinding({ HostIp: first.binding.HostIp, HostPort: String(free) });
  const option = `-p ${suggested}:${containerPort}`;
  return t({
    ko:
      `다른 호스트 포트로 다시 실행하거나 (예: \`docker run ${option} …\`), ` +
      `그 포트를 쓰는 컨테이너를 먼저 멈추세요 (\`docker ps --filter publish=${taken}\`).`,
    en:
      `Run it again on another host port (e.g. \`docker run ${option} …\`) ` +
      `or stop the container holding it (\`docker ps --filter publish=${taken}\`).`,
  });
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}
