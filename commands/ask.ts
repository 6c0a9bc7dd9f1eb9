import { defineCommand } from '../src/core/command.ts';
import type { CommandContext } from '../src/core/context.ts';
import { encodeCustomId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import type { Translate } from '../src/core/locale.ts';
import type { ActionRow, HitView, Reply, ReplyField } from '../src/core/reply.ts';
import { clip, quoteInline, stripBold } from '../src/core/text.ts';
import { composeAnswer, type Answer } from '../src/knowledge/answer/compose.ts';
import { readableRefs } from '../src/knowledge/answer/refs.ts';
import { firstAnswer } from '../src/knowledge/first-answer.ts';
import type { SearchResult } from '../src/knowledge/knowledge-base.ts';
import type { SearchHit } from '../src/knowledge/search-engine.ts';
import { snippetAround } from '../src/knowledge/snippet.ts';
import type { Section } from '../src/knowledge/types.ts';
import { hitView, PARTLY_READ, sectionTitle, shortSectionTitle } from '../src/knowledge/views.ts';
import { similarData, similarFields } from '../src/qa/similar-view.ts';

/** Sections searched for: enough for the answer's own and a few more to offer. */
const SEARCHED_HITS = 8;
/** Other sections offered under the answer ("also see", the menu). */
const OFFERED_HITS = 3;
/** Discord's limit for a string option: a member may paste a whole error output with the question. */
const QUESTION_MAX_CHARS = 6000;
/** How much of the question the "no sure answer" reply quotes back. */
const QUOTED_CHARS = 120;

/** Part of a reply; parts are put together in order (fields and action rows add up). */
type ReplyPart = Partial<Reply>;

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
      maxLength: QUESTION_MAX_CHARS,
      description: {
        ko: '궁금한 것 (예: 볼륨이 뭐야, -p 8080:80 의미, 오류 메시지 붙여 넣기)',
        en: 'Your question (e.g. what is a volume), or a pasted error',
      },
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
    const { t } = ctx;
    const scope = { guildId: ctx.caller.guildId };
    const result = ctx.knowledge.search(query, SEARCHED_HITS, scope);
    // Q&A memory (src/qa): an earlier question this one repeats, with its (accepted) answer.
    const similar = ctx.qa.similar(query, scope);
    const answer = result.confident ? composeAnswer(result.question, result.hits, ctx.knowledge, t) : undefined;
    const served = servedHits(result, answer, ctx);
    const questionId = ctx.store.questions.record({
      askedAt: ctx.clock.now(),
      userId: ctx.caller.id,
      userName: ctx.caller.name,
      guildId: ctx.caller.guildId,
      channelId: ctx.caller.channelId,
      transport: ctx.caller.transport,
      locale: ctx.caller.locale,
      query,
      hitIds: served.map((h) => h.id),
      topScore: result.hits[0]?.score ?? null,
      answered: answer !== undefined,
      hidden: hide ?? false,
    });
    const data = {
      query,
      questionId,
      confident: answer !== undefined,
      hits: served,
      ...(result.truncated && { truncated: true }),
      ...similarData(similar),
    };
    const others = offeredHits(result.hits, answer?.sectionIds ?? []);
    const similarPart: ReplyPart = { fields: similarFields(similar, result.hits[0], t) };
    const parts: ReplyPart[] = answer
      ? [
          answerPart(answer),
          similarPart,
          chapterPart(answer.lead, t),
          alsoSeePart(others, t),
          { actions: [answerButtons(questionId, t)] },
          menuPart(questionId, others, t({ ko: '다른 절 펼쳐 보기', en: 'Open another section' }), t),
        ]
      : [
          similarPart,
          unsurePart(query, result, t),
          { actions: [answerButtons(questionId, t)] },
          menuPart(questionId, result.hits.slice(0, OFFERED_HITS + 1), undefined, t),
        ];
    // Search reads a long question only so far (src/knowledge/search/limits.ts): say so.
    if (result.truncated) parts.push({ footer: t(PARTLY_READ) });
    const reply = assemble(parts, { ephemeral: hide ?? false, data });
    return withFirstAnswer(reply, answer?.sectionIds ?? []);
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
      return { ...wholeSection(section, ctx), ephemeral: true };
    },
    pick: ([id], ctx, selected) => {
      const section = selected[0] ? ctx.knowledge.section(selected[0]) : undefined;
      if (!section || !ctx.store.questions.get(Number(id))) throw unknownQuestion();
      return { ...wholeSection(section, ctx), ephemeral: true };
    },
  },
});

/**
 * The sections ask served, in the order it served them: those the first answer was composed
 * from, then the others it offers. A composed section search did not list itself carries the
 * score of the hit the answer came from.
 */
