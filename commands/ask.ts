import { defineCommand } from '../src/core/command.ts';
import { encodeCustomId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import type { Translate } from '../src/core/locale.ts';
import type { ActionRow, Reply, ReplyField } from '../src/core/reply.ts';
import { quoteInline, stripBold } from '../src/core/text.ts';
import { hitView, PARTLY_READ, sectionTitle, shortSectionTitle } from '../src/knowledge/views.ts';
import type { Section } from '../src/knowledge/types.ts';
import { similarData, similarFields } from '../src/qa/similar-view.ts';

const SHOWN_HITS = 4;

export default defineCommand({
  name: 'ask',
  nameKo: '질문',
  description: {
    ko: '스터디 노트에서 답을 찾아요 (한국어·영어, 오타·초성도 괜찮아요)',
    en: "Find the answer in the group's study notes",
  },
  options: [
    {
      name: 'query',
      nameKo: '질문',
      type: 'string',
      required: true,
      rest: true,
      maxLength: 300,
      description: { ko: '궁금한 것 (예: 볼륨이 뭐야, -p 8080:80 의미)', en: 'Your question (e.g. what is a volume)' },
      autocomplete: (partial, ctx) =>
        ctx.knowledge.suggest(partial).map((s) => ({ name: { ko: s.title, en: s.title }, value: s.title })),
    },
    {
      name: 'hide',
      nameKo: '나만보기',
      type: 'boolean',
      description: { ko: '나에게만 보이게 답하기', en: 'Only you see the answer' },
    },
  ],
  run: ({ query, hide }, ctx) => {
    const scope = { guildId: ctx.caller.guildId };
    const result = ctx.knowledge.search(query, SHOWN_HITS, scope);
    // Q&A memory (src/qa): an earlier question this one repeats, with its (accepted) answer.
    const similar = ctx.qa.similar(query, scope);
    const questionId = ctx.store.questions.record({
      askedAt: ctx.clock.now(),
      userId: ctx.caller.id,
      userName: ctx.caller.name,
      guildId: ctx.caller.guildId,
      channelId: ctx.caller.channelId,
      transport: ctx.caller.transport,
      locale: ctx.caller.locale,
      query,
      hitIds: result.hits.map((h) => h.section.id),
      topScore: result.hits[0]?.score ?? null,
      answered: result.confident,
      hidden: hide ?? false,
    });
    const hits = result.hits.map(hitView);
    const data = {
      query,
      questionId,
      confident: result.confident,
      hits,
      ...(result.truncated && { truncated: true }),
      ...similarData(similar),
    };
    const { t } = ctx;
    // Search reads a long question only so far (src/knowledge/search/limits.ts): say so.
    const notice = result.truncated ? { footer: t(PARTLY_READ) } : {};
    const [best, ...others] = result.hits;
    const similarField = similarFields(similar, best, t);

    if (!best || !result.confident) {
      const closest = result.hits.slice(0, SHOWN_HITS);
      const asked = quoteInline(query);
      return {
        title: t({ ko: '노트에서 확실한 답을 찾지 못했어요', en: 'No sure answer in the notes' }),
        text: best
          ? t({
              ko:
                `${asked}에 딱 맞는 내용을 노트에서 찾지 못했어요. 가장 가까운 내용을 아래에 두었으니, ` +
                '아니라면 목록에서 골라 보세요. 질문은 기록해 두었으니 스터디에서 채워 볼게요.',
              en:
                `Nothing in the notes clearly answers ${asked}. The closest section is below: ` +
                "if it isn't it, pick another from the list. I recorded the question so the group can fill the gap.",
            })
          : t({
              ko: `${asked}에 맞는 내용이 노트에 없어요. 질문을 기록해 두었으니 스터디에서 채워 볼게요.`,
              en: `Nothing in the notes answers ${asked}. I recorded the question so the group can fill the gap.`,
            }),
        tone: 'warning',
        hits,
        ...(best
          ? {
              // Unsure is not empty-handed: the nearest section may still be what was meant.
              fields: [
                ...similarField,
                {
                  name: t({
                    ko: `가장 가까운 내용: ${listedTitle(best.section, t)}`,
                    en: `Closest: ${listedTitle(best.section, t)}`,
                  }),
                  value: best.snippet,
                },
              ],
              // 👍 on the closest section tells the group (and a later calibration) it was the answer after all.
              actions: [
                answerButtons(questionId, t),
                [
                  {
                    kind: 'select' as const,
                    customId: encodeCustomId('ask', 'pick', questionId),
                    placeholder: t({ ko: '혹시 이것을 찾으셨나요?', en: 'Did you mean one of these?' }),
                    options: closest.map((h) => pickOption(h.section, h.snippet, t)),
                  },
                ],
              ],
            }
          : {}),
        ...notice,
        ephemeral: hide ?? false,
        data,
      };
    }

    return {
      ...sectionReply(best.section, best.snippet),
      hits,
      fields: [
        ...similarField,
        ...chapterField(best.section, t),
        ...(others.length
          ? [
              {
                name: t({ ko: '함께 보면 좋은 곳', en: 'Also see' }),
                value: others.map((h) => `• ${listedTitle(h.section, t)}`).join('\n'),
              },
            ]
          : []),
      ],
      actions: [
        answerButtons(questionId, t),
        ...(others.length
          ? [
              [
                {
                  kind: 'select' as const,
                  customId: encodeCustomId('ask', 'pick', questionId),
                  placeholder: t({ ko: '다른 절 펼쳐 보기', en: 'Open another section' }),
                  options: others.map((h) => pickOption(h.section, h.snippet, t)),
                },
              ] as ActionRow,
            ]
          : []),
      ],
      ...notice,
      ephemeral: hide ?? false,
      data,
    };
  },
  components: {
    vote: ([id, direction], ctx) => {
      const questionId = Number(id);
      const question = ctx.store.questions.get(questionId);
      const sectionId = question?.hitIds[0];
      if (!question || !sectionId || (direction !== 'up' && direction !== 'down')) throw unknownQuestion();
      ctx.store.questions.vote({
        questionId,
        userId: ctx.caller.id,
        sectionId,
        value: direction === 'up' ? 1 : -1,
        votedAt: ctx.clock.now(),
      });
      const totals = ctx.store.questions.voteTotals(questionId, sectionId);
      const counts = `(👍 ${totals.up} · 👎 ${totals.down})`;
      return {
        text: ctx.t({ ko: `피드백 고마워요! ${counts}`, en: `Thanks for the feedback! ${counts}` }),
        ephemeral: true,
        data: { questionId, sectionId, ...totals },
      };
    },
    full: ([id], ctx) => {
      const sectionId = ctx.store.questions.get(Number(id))?.hitIds[0];
      const section = sectionId ? ctx.knowledge.section(sectionId) : undefined;
      if (!section) throw unknownQuestion();
      return {
        ...sectionReply(section, section.text),
        fields: chapterField(section, ctx.t),
        ephemeral: true,
      };
    },
    pick: ([id], ctx, selected) => {
      const section = selected[0] ? ctx.knowledge.section(selected[0]) : undefined;
      if (!section || !ctx.store.questions.get(Number(id))) throw unknownQuestion();
      return {
        ...sectionReply(section, section.text),
        fields: chapterField(section, ctx.t),
        ephemeral: true,
      };
    },
  },
});

function sectionReply(section: Section, text: string): Reply {
  return {
    title: sectionTitle(section),
    text,
    tone: 'info',
    // The source shows as a field beside the chapter, not again as a footer.
    data: { id: section.id },
  };
}

function chapterField(section: Section, t: Translate): ReplyField[] {
  return [
    { name: t({ ko: '장', en: 'Where' }), value: whereFrom(section, t), inline: true },
    { name: t({ ko: '출처', en: 'Source' }), value: `\`${section.source}\``, inline: true },
  ];
}

function whereFrom(section: Section, t: Translate): string {
  if (section.kind === 'community') return t({ ko: '커뮤니티 답변', en: 'Community answer' });
  if (section.chapter === undefined) return t({ ko: '문제 해결 가이드', en: 'Playbook' });
  return t({ ko: `${section.chapter}장`, en: `Chapter ${section.chapter}` });
}

/** In lists the whole heading path is noise: "5.1 도커 컴포즈 › 설치 (5장)". */
function listedTitle(section: Section, t: Translate): string {
  return `${shortSectionTitle(section)} (${whereFrom(section, t)})`;
}

/** A select option; Discord shows no Markdown there, so the snippet loses its bold. */
function pickOption(section: Section, snippet: string, t: Translate) {
  return { label: listedTitle(section, t), value: section.id, description: stripBold(snippet) };
}

/** 👍/👎 on the answer, and the whole section (the embed shows a snippet). */
function answerButtons(questionId: number, t: Translate): ActionRow {
  return [
    {
      kind: 'button',
      customId: encodeCustomId('ask', 'vote', questionId, 'up'),
      label: t({ ko: '도움이 됐어요', en: 'Helpful' }),
      emoji: '👍',
      style: 'success',
    },
    {
      kind: 'button',
      customId: encodeCustomId('ask', 'vote', questionId, 'down'),
      label: t({ ko: '아니에요', en: 'Not helpful' }),
      emoji: '👎',
      style: 'secondary',
    },
    {
      kind: 'button',
      customId: encodeCustomId('ask', 'full', questionId),
      label: t({ ko: '전체 보기', en: 'Whole section' }),
      emoji: '📖',
      style: 'primary',
    },
  ];
}

function unknownQuestion(): UserError {
  return new UserError('unknown-question', {
    ko: '이 질문 기록을 찾을 수 없어요. 다시 질문해 주세요.',
    en: 'That question is no longer on record. Please ask again.',
  });
}
