import { defineGroup, defineSubcommand } from '../src/core/command.ts';

const containers = defineSubcommand({
  name: 'containers',
  nameKo: '컨테이너',
  description: { ko: '공유 Docker 호스트의 컨테이너 목록', en: 'Containers on the shared Docker host' },
  options: [],
  run: async (_options, ctx) => {
    const list = await ctx.docker.listContainers();
    const en = ctx.caller.locale === 'en';
    const lines = list.map((c) => {
      const ports = c.ports.map((p) => (p.publicPort ? `${p.ip ?? ''}:${p.publicPort}→${p.privatePort}/${p.type}` : `${p.privatePort}/${p.type}`));
      return `• \`${c.name}\` ${c.image} — ${c.state}${ports.length ? ` (${ports.join(', ')})` : ''}`;
    });
    return {
      title: en ? 'Containers' : '컨테이너 목록',
      text: lines.length ? lines.join('\n') : en ? 'No containers.' : '컨테이너가 없어요.',
      data: {
        containers: list.map((c) => ({ id: c.id.slice(0, 12), name: c.name, image: c.image, state: c.state, status: c.status, ports: c.ports })),
      },
    };
  },
});

export default defineGroup({
  name: 'docker',
  nameKo: '도커',
  description: { ko: '공유 Docker 호스트 살펴보기 (읽기 전용)', en: 'Look at the shared Docker host (read-only)' },
  slow: true,
  cooldownSeconds: 3,
  subcommands: [containers],
});