function servedHits(result: SearchResult, answer: Answer | undefined, ctx: CommandContext): HitView[] {
  if (!answer) return result.hits.map(hitView);
  const byId = new Map(result.hits.map((h) => [h.section.id, h]));
  const bestScore = result.hits[0]?.score ?? 0;
  const own = answer.sectionIds.flatMap((id): SearchHit[] => {
    const hit = byId.get(id);
    if (hit) return [hit];
    const section = ctx.knowledge.section(id);
    return section ? [{ section, score: bestScore, snippet: snippetAround(section.text, []), matched: [] }] : [];
  });
  return [...own, ...offeredHits(result.hits, answer.sectionIds)].map(hitView);
}

/** The other sections offered beside the answer: not its own, and one passage of a heading only. */
function offeredHits(hits: readonly SearchHit[], answerIds: readonly string[]): SearchHit[] {
  const shown = new Set(answerIds.map(headingId));
  const offered: SearchHit[] = [];
  for (const hit of hits) {
    const heading = headingId(hit.section.id);
    if (shown.has(heading)) continue;
    shown.add(heading);
    offered.push(hit);
    if (offered.length === OFFERED_HITS) break;
  }
  return offered;
}

/** A section id without its passage number (`…#symptom~2` → `…#symptom`). */
const headingId = (sectionId: string): string => sectionId.replace(/~\d+$/, '');

function answerPart(answer: Answer): ReplyPart {
  return { title: answer.title, text: answer.text, tone: 'info' };
}

function unsurePart(query: string, result: SearchResult, t: Translate): ReplyPart {
  const [best] = result.hits;
  const asked = quoteInline(clip(query, QUOTED_CHARS));
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
    // Unsure is not empty-handed: the nearest section may still be what was meant.
    ...(best && {
      fields: [
        {
          name: t({
            ko: `가장 가까운 내용: ${listedTitle(best.section, t)}`,
            en: `Closest: ${listedTitle(best.section, t)}`,
          }),
          value: best.snippet,
        },
      ],
    }),
  };
}

function chapterPart(section: Section, t: Translate): ReplyPart {
  return { fields: chapterField(section, t) };
}

function alsoSeePart(others: readonly SearchHit[], t: Translate): ReplyPart {
  if (!others.length) return {};
  return {
    fields: [
      {
        name: t({ ko: '함께 보면 좋은 곳', en: 'Also see' }),
        value: others.map((h) => `• ${listedTitle(h.section, t)}`).join('\n'),
      },
    ],
  };
}

/** The menu that opens other sections; 👍 on the closest of an unsure answer tells the group it was the answer. */
function menuPart(
  questionId: number,
  hits: readonly SearchHit[],
  placeholder: string | undefined,
  t: Translate,
): ReplyPart {
  if (!hits.length) return {};
  return {
    actions: [
      [
        {
          kind: 'select',
          customId: encodeCustomId('ask', 'pick', questionId),
          placeholder: placeholder ?? t({ ko: '혹시 이것을 찾으셨나요?', en: 'Did you mean one of these?' }),
          options: hits.map((h) => pickOption(h.section, h.snippet, t)),
        },
      ],
    ],
  };
}

/** The parts in order: the first title, text, tone and footer that are set; fields and actions added up. */
function assemble(parts: readonly ReplyPart[], rest: ReplyPart): Reply {
  const reply: Reply = { ...rest };
  for (const part of parts) {
    const { fields, actions, ...single } = part;
    for (const [key, value] of Object.entries(single)) {
      if (value !== undefined && (reply as Record<string, unknown>)[key] === undefined) {
        (reply as Record<string, unknown>)[key] = value;
      }
    }
    if (fields?.length) reply.fields = [...(reply.fields ?? []), ...fields];
    if (actions?.length) reply.actions = [...(reply.actions ?? []), ...actions];
  }
  return reply;
}

/** `answer` in the data: what the member reads first, by the same function the eval judges it with. */
function withFirstAnswer(reply: Reply, sectionIds: string[]): Reply {
  const data = { ...(reply.data as Record<string, unknown>), answer: { sectionIds } };
  return { ...reply, data: { ...data, answer: firstAnswer({ ...reply, data }) } };
}

/** A whole section, opened from the 📖 button or the menu: its Markdown, references by their titles. */
function wholeSection(section: Section, ctx: CommandContext): Reply {
  return {
    title: sectionTitle(section),
    text: readableRefs(section.text, ctx.knowledge),
    tone: 'info',
    fields: chapterField(section, ctx.t),
    data: { id: section.id },
  };
}

function chapterField(section: Section, t: Translate): ReplyField[] {
  return [
    { name: t({ ko: '분류', en: 'Where' }), value: whereFrom(section, t), inline: true },
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

/** 👍/👎 on the answer, and the whole section (the answer shows part of it). */
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
