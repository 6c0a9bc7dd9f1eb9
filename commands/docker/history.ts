import { defineSubcommand } from '../../src/core/command.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { clip, shortId } from '../../src/core/text.ts';
import { sayer } from '../../src/diagnostics/check.ts';
import { historyHints } from '../../src/diagnostics/history-hints.ts';
import { chapterRef } from '../../src/diagnostics/refs.ts';
import { dominantLayers, formatBytes, sizeBar, toLayers, type Layer } from '../../src/docker/layers.ts';
import { sectionMenu } from '../note/section-menu.ts';
import { imageOption } from './shared.ts';

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
    const en = ctx.caller.locale === 'en';
    const say = sayer(ctx.caller.locale);
    const image = await ctx.docker.image(ref, ctx.signal);
    const layers = toLayers(await ctx.docker.history(image, ctx.signal));
    const total = layers.reduce((sum, l) => sum + l.size, 0);
    const largest = Math.max(0, ...layers.map((l) => l.size));
    const dominant = dominantLayers(layers);
    const hints = historyHints(layers, say).map((hint) => {
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
    const header = en ? ' #  SIZE      LAYER          INSTRUCTION' : ' #  크기      비중           명령';
    const inline =
      table.length > INLINE_LAYERS
        ? [...table.slice(0, INLINE_LAYERS / 2), '   …', ...table.slice(-INLINE_LAYERS / 2)]
        : table;
    const name = image.RepoTags[0] ?? ref;

    const fields: ReplyField[] = [];
    if (dominant.length > 0) {
      fields.push({
        name: en ? 'Dominant layers' : '용량을 차지하는 레이어',
        value: dominant
          .map(
            (l) =>
              `#${l.index} ${formatBytes(l.size)} (${Math.round((l.size / total) * 100)}%) — \`${clipLine(l.instruction + ' ' + l.args, 80)}\``,
          )
          .join('\n'),
      });
    }
    for (const hint of hints) {
      fields.push({
        name: `💡 ${hint.title}`,
        value: `${hint.detail}\n${en ? 'Layers' : '레이어'}: ${hint.layers.map((n) => `#${n}`).join(', ')}${hint.refs.length ? `\n📖 ${hint.refs.join(', ')}` : ''}`,
      });
    }

    return {
      title: en ? `Image history: ${name}` : `이미지 히스토리: ${name}`,
      text: en
        ? `\`${shortId(image.Id)}\` · ${formatBytes(total)} in ${layers.length} layers (oldest first, as in the Dockerfile)`
        : `\`${shortId(image.Id)}\` · 레이어 ${layers.length}개, 합계 ${formatBytes(total)} (Dockerfile 순서: 위가 먼저)`,
      code: [{ language: 'text', content: [header, ...inline].join('\n') }],
      fields,
      actions: sectionMenu(
        ctx.knowledge,
        hints.flatMap((h) => h.refs),
        en ? 'Open the note behind a hint' : '힌트를 설명하는 노트 펼쳐 보기',
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
  return `${String(layer.index).padStart(2)}  ${size} ${bar}   ${clipLine(`${layer.instruction} ${layer.args}`, CREATED_BY_CHARS)}`;
}

/** One line of at most `max` characters: Dockerfile instructions span lines with `\`. */
function clipLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}
