import { defineSubcommand, type AutocompleteSource } from '../../src/core/command.ts';
import { upcoming, scheduleWords, targetLine, timeLines } from '../../src/reminders/reminder-view.ts';
import { numbered, quoted, scopeOf } from './shared.ts';
import { CHAPTER_COUNT, CHAPTERS } from '../../src/knowledge/chapters.ts';

const timeZones: AutocompleteSource = (partial) => {
  const wanted = partial.trim().toLowerCase();
  return Intl.supportedValuesOf('timeZone')
    .filter((zone) => !wanted || zone.toLowerCase().includes(wanted))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(wanted)) - Number(!b.toLowerCase().startsWith(wanted)))
    .slice(0, 25)
    .map((zone) => ({ name: { ko: zone, en: zone }, value: zone }));
};

export const add = defineSubcommand({
  name: 'add',
  nameKo: '추가',
  description: { ko: '정해진 때에 채널에 올릴 리마인더 만들기', en: 'Schedule a reminder posted to a channel' },
  options: [
    {
      name: 'schedule',
      nameKo: '일정',
      aliases: ['cron'],
      type: 'string',
      required: true,
      rest: true,
      maxLength: 100,
      description: {
        ko: '예: 매주 수요일 20:00, 평일 09:00, 0 20 * * 3, 2026-12-03 19:30',
        en: 'e.g. every wednesday 20:00, weekdays 09:00, 0 20 * * 3, 2026-12-03 19:30',
      },
    },
    {
      name: 'message',
      nameKo: '메시지',
      type: 'string',
      required: true,
      maxLength: 1000,
      description: { ko: '올릴 메시지', en: 'The message to post' },
    },
    {
      name: 'channel',
      nameKo: '채널',
      type: 'channel',
      description: { ko: '올릴 채널 (비우면 지금 채널)', en: 'Channel to post in (default: this one)' },
    },
    {
      name: 'role',
      nameKo: '역할',
      type: 'role',
      description: { ko: '알릴 역할 (이 역할만 멘션해요)', en: 'Role to notify (the only mention)' },
    },
    {
      name: 'chapter',
      nameKo: '장',
      type: 'integer',
      description: {
        ko: `붙일 실습 체크리스트의 장 (1–${CHAPTER_COUNT})`,
        en: `Attach this chapter's lab checklist (1–${CHAPTER_COUNT})`,
      },
      choices: CHAPTERS.map((n) => ({ name: { ko: `${n}장`, en: `Chapter ${n}` }, value: n })),
    },
    {
      name: 'timezone',
      nameKo: '시간대',
      aliases: ['tz'],
      type: 'string',
      maxLength: 64,
      description: { ko: '일정의 시간대 (비우면 기본 시간대)', en: 'Time zone of the schedule (default: configured)' },
      autocomplete: timeZones,
    },
  ],
  run: ({ schedule, message, channel, role, chapter, timezone }, ctx) => {
    const { reminder, schedule: parsed } = ctx.scheduler.add({
      schedule,
      timezone,
      message,
      channelId: channel ?? ctx.caller.channelId,
      roleId: role,
      chapter,
      guildId: scopeOf(ctx),
      createdBy: ctx.caller.id,
      createdByName: ctx.caller.name,
    });
    const zone = reminder.timezone;
    const next = upcoming(reminder, ctx.clock.now(), 3);
    const description = scheduleWords(reminder, ctx.t);
    const zoneNote = parsed.zoneGiven
      ? ctx.t({ ko: `🌐 시간대 ${zone} 기준으로 울려요.`, en: `🌐 Runs in ${zone}.` })
      : ctx.t({
          ko: `🌐 시간대를 따로 정하지 않아서 기본 시간대 ${zone} 기준으로 울려요.`,
          en: `🌐 No time zone given, so it runs in the configured zone, ${zone}.`,
        });
    return {
      title: ctx.t({ ko: `⏰ 리마인더 ${numbered(reminder.id)} 저장했어요`, en: `⏰ Reminder #${reminder.id} saved` }),
      text: [
        `**${description}**`,
        zoneNote,
        `📣 ${targetLine(reminder, ctx.t)}`,
        quoted(message),
        '',
        `**${ctx.t({ ko: '다음 알림', en: 'Next' })}**`,
        timeLines(next, zone),
      ].join('\n'),
      tone: 'success',
      footer: ctx.t({
        ko: `/remind list 로 목록을, /remind test id:${reminder.id} 로 지금 미리 보내 볼 수 있어요.`,
        en: `See /remind list; /remind test id:${reminder.id} posts it now to try.`,
      }),
      ephemeral: true,
      data: { id: reminder.id, description, next: next.map((at) => at.toISOString()) },
    };
  },
});
