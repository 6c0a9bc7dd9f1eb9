import { defineSubcommand } from '../../src/core/command.ts';
import { redact, redactEnvEntry, redactRecord } from '../../src/core/redact.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { clip, shortId } from '../../src/core/text.ts';
import { exitMeaning } from '../../src/diagnostics/exit-codes.ts';
import { describeBinding } from '../../src/docker/ports.ts';
import { containerOption, formatAge } from './shared.ts';

const MAX_ENV = 40;
/** Discord's limit for a field value. */
const FIELD_CHARS = 1000;
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
    const locale = ctx.caller.locale;
    const en = locale === 'en';
    const c = await ctx.docker.container(name, ctx.signal);
    const now = ctx.clock.now();
    const state = c.State;
    const stopped = !state.Running && !state.Restarting;
    const meaning = stopped && state.Status !== 'created' ? exitMeaning(state.ExitCode) : undefined;
    const command = redact([...c.Config.Entrypoint, ...c.Config.Cmd].join(' '));
    const env = c.Config.Env.map(redactEnvEntry);
    const labels = redactRecord(c.Config.Labels);
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
    const since = Date.parse(state.Running ? state.StartedAt : state.FinishedAt);
    const when = Number.isFinite(since) && since > 0 ? formatAge(new Date(since), now, locale) : undefined;

    const fields: ReplyField[] = [
      {
        name: en ? 'State' : '상태',
        value: `${state.Status}${when ? ` (${when})` : ''}${state.Health ? ` · health: ${state.Health.Status}` : ''}`,
        inline: true,
      },
      { name: en ? 'Image' : '이미지', value: `\`${c.Config.Image}\``, inline: true },
      {
        name: en ? 'Restarts' : '재시작',
        value: `${c.RestartCount} · policy: ${c.HostConfig.RestartPolicy.Name || 'no'}`,
        inline: true,
      },
    ];
    if (meaning) {
      fields.push({
        name: en ? `Exit code ${state.ExitCode}` : `종료 코드 ${state.ExitCode}`,
        value: meaning.meaning[locale],
      });
    }
    if (state.OOMKilled)
      fields.push({
        name: 'OOMKilled',
        value: en ? 'true: killed for using too much memory' : 'true: 메모리 초과로 강제 종료됨',
        inline: true,
      });
    if (state.Error) fields.push({ name: 'State.Error', value: clip(redact(state.Error), FIELD_CHARS) });
    fields.push({ name: en ? 'Command' : '실행 명령', value: `\`${clip(command, FIELD_CHARS - 2) || '—'}\`` });
    fields.push({
      name: en ? 'Ports' : '포트',
      value:
        clip(
          ports.map((p) => `${p.port} → ${p.bindings.join(', ') || (en ? 'not published' : '게시 안 됨')}`).join('\n'),
          FIELD_CHARS,
        ) || '—',
    });
    fields.push({
      name: en ? 'Networks' : '네트워크',
      value: clip(networks.map((n) => `${n.name} ${n.ip || ''}`.trim()).join('\n'), FIELD_CHARS) || '—',
      inline: true,
    });
    fields.push({
      name: en ? 'Mounts' : '마운트',
      value:
        clip(
          mounts.map((m) => `${m.type} ${m.source} → ${m.destination}${m.rw ? '' : ' (ro)'}`).join('\n'),
          FIELD_CHARS,
        ) || '—',
    });

    const labelLines = Object.entries(labels)
      .slice(0, MAX_LABELS)
      .map(([k, v]) => `${k}=${v}`);
    return {
      title: en ? `Container: ${c.Name}` : `컨테이너: ${c.Name}`,
      text: `\`${shortId(c.Id)}\``,
      fields,
      code: [
        {
          title: en ? 'Environment (secrets redacted)' : '환경 변수 (비밀값 가림)',
          language: 'text',
          content: env.slice(0, MAX_ENV).join('\n') || '—',
        },
        ...(labelLines.length
          ? [{ title: en ? 'Labels' : '레이블', language: 'text', content: labelLines.join('\n') }]
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
        exitMeaning: meaning ? meaning.meaning[locale] : undefined,
        oomKilled: state.OOMKilled,
        restartCount: c.RestartCount,
        restartPolicy: c.HostConfig.RestartPolicy.Name || 'no',
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
