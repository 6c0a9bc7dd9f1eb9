import { defineSubcommand } from '../../src/core/command.ts';
import { shortId } from '../../src/core/text.ts';
import { formatBytes } from '../../src/docker/layers.ts';
import { formatAge } from './format.ts';
import { listReply } from './list-reply.ts';

export const images = defineSubcommand({
  name: 'images',
  nameKo: '이미지',
  description: { ko: '공유 Docker 호스트의 이미지 목록', en: 'Images on the shared Docker host' },
  options: [],
  run: async (_options, ctx) => {
    const list = await ctx.docker.listImages(ctx.signal);
    const now = ctx.clock.now();
    const rows = list
      .sort((a, b) => b.Created - a.Created)
      .map((i) => ({
        id: shortId(i.Id),
        tags: i.RepoTags,
        size: i.Size,
        createdAt: new Date(i.Created * 1000).toISOString(),
        age: formatAge(new Date(i.Created * 1000), now, ctx.t),
      }));
    return listReply(
      {
        title: { ko: `이미지 목록 (${rows.length})`, en: `Images (${rows.length})` },
        empty: { ko: '볼 수 있는 이미지가 없어요.', en: 'No images visible.' },
        lines: rows.map((i) => {
          const others = i.tags.length > 1 ? ` (+${i.tags.length - 1})` : '';
          const created = ctx.t({ ko: `${i.age} 생성`, en: `created ${i.age}` });
          return `• **${i.tags[0] ?? '<none>'}**${others} \`${i.id}\` — ${formatBytes(i.size)} · ${created}`;
        }),
        data: { images: rows },
      },
      ctx.t,
    );
  },
});
