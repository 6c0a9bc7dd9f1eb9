import { defineSubcommand } from '../../src/core/command.ts';
import { shortId } from '../../src/core/text.ts';
import { formatBytes } from '../../src/docker/layers.ts';
import { formatAge } from './shared.ts';

const SHOWN = 25;

export const images = defineSubcommand({
  name: 'images',
  nameKo: '이미지',
  description: { ko: '공유 Docker 호스트의 이미지 목록', en: 'Images on the shared Docker host' },
  options: [],
  run: async (_options, ctx) => {
    const list = await ctx.docker.listImages(ctx.signal);
    const locale = ctx.caller.locale;
    const en = locale === 'en';
    const now = ctx.clock.now();
    const rows = list
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((i) => ({
        id: shortId(i.id),
        tags: i.tags,
        size: i.size,
        createdAt: i.createdAt.toISOString(),
        age: formatAge(i.createdAt, now, locale),
      }));
    const lines = rows
      .slice(0, SHOWN)
      .map(
        (i) =>
          `• **${i.tags[0] ?? '<none>'}**${i.tags.length > 1 ? ` (+${i.tags.length - 1})` : ''} \`${i.id}\` — ${formatBytes(i.size)} · ${i.age}`,
      );
    const more = rows.length - SHOWN;
    return {
      title: en ? `Images (${rows.length})` : `이미지 목록 (${rows.length})`,
      text: lines.length ? lines.join('\n') : en ? 'No images visible.' : '볼 수 있는 이미지가 없어요.',
      ...(more > 0
        ? { footer: en ? `…and ${more} more (--json lists all)` : `…그리고 ${more}개 더 (--json 으로 전체 보기)` }
        : {}),
      data: { images: rows },
    };
  },
});
