import { defineSubcommand } from '../../src/core/command.ts';
import { scheduleWords, targetLine, timeLines, upcoming } from '../../src/reminders/reminder-view.ts';
import { idOption, numbered, quoted, reminderId, scopeOf } from './shared.ts';
import { withParticle } from '../../src/core/korean-particles.ts';

export const remove = defineSubcommand({
  name: 'remove',
  nameKo: '삭제',
  description: { ko: '리마인더 지우기 (바로 멈춰요)', en: 'Delete a reminder (stops at once)' },
  options: [idOption],
  run: ({ id }, ctx) => {
    const reminder = ctx.scheduler.remove(reminderId(id), scopeOf(ctx));
    return {
      title: ctx.t({ ko: `🗑 리마인더 ${numbered(reminder.id)} 지웠어요`, en: `🗑 Reminder #${reminder.id} deleted` }),
      text: [scheduleWords(reminder, ctx.t), quoted(reminder.message)].join('\n'),
      ephemeral: true,
      data: { id: reminder.id, removed: true },
    };
  },
});

export const pause = defineSubcommand({
  name: 'pause',
  nameKo: '일시정지',
  description: { ko: '리마인더 잠시 멈추기', en: 'Pause a reminder' },
  options: [idOption],
  run: ({ id }, ctx) => {
    const reminder = ctx.scheduler.pause(reminderId(id), scopeOf(ctx));
    return {
      title: ctx.t({ ko: `⏸ 리마인더 ${numbered(reminder.id)} 멈췄어요`, en: `⏸ Reminder #${reminder.id} paused` }),
      text: ctx.t({
        ko: `멈춘 동안 지나간 알림은 나중에 보내지 않아요. ${withParticle(`\`/remind resume id:${reminder.id}\``, '으로/로')} 다시 켜요.`,
        en: `Fires while paused are never sent later. \`/remind resume id:${reminder.id}\` turns it back on.`,
      }),
      ephemeral: true,
      data: { id: reminder.id, status: reminder.status },
    };
  },
});

export const resume = defineSubcommand({
  name: 'resume',
  nameKo: '재개',
  description: { ko: '멈춘 리마인더 다시 켜기', en: 'Resume a paused reminder' },
  options: [idOption],
  run: ({ id }, ctx) => {
    const reminder = ctx.scheduler.resume(reminderId(id), scopeOf(ctx));
    const next = upcoming(reminder, ctx.clock.now(), 3);
    return {
      title: ctx.t({
        ko: `▶️ 리마인더 ${numbered(reminder.id)} 다시 켰어요`,
        en: `▶️ Reminder #${reminder.id} resumed`,
      }),
      text: [
        scheduleWords(reminder, ctx.t),
        '',
        `**${ctx.t({ ko: '다음 알림', en: 'Next' })}**`,
        timeLines(next, reminder.timezone),
      ].join('\n'),
      ephemeral: true,
      data: { id: reminder.id, status: reminder.status, next: next.map((at) => at.toISOString()) },
    };
  },
});

export const test = defineSubcommand({
  name: 'test',
  nameKo: '테스트',
  description: {
    ko: '리마인더를 지금 한 번 보내 보기 (역할 알림 없이)',
    en: 'Post a reminder now to try it (notifies no role)',
  },
  options: [idOption],
  run: async ({ id }, ctx) => {
    const { delivered, post } = await ctx.scheduler.test(reminderId(id), scopeOf(ctx));
    const reminder = ctx.scheduler.find(post.reminderId, scopeOf(ctx));
    if (delivered) {
      return {
        text: ctx.t({
          ko: `📨 리마인더 ${numbered(reminder.id)} 지금 보냈어요: ${targetLine(reminder, ctx.t)}. 테스트라서 역할 알림은 가지 않았어요.`,
          en: `📨 Posted reminder #${reminder.id} now: ${targetLine(reminder, ctx.t)}. As a test it notified no role.`,
        }),
        tone: 'success',
        ephemeral: true,
        data: { id: reminder.id, delivered: true },
      };
    }
    return {
      ...post.reply,
      text: [
        ctx.t({
          ko: `ℹ️ 여기서는 리마인더를 보내지 않아요(봇이나 콘솔이 보내요). 보내면 이렇게 올라가요 → ${targetLine(reminder, ctx.t)}`,
          en: `ℹ️ Reminders are not posted from here (the bot or the console posts them). It will read like this → ${targetLine(reminder, ctx.t)}`,
        }),
        post.reply.text ?? '',
      ].join('\n\n'),
      ephemeral: true,
      data: {
        id: reminder.id,
        delivered: false,
        title: post.reply.title,
        text: post.reply.text,
        fields: post.reply.fields ?? [],
      },
    };
  },
});
