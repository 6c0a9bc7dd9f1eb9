import { defineSubcommand } from '../../src/core/command.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { clip, shortId } from '../../src/core/text.ts';
import { baseFilesystemLayer, historyHints } from '../../src/diagnostics/history-hints.ts';
import { chapterRef } from '../../src/diagnostics/refs.ts';
import { dominantLayers, formatBytes, sizeBar, toLayers, type Layer } from '../../src/docker/layers.ts';
import { imageOption } from '../shared/docker-options.ts';
import { sectionMenu } from '../shared/section-menu.ts';

/** Layers shown in the message; a longer history goes into an attachment too. */
const INLINE_LAYERS = 30;
const CREATED_BY_CHARS = 70;
const DOCKERFILE_CHAPTER = 4;

export const history = defineSubcommand({
  name: 'history',
  nameKo: '히스토리',
  description: {
    ko: '이미지 레이어와 크기, Dockerfile 개선 힌트',
    en: 'Image layers and sizes, with Dockerfile hints',
  },
  options: [imageOption],
  run: async ({ image: ref }, ctx) => {
    const { t } = ctx;
    const image = await ctx.docker.image(ref, ctx.signal);
    const layers = toLayers(await ctx.docker.history(image, ctx.signal));
    const total = layers.reduce((sum, l) => sum + l.size, 0);
    const largest = Math.max(0, ...layers.map((l) => l.size));
    const dominant = dominantLayers(layers);
    const base = baseFilesystemLayer(layers);
    const hints = historyHints(layers, t).map((hint) => {
      const note = chapterRef(ctx.knowledge, DOCKERFILE_CHAPTER, hint.anchors);
      const deeper = hint.playbookSections.filter((id) => ctx.knowledge.section(id));
      return {
        code: hint.code,
        title: hint.title,
        detail: hint.detail,
        layers: hint.layers,
        refs: [...(note ? [note] : []), ...deeper],
      };
    });

    const table = layers.map((l) => tableRow(l, largest));
    const header = t({ ko: ' #  크기      비중           명령', en: ' #  SIZE      LAYER          INSTRUCTION' });
    const inline =
      table.length > INLINE_LAYERS
        ? [...table.slice(0, INLINE_LAYERS / 2), '   …', ...table.slice(-INLINE_LAYERS / 2)]
        : table;
    const name = image.RepoTags[0] ?? ref;

    const fields: ReplyField[] = [];
    if (dominant.length > 0) {
      fields.push({
        name: t({ ko: '용량을 차지하는 레이어', en: 'Dominant layers' }),
        value: dominant
          .map((l) => {
            const share = Math.round((l.size / total) * 100);
            const what =
              l === base ? t({ ko: ' · 베이스 이미지의 파일 시스템', en: ' · the base image’s filesystem' }) : '';
            return `#${l.index} ${formatBytes(l.size)} (${share}%) — \`${clipLine(`${l.instruction} ${l.args}`, 80)}\`${what}`;
          })
          .join('\n'),
      });
    }
    for (const hint of hints) {
      fields.push({
        name: `💡 ${hint.title}`,
        value: [
          hint.detail,
          `${t({ ko: '레이어', en: 'Layers' })}: ${hint.layers.map((n) => `#${n}`).join(', ')}`,
          ...(hint.refs.length ? [`📖 ${hint.refs.join(', ')}`] : []),
        ].join('\n'),
      });
    }

    return {
      title: t({ ko: `이미지 히스토리: ${name}`, en: `Image history: ${name}` }),
      text: `\`${shortId(image.Id)}\` · ${t({
        ko: `레이어 ${layers.length}개, 합계 ${formatBytes(total)} (Dockerfile 순서: 위가 먼저)`,
        en: `${formatBytes(total)} in ${layers.length} layers (oldest first, as in the Dockerfile)`,
      })}`,
      code: [{ language: 'text', content: [header, ...inline].join('\n') }],
      fields,
      actions: sectionMenu(
        ctx.knowledge,
        hints.flatMap((h) => h.refs),
        t({ ko: '힌트를 설명하는 노트 펼쳐 보기', en: 'Open the note behind a hint' }),
      ),
      ...(table.length > INLINE_LAYERS
        ? {
            attachments: [
              {
                name: 'history.txt',
                content: [header, ...layers.map((l) => `${tableRow(l, largest)}\n      ${l.createdBy}`)].join('\n'),
              },
            ],
          }
        : {}),
      data: {
        image: name,
        id: image.Id,
        size: total,
        layers: layers.map((l) => ({
          index: l.index,
          id: l.id,
          createdAt: l.createdAt.toISOString(),
          instruction: l.instruction,
          createdBy: l.createdBy,
          size: l.size,
          share: total > 0 ? Math.round((l.size / total) * 1000) / 1000 : 0,
          empty: l.empty,
        })),
        dominant: dominant.map((l) => l.index),
        hints,
      },
    };
  },
});

function tableRow(layer: Layer, largest: number): string {
  const bar = layer.size > 0 ? sizeBar(layer.size, largest) : ' '.repeat(12);
  const size = formatBytes(layer.size).padEnd(9);
  const instruction = clipLine(`${layer.instruction} ${layer.args}`, CREATED_BY_CHARS);
  return `${String(layer.index).padStart(2)}  ${size} ${bar}   ${instruction}`;
}

/** One line of at most `max` characters: Dockerfile instructions span lines with `\`. */
function clipLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}
