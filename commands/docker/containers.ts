import { defineSubcommand } from '../../src/core/command.ts';
import { redactRecord } from '../../src/core/redact.ts';
import { shortId } from '../../src/core/text.ts';
import { formatAge, formatPort } from './format.ts';
import { listReply } from './list-reply.ts';
import { exitCodeOfStatus, healthLabel, healthOfStatus, stateLabel } from '../../src/docker/container-state.ts';

export const containers = defineSubcommand({
  name: 'containers',
  nameKo: '컨테이너',
  description: { ko: '공유 Docker 호스트의 컨테이너 목록', en: 'Containers on the shared Docker host' },
  options: [],
  run: async (_options, ctx) => {
    const list = await ctx.docker.listContainers(ctx.signal);
    const now = ctx.clock.now();
    const rows = list.map((c) => ({
      id: shortId(c.Id),
      name: c.Name,
      image: c.Image,
      state: c.State,
      status: c.Status,
      createdAt: new Date(c.Created * 1000).toISOString(),
      age: formatAge(new Date(c.Created * 1000), now, ctx.t),
      ports: c.Ports.map(formatPort),
      labels: redactRecord(c.Labels),
    }));
    return listReply(
      {
        title: { ko: `컨테이너 목록 (${rows.length})`, en: `Containers (${rows.length})` },
        empty: { ko: '볼 수 있는 컨테이너가 없어요.', en: 'No containers visible.' },
        lines: rows.map((c) => {
          const ports = c.ports.length ? ` · ${c.ports.join(', ')}` : '';
          const health = healthOfStatus(c.status);
          const state = stateLabel(c.state, ctx.t, exitCodeOfStatus(c.status));
          const healthText = health ? ` · ${healthLabel(health, ctx.t)}` : '';
          const created = ctx.t({ ko: `${c.age} 생성`, en: `created ${c.age}` });
          return `• **${c.name}** \`${c.image}\` — ${state}${healthText}${ports} · ${created}`;
        }),
        data: { containers: rows },
      },
      ctx.t,
    );
  },
});
