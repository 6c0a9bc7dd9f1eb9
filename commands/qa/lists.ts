import { defineSubcommand, type ComponentHandler } from '../../src/core/command.ts';
import type { CommandContext } from '../../src/core/context.ts';
import { UserError } from '../../src/core/errors.ts';
import type { Reply } from '../../src/core/reply.ts';
import { PAGE_SIZE, pager, questionField, questionJson, scopeOf } from './shared.ts';

export const unanswered = defineSubcommand({
  name: 'unanswered',
  nameKo: '미해결',
  description: {
    ko: '노트에서 답을 못 찾았거나 👎를 받은 질문 (최신순)',
    en: 'Questions the notes could not answer or that got 👎 (newest first)',
  },
  options: [],
  run: (_options, ctx) => unansweredPage(ctx, 1),
});

export const history = defineSubcommand({
  name: 'history',
  nameKo: '기록',
  description: { ko: '내 질문과 받은 답변 (다른 사람 것은 운영진만)', en: 'Your questions and their answers' },
  options: [
    {
      name: 'user',
      nameKo: '사용자',
      type: 'user',
      description: { ko: '이 사람의 기록 (운영진)', en: "This member's history (organizers)" },
    },
  ] as const,
  run: ({ user }, ctx) => historyPage(ctx, user ?? ctx.caller.id, 1),
});

export const list = defineSubcommand({
  name: 'list',
  nameKo: '목록',
  description: { ko: '최근 질문 목록 (최신순)', en: 'Recent questions (newest first)' },
  options: [
    {
      name: 'unanswered',
      nameKo: '미해결만',
      type: 'boolean',
      description: { ko: '답을 기다리는 질문만', en: 'Only questions waiting for an answer' },
    },
    {
      name: 'limit',
      nameKo: '개수',
      type: 'integer',
      min: 1,
      max: 1000,
      description: { ko: '몇 개까지 (기본 20)', en: 'How many (default 20)' },
    },
  ] as const,
  run: ({ unanswered: onlyOpen, limit }, ctx) => {
    const questions = ctx.qa.list(scopeOf(ctx), { unanswered: onlyOpen ?? false, limit: limit ?? 20 });
    const shown = questions.slice(0, 10);
    return {
      title: onlyOpen
        ? ctx.t({ ko: `답을 기다리는 질문 ${questions.length}개`, en: `${questions.length} unanswered questions` })
        : ctx.t({ ko: `최근 질문 ${questions.length}개`, en: `${questions.length} recent questions` }),
      ...(questions.length ? {} : { text: ctx.t({ ko: '기록된 질문이 없어요.', en: 'No questions on record.' }) }),
      fields: shown.map((q) => questionField(q, ctx)),
      ...(questions.length > shown.length
        ? {
            footer: ctx.t({
              ko: `처음 ${shown.length}개만 보여요 (--json 은 전부)`,
              en: `Showing the first ${shown.length} (--json has all)`,
            }),
          }
        : {}),
      data: questions.map(questionJson),
    };
  },
});

/** ◀ ▶: `qa:page:<list>:<page>[:<user>]`. */
export const page: ComponentHandler = ([listName, to, who], ctx) => {
  const number = Number(to);
  if (!Number.isInteger(number)) throw new UserError('unknown-component', { ko: '쪽 번호가 없어요.', en: 'No page.' });
  const reply =
    listName === 'history' && who ? historyPage(ctx, decodeURIComponent(who), number) : unansweredPage(ctx, number);
  return { ...reply, replaceOriginal: true };
};

function unansweredPage(ctx: CommandContext, at: number): Reply {
  const found = ctx.qa.unanswered(scopeOf(ctx), at, PAGE_SIZE);
  const { total } = found;
  return {
    title: ctx.t({ ko: `답을 기다리는 질문 ${total}개`, en: `${total} questions waiting for an answer` }),
    text: total
      ? ctx.t({
          ko: '노트에서 답을 찾지 못했거나 👎를 받은 질문이에요 (최신순). 아는 분은 `/qa answer`로 답해 주세요 — 다음에 비슷한 질문이 오면 그 답이 먼저 보여요.',
          en: 'Questions the notes could not answer, or whose answer got 👎 (newest first). If you know, answer with `/qa answer` — the next similar question gets your answer first.',
        })
      : ctx.t({ ko: '지금은 답을 기다리는 질문이 없어요. 🎉', en: 'No question is waiting for an answer. 🎉' }),
    tone: total ? 'info' : 'success',
    fields: found.items.map((q) => questionField(q, ctx)),
    ...(found.pages > 1
      ? { footer: ctx.t({ ko: `${found.page}/${found.pages}쪽`, en: `page ${found.page}/${found.pages}` }) }
      : {}),
    actions: pager('unanswered', found.page, found.pages, ctx.t),
    data: { total, page: found.page, pages: found.pages, questions: found.items.map(questionJson) },
  };
}

function historyPage(ctx: CommandContext, userId: string, at: number): Reply {
  const own = userId === ctx.caller.id;
  if (!own && !ctx.caller.isOrganizer) {
    throw new UserError('organizer-only', {
      ko: '다른 사람의 질문 기록은 운영진만 볼 수 있어요.',
      en: "Only organizers can see another member's questions.",
    });
  }
  const found = ctx.qa.history(userId, scopeOf(ctx), at, PAGE_SIZE);
  const name = found.items[0]?.userName ?? userId;
  return {
    title: own
      ? ctx.t({ ko: `내 질문 ${found.total}개`, en: `Your ${found.total} questions` })
      : ctx.t({ ko: `${name}의 질문 ${found.total}개`, en: `${name}: ${found.total} questions` }),
    ...(found.total ? {} : { text: ctx.t({ ko: '기록된 질문이 없어요.', en: 'No questions on record.' }) }),
    fields: found.items.map((q) => questionField(q, ctx, { answer: ctx.qa.answersTo(q.id)[0] })),
    ...(found.pages > 1
      ? { footer: ctx.t({ ko: `${found.page}/${found.pages}쪽`, en: `page ${found.page}/${found.pages}` }) }
      : {}),
    actions: pager('history', found.page, found.pages, ctx.t, userId),
    // Someone's questions are theirs: shown to the caller only.
    ephemeral: true,
    data: {
      userId,
      total: found.total,
      page: found.page,
      pages: found.pages,
      questions: found.items.map(questionJson),
    },
  };
}
