import { defineSubcommand } from '../../src/core/command.ts';
import { redactRecord } from '../../src/core/redact.ts';
import { shortId } from '../../src/core/text.ts';
import { formatAge, formatPort } from './shared.ts';

const SHOWN = 25;

export const containers = defineSubcommand({
  name: 'containers',
  nameKo: '컨테이너',
  description: { ko: '공유 Docker 호스트의 컨테이너 목록', en: 'Containers on the shared Docker host' },
  options: [],
  run: async (_options, ctx) => {
    const list = await ctx.docker.listContainers(ctx.signal);
    const locale = ctx.caller.locale;
    const en = locale === 'en';
    const now = ctx.clock.now();
    const rows = list.map((c) => ({
      id: shortId(c.id),
      name: c.name,
      image: c.image,
      state: c.state,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      age: formatAge(c.createdAt, now, locale),
      ports: c.ports.map(formatPort),
      labels: redactRecord(c.labels),
    }));
    const lines = rows
      .slice(0, SHOWN)
      .map(
        (c) =>
          `• **${c.name}** \`${c.image}\` — ${c.state} (${c.status})${c.ports.length ? ` · ${c.ports.join(', ')}` : ''} · ${c.age}`,
      );
    const more = rows.length - SHOWN;
    return {
      title: en ? `Containers (${rows.length})` : `컨테이너 목록 (${rows.length})`,
      text: lines.length ? lines.join('\n') : en ? 'No containers visible.' : '볼 수 있는 컨테이너가 없어요.',
      ...(more > 0
        ? { footer: en ? `…and ${more} more (--json lists all)` : `…그리고 ${more}개 더 (--json 으로 전체 보기)` }
        : {}),
      data: { containers: rows },
    };
  },
});
