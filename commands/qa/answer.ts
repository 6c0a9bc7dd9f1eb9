import { defineSubcommand, type ComponentHandler } from '../../src/core/command.ts';
import type { CommandContext } from '../../src/core/context.ts';
import { encodeCustomId } from '../../src/core/custom-id.ts';
import type { Reply } from '../../src/core/reply.ts';
import { communityId } from '../../src/qa/community-index.ts';
import { ANSWER_MAX, questionText } from '../../src/qa/qa-service.ts';
import type { AnswerRecord, QuestionSummary } from '../../src/store/qa.ts';
import { answerOption, idFrom, memberOf, questionOption, scopeOf } from './shared.ts';
import { particle, withParticle } from '../../src/core/korean-particles.ts';

export const answer = defineSubcommand({
  name: 'answer',
  nameKo: '답변',
  description: {
    ko: '질문에 답하기: 바로 검색에 들어가고 질문한 사람에게 알려요',
    en: 'Answer a question: searchable at once, and the asker is told',
  },
  options: [
    questionOption,
    {
      name: 'text',
      nameKo: '내용',
      type: 'string',
      required: true,
      rest: true,
      maxLength: ANSWER_MAX,
      description: { ko: '답변 (Markdown 가능)', en: 'The answer (Markdown works)' },
    },
  ] as const,
  run: ({ question, text }, ctx) => {
    const saved = ctx.qa.answer(idFrom(question, 'question'), text, memberOf(ctx));
    const asker = saved.question;
    // The asker hears of it in the channel — only them, only if they asked in the open and are not the one answering.
    const notify = !asker.hidden && asker.transport === 'discord' && asker.userId !== ctx.caller.id;
    const notes: string[] = [];
    if (saved.redacted) {
      notes.push(
        ctx.t({
          ko: '🔒 비밀처럼 보이는 값은 `[REDACTED]`로 가려서 저장했어요.',
          en: '🔒 Values that looked like secrets were saved as `[REDACTED]`.',
        }),
      );
    }
    if (asker.hidden) {
      notes.push(
        ctx.t({
          ko: "🙈 '나만 보기'로 한 질문이라 질문한 분을 부르지 않았어요. `/qa history`에서 답변을 볼 수 있어요.",
          en: '🙈 This was asked privately, so the asker is not pinged; they see the answer in `/qa history`.',
        }),
      );
    }
    const reply = answerMessage(saved.answer, asker, ctx, notes);
    return {
      ...reply,
      ...(notify ? { mentionUsers: [{ id: asker.userId, name: asker.userName }] } : {}),
      data: {
        answerId: saved.answer.id,
        questionId: asker.id,
        source: communityId(asker.id),
        status: saved.answer.status,
        notified: notify ? asker.userId : null,
        redacted: saved.redacted,
        indexMs: Math.round(saved.indexMs * 10) / 10,
      },
    };
  },
});

export const accept = defineSubcommand({
  name: 'accept',
  nameKo: '채택',
  description: {
    ko: '이 답변으로 해결됐다고 표시 (질문한 사람·운영진)',
    en: 'Mark the answer that solved it (asker, organizers)',
  },
  options: [answerOption] as const,
  run: ({ answer: id }, ctx) => acceptReply(idFrom(id, 'answer'), ctx),
});

/** ✅ on the answer message: `qa:accept:<answerId>`; the message then shows it accepted. */
export const acceptButton: ComponentHandler = ([id], ctx) => ({
  ...acceptReply(idFrom(id ?? '', 'answer'), ctx),
  replaceOriginal: true,
});

export const removeAnswer = defineSubcommand({
  name: 'remove-answer',
  nameKo: '답변삭제',
  description: { ko: '답변 지우기 (운영진): 검색에서도 바로 빠져요', en: 'Remove an answer (organizers)' },
  organizerOnly: true,
  options: [answerOption] as const,
  run: ({ answer: id }, ctx) => {
    const { answer: removed, question } = ctx.qa.removeAnswer(idFrom(id, 'answer'), scopeOf(ctx));
    return {
      text: ctx.t({
        ko: `질문 #${question.id}에 달린 ${withParticle(`답변 #${removed.id}`, '을/를')} 지웠어요 (작성: ${removed.authorName}). 검색에서도 빠졌어요.`,
        en: `Removed answer #${removed.id} (${removed.authorName}) to question #${question.id}; it is out of search too.`,
      }),
      tone: 'success',
      ephemeral: true,
      data: { answerId: removed.id, questionId: question.id, removed: true },
    };
  },
});

