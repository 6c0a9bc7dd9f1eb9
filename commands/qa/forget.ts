import { defineSubcommand, type ComponentHandler } from '../../src/core/command.ts';
import type { CommandContext } from '../../src/core/context.ts';
import { encodeCustomId } from '../../src/core/custom-id.ts';
import { UserError } from '../../src/core/errors.ts';
import type { Reply } from '../../src/core/reply.ts';

export const forgetMe = defineSubcommand({
  name: 'forget-me',
  nameKo: '기록삭제',
  description: { ko: '내 질문·평가·답변을 모두 지우기', en: 'Delete all your questions, votes and answers' },
  options: [
    {
      name: 'confirm',
      nameKo: '확인',
      type: 'boolean',
      description: { ko: '묻지 않고 바로 지우기', en: 'Delete without asking again' },
    },
  ] as const,
  run: ({ confirm }, ctx) => {
    if (confirm) return forgotten(ctx);
    const found = ctx.qa.forgetPreview(ctx.caller.id);
    const nothing = found.questions + found.votes + found.answers === 0;
    return {
      title: ctx.t({ ko: '내 기록 지우기', en: 'Delete my records' }),
      text: nothing
        ? ctx.t({ ko: '지울 기록이 없어요.', en: 'There is nothing to delete.' })
        : ctx.t({
            ko: `질문 ${found.questions}개, 평가 ${found.votes}개, 답변 ${found.answers}개를 지워요. 내 질문에 다른 분들이 남긴 답변과 평가도 함께 지워지고, 되돌릴 수 없어요.`,
            en: `This deletes ${found.questions} questions, ${found.votes} votes and ${found.answers} answers — with the answers and votes others left on your questions. It cannot be undone.`,
          }),
      tone: nothing ? 'info' : 'warning',
      ephemeral: true,
      ...(nothing
        ? {}
        : {
            actions: [
              [
                {
                  kind: 'button' as const,
                  customId: encodeCustomId('qa', 'forget', encodeURIComponent(ctx.caller.id)),
                  label: ctx.t({ ko: '모두 지우기', en: 'Delete everything' }),
                  emoji: '🗑️',
                  style: 'danger' as const,
                },
              ],
            ],
          }),
      data: { pending: found },
    };
  },
});

/** 🗑️ on the confirmation: `qa:forget:<userId>`, pressed by that member only. */
export const forgetButton: ComponentHandler = ([who], ctx) => {
  if (decodeURIComponent(who ?? '') !== ctx.caller.id) {
    throw new UserError('not-yours', {
      ko: '이 버튼은 그 기록의 주인만 누를 수 있어요.',
      en: 'Only the member whose records these are can press this.',
    });
  }
  return { ...forgotten(ctx), replaceOriginal: true };
};

function forgotten(ctx: CommandContext): Reply {
  const done = ctx.qa.forget(ctx.caller.id);
  return {
    text: ctx.t({
      ko: `지웠어요: 질문 ${done.questions}개, 평가 ${done.votes}개, 답변 ${done.answers}개${done.othersOnTheirQuestions ? ` (내 질문에 달린 다른 분들의 답변·평가 ${done.othersOnTheirQuestions}개 포함)` : ''}.${done.remindersUnnamed ? ` 내가 만든 리마인더 ${done.remindersUnnamed}개는 남기되 이름을 지웠어요.` : ''}`,
      en: `Deleted ${done.questions} questions, ${done.votes} votes and ${done.answers} answers${done.othersOnTheirQuestions ? ` (and ${done.othersOnTheirQuestions} answers and votes others left on them)` : ''}.${done.remindersUnnamed ? ` ${done.remindersUnnamed} reminders you created keep running, without your name.` : ''}`,
    }),
    tone: 'success',
    ephemeral: true,
    data: { forgotten: done },
  };
}
