import { defineSubcommand } from '../../src/core/command.ts';
import { redact, redactEnvEntry, redactRecord } from '../../src/core/redact.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { codeSpan, shortId } from '../../src/core/text.ts';
import { exitMeaning } from '../../src/diagnostics/exit-codes.ts';
import { describeBinding } from '../../src/docker/ports.ts';
import { containerOption } from '../shared/docker-options.ts';
import { formatAge } from './format.ts';
import { timestamp } from '../../src/core/timestamp.ts';
import { engineTime } from '../../src/diagnostics/facts.ts';
import { healthLabel, stateLabel } from '../../src/docker/container-state.ts';

/** Environment variables and labels shown; a container may carry hundreds. */
const MAX_ENV = 40;
const MAX_LABELS = 20;

export const inspect = defineSubcommand({
  name: 'inspect',
  nameKo: '상세',
  description: {
    ko: '컨테이너 요약: 상태, 종료 코드의 뜻, 재시작, 마운트, 네트워크, 환경 변수',
    en: 'Container summary: state, exit code meaning, restarts, mounts, networks, env',
  },
  options: [containerOption],
  run: async ({ container: name }, ctx) => {
    const { t } = ctx;
    const c = await ctx.docker.container(name, ctx.signal);
    const now = ctx.clock.now();
    const state = c.State;
    const stopped = !state.Running && !state.Restarting;
    const meaning = stopped && state.Status !== 'created' ? exitMeaning(state.ExitCode) : undefined;
    const command = redact([...c.Config.Entrypoint, ...c.Config.Cmd].join(' '));
    const env = c.Config.Env.map(redactEnvEntry);
    const labels = redactRecord(c.Config.Labels);
    const restartPolicy = c.HostConfig.RestartPolicy.Name || 'no';
    const mounts = c.Mounts.map((m) => ({
      type: m.Type,
      source: m.Name || m.Source,
      destination: m.Destination,
      rw: m.RW,
    }));
    const networks = Object.entries(c.NetworkSettings.Networks).map(([network, n]) => ({
      name: network,
      ip: n.IPAddress,
      aliases: n.Aliases,
    }));
    const ports = Object.entries(c.NetworkSettings.Ports).map(([port, bindings]) => ({
      port,
      bindings: (bindings ?? []).map(describeBinding),
    }));
    const started = engineTime(state.StartedAt);
    const finished = engineTime(state.FinishedAt);
    const since = state.Running ? started : finished;
    const when = since
      ? state.Running
        ? t({ ko: `${formatAge(since, now, t)} 시작`, en: `started ${formatAge(since, now, t)}` })
        : t({ ko: `${formatAge(since, now, t)} 종료`, en: `stopped ${formatAge(since, now, t)}` })
      : undefined;
    const zone = ctx.config.timezone;
    const moments = [
      ...(started ? [`${t({ ko: '시작', en: 'started' })} ${timestamp(started, zone)}`] : []),
      ...(finished && !state.Running ? [`${t({ ko: '종료', en: 'finished' })} ${timestamp(finished, zone)}`] : []),
    ];
    const notPublished = t({ ko: '게시 안 됨', en: 'not published' });

    const fields: ReplyField[] = [
      {
        name: t({ ko: '상태', en: 'State' }),
        value: [
          stateLabel(state.Status, t, state.ExitCode),
          ...(when ? [when] : []),
          ...(state.Health ? [`${t({ ko: '상태 확인', en: 'health' })}: ${healthLabel(state.Health.Status, t)}`] : []),
        ].join(' · '),
        inline: true,
      },
      { name: t({ ko: '이미지', en: 'Image' }), value: `\`${c.Config.Image}\``, inline: true },
      {
        name: t({ ko: '재시작', en: 'Restarts' }),
        value: t({
          ko: `${c.RestartCount}회 · 정책: ${restartPolicy}`,
          en: `${c.RestartCount} · policy: ${restartPolicy}`,
        }),
        inline: true,
      },
    ];
    if (moments.length > 0) {
      fields.push({ name: t({ ko: '시각', en: 'Times' }), value: moments.join(' · ') });
    } else if (state.Status === 'created') {
      fields.push({ name: t({ ko: '시각', en: 'Times' }), value: t({ ko: '시작된 적 없음', en: 'never started' }) });
    }
    if (meaning) {
      fields.push({
        name: t({ ko: `종료 코드 ${state.ExitCode}`, en: `Exit code ${state.ExitCode}` }),
        value: t(meaning.meaning),
      });
    }
    if (state.OOMKilled) {
      fields.push({
        name: 'OOMKilled',
        value: t({ ko: 'true: 메모리 초과로 강제 종료됨', en: 'true: killed for using too much memory' }),
        inline: true,
      });
    }
    if (state.Error) fields.push({ name: 'State.Error', value: redact(state.Error) });
    fields.push(
      { name: t({ ko: '실행 명령', en: 'Command' }), value: codeSpan(command || '—') },
      {
        name: t({ ko: '포트', en: 'Ports' }),
        value: ports.map((p) => `${p.port} → ${p.bindings.join(', ') || notPublished}`).join('\n') || '—',
      },
      {
        name: t({ ko: '네트워크', en: 'Networks' }),
        value: networks.map((n) => `${n.name} ${n.ip || ''}`.trim()).join('\n') || '—',
        inline: true,
      },
      {
        name: t({ ko: '마운트', en: 'Mounts' }),
        value: mounts.map((m) => `${m.type} ${m.source} → ${m.destination}${m.rw ? '' : ' (ro)'}`).join('\n') || '—',
      },
    );

    const labelLines = Object.entries(labels)
      .slice(0, MAX_LABELS)
      .map(([k, v]) => `${k}=${v}`);
    return {
      title: t({ ko: `컨테이너: ${c.Name}`, en: `Container: ${c.Name}` }),
      text: `\`${shortId(c.Id)}\``,
      fields,
      code: [
        {
          title: t({ ko: '환경 변수 (비밀값 가림)', en: 'Environment (secrets redacted)' }),
          language: 'text',
          content: env.slice(0, MAX_ENV).join('\n') || '—',
        },
        ...(labelLines.length
          ? [{ title: t({ ko: '레이블', en: 'Labels' }), language: 'text', content: labelLines.join('\n') }]
          : []),
      ],
      data: {
        name: c.Name,
        id: c.Id,
        image: c.Config.Image,
        state: {
          status: state.Status,
          running: state.Running,
          restarting: state.Restarting,
          startedAt: state.StartedAt,
          finishedAt: state.FinishedAt,
          error: redact(state.Error),
          health: state.Health?.Status,
        },
        exitCode: state.ExitCode,
        exitMeaning: meaning ? t(meaning.meaning) : undefined,
        oomKilled: state.OOMKilled,
        restartCount: c.RestartCount,
        restartPolicy,
        command,
        env,
        labels,
        mounts,
        networks,
        ports,
      },
    };
  },
});