export const vote = defineSubcommand({
  name: 'vote',
  nameKo: '평가',
  description: {
    ko: '답이 도움이 됐는지 (한 사람 한 표, 바꿀 수 있어요)',
    en: 'Was the answer helpful (one vote each)',
  },
  options: [
    questionOption,
    {
      name: 'direction',
      nameKo: '평가',
      type: 'string',
      required: true,
      choices: [
        { name: { ko: '👍 도움이 됐어요', en: '👍 helpful' }, value: 'up' },
        { name: { ko: '👎 아니에요', en: '👎 not helpful' }, value: 'down' },
      ],
      description: { ko: 'up 또는 down', en: 'up or down' },
    },
  ] as const,
  run: ({ question, direction }, ctx) => {
    const value = direction === 'up' ? 1 : -1;
    const after = ctx.qa.vote(idFrom(question, 'question'), memberOf(ctx), value);
    return {
      text: ctx.t({
        ko: `질문 #${after.id}에 ${value > 0 ? '👍' : '👎'} 남겼어요 (👍 ${after.up} · 👎 ${after.down}).`,
        en: `Voted ${value > 0 ? '👍' : '👎'} on question #${after.id} (👍 ${after.up} · 👎 ${after.down}).`,
      }),
      ephemeral: true,
      data: { questionId: after.id, value, up: after.up, down: after.down, needsAnswer: after.needsAnswer },
    };
  },
});

function acceptReply(answerId: number, ctx: CommandContext): Reply {
  const { answer: accepted, question } = ctx.qa.accept(answerId, memberOf(ctx));
  return {
    ...answerMessage(accepted, question, ctx, [
      ctx.t({
        ko: `✅ ${ctx.caller.name} 님이 이 답변을 채택했어요. 비슷한 질문에는 이 답이 먼저 보여요.`,
        en: `✅ ${ctx.caller.name} marked this answer. Similar questions get it first.`,
      }),
    ]),
    data: { answerId: accepted.id, questionId: question.id, status: accepted.status },
  };
}

/** The public message of an answer: the question, the answer, who wrote it, and ✅ to mark it. */
function answerMessage(answer: AnswerRecord, question: QuestionSummary, ctx: CommandContext, notes: string[]): Reply {
  const accepted = answer.status === 'accepted';
  const asked = question.hidden
    ? ''
    : ctx.t({ ko: ` (${question.userName} 님의 질문)`, en: ` (asked by ${question.userName})` });
  return {
    title: accepted
      ? ctx.t({ ko: `✅ 질문 #${question.id}의 채택된 답변`, en: `✅ Accepted answer to question #${question.id}` })
      : ctx.t({ ko: `💬 질문 #${question.id}에 답변이 달렸어요`, en: `💬 An answer to question #${question.id}` }),
    text: [`> ${questionText(question.query, 300)}${asked}`, answer.text, ...notes].join('\n\n'),
    tone: accepted ? 'success' : 'info',
    footer: ctx.t({
      ko: `답변 #${answer.id} · ${answer.authorName} · 검색에서는 커뮤니티 답변 ${communityId(question.id)}${particle(communityId(question.id), '으로/로')} 보여요`,
      en: `answer #${answer.id} · ${answer.authorName} · in search as ${communityId(question.id)} (community answer)`,
    }),
    actions: [
      [
        {
          kind: 'button',
          customId: encodeCustomId('qa', 'accept', answer.id),
          label: accepted
            ? ctx.t({ ko: '채택됨', en: 'Accepted' })
            : ctx.t({ ko: '이 답변으로 해결됐어요', en: 'This solved it' }),
          emoji: '✅',
          style: 'success',
          disabled: accepted,
        },
      ],
    ],
  };
}
