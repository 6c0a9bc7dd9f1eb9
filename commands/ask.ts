import { defineCommand } from '../src/core/command.ts';
import { encodeCustomId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import type { ActionRow, Reply, ReplyField } from '../src/core/reply.ts';
import { clip, quoteInline, stripBold } from '../src/core/text.ts';
import { hitView, sectionTitle, shortSectionTitle } from '../src/knowledge/views.ts';
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
        ctx.knowledge.suggest(partial, 25).map((s) => ({ name: { ko: s.title, en: s.title }, value: s.title })),
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
    const data = { query, questionId, confident: result.confident, hits, ...similarData(similar) };
    const en = ctx.caller.locale === 'en';
    const [best, ...others] = result.hits;
    const similarField = similarFields(similar, best, ctx.t);

    if (!best || !result.confident) {
      const closest = result.hits.slice(0, SHOWN_HITS);
      const asked = quoteInline(query);
      return {
        title: en ? 'No sure answer in the notes' : '노트에서 확실한 답을 찾지 못했어요',
        text: best
          ? en
            ? `Nothing in the notes clearly answers ${asked}. The closest section is below: if it isn't it, pick another from the list. I recorded the question so the group can fill the gap.`
            : `${asked}에 딱 맞는 내용을 노트에서 찾지 못했어요. 가장 가까운 내용을 아래에 두었으니, 아니라면 목록에서 골라 보세요. 질문은 기록해 두었으니 스터디에서 채워 볼게요.`
          : en
            ? `Nothing in the notes answers ${asked}. I recorded the question so the group can fill the gap.`
            : `${asked}에 맞는 내용이 노트에 없어요. 질문을 기록해 두었으니 스터디에서 채워 볼게요.`,
        tone: 'warning',
        hits,
        ...(best
          ? {
              // Unsure is not empty-handed: the nearest section may still be what was meant.
              fields: [
                ...similarField,
                {
                  name: en
                    ? `Closest: ${listedTitle(best.section, en)}`
                    : `가장 가까운 내용: ${listedTitle(best.section, en)}`,
                  value: best.snippet,
                },
              ],
              // 👍 on the closest section tells the group (and a later calibration) it was the answer after all.
              actions: [
                answerButtons(questionId, en),
                [
                  {
                    kind: 'select' as const,
                    customId: encodeCustomId('ask', 'pick', questionId),
                    placeholder: en ? 'Did you mean one of these?' : '혹시 이것을 찾으셨나요?',
                    options: closest.map((h) => pickOption(h.section, h.snippet, en)),
                  },
                ],
              ],
            }
          : {}),
        ephemeral: hide ?? false,
        data,
      };
    }

    return {
      ...sectionReply(best.section, best.snippet),
      hits,
      fields: [
        ...similarField,
        ...chapterField(best.section, en),
        ...(others.length
          ? [
              {
                name: en ? 'Also see' : '함께 보면 좋은 곳',
                value: others.map((h) => `• ${listedTitle(h.section, en)}`).join('\n'),
              },
            ]
          : []),
      ],
      actions: [
        answerButtons(questionId, en),
        ...(others.length
          ? [
              [
                {
                  kind: 'select' as const,
                  customId: encodeCustomId('ask', 'pick', questionId),
                  placeholder: en ? 'Open another section' : '다른 절 펼쳐 보기',
                  options: others.map((h) => pickOption(h.section, h.snippet, en)),
                },
              ] as ActionRow,
            ]
          : []),
      ],
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
      const en = ctx.caller.locale === 'en';
      return {
        text: en
          ? `Thanks for the feedback! (👍 ${totals.up} · 👎 ${totals.down})`
          : `피드백 고마워요! (👍 ${totals.up} · 👎 ${totals.down})`,
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
        fields: chapterField(section, ctx.caller.locale === 'en'),
        ephemeral: true,
      };
    },
    pick: ([id], ctx, selected) => {
      const section = selected[0] ? ctx.knowledge.section(selected[0]) : undefined;
      if (!section || !ctx.store.questions.get(Number(id))) throw unknownQuestion();
      return {
        ...sectionReply(section, section.text),
        fields: chapterField(section, ctx.caller.locale === 'en'),
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

function chapterField(section: Section, en: boolean): ReplyField[] {
  return [
    { name: en ? 'Where' : '장', value: whereFrom(section, en), inline: true },
    { name: en ? 'Source' : '출처', value: `\`${section.source}\``, inline: true },
  ];
}

function whereFrom(section: Section, en: boolean): string {
  if (section.kind === 'community') return en ? 'Community answer' : '커뮤니티 답변';
  if (section.chapter === undefined) return en ? 'Playbook' : '문제 해결 가이드';
  return en ? `Chapter ${section.chapter}` : `${section.chapter}장`;
}

/** In lists the whole heading path is noise: "5.1 도커 컴포즈 › 설치 (5장)". */
function listedTitle(section: Section, en: boolean): string {
  return `${shortSectionTitle(section)} (${whereFrom(section, en)})`;
}

function pickOption(section: Section, snippet: string, en: boolean) {
  return { label: clip(listedTitle(section, en), 100), value: section.id, description: clip(stripBold(snippet), 100) };
}

/** 👍/👎 on the answer, and the whole section (the embed shows a snippet). */
function answerButtons(questionId: number, en: boolean): ActionRow {
  return [
    {
      kind: 'button',
      customId: encodeCustomId('ask', 'vote', questionId, 'up'),
      label: en ? 'Helpful' : '도움이 됐어요',
      emoji: '👍',
      style: 'success',
    },
    {
      kind: 'button',
      customId: encodeCustomId('ask', 'vote', questionId, 'down'),
      label: en ? 'Not helpful' : '아니에요',
      emoji: '👎',
      style: 'secondary',
    },
    {
      kind: 'button',
      customId: encodeCustomId('ask', 'full', questionId),
      label: en ? 'Whole section' : '전체 보기',
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
