import { defineSubcommand } from '../../src/core/command.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { clip } from '../../src/core/text.ts';
import { timestamp } from '../../src/core/timestamp.ts';
import {
  lastFireText,
  scheduleOf,
  scheduleWords,
  statusText,
  targetLine,
  upcoming,
} from '../../src/reminders/reminder-view.ts';
import { quoted, scopeOf } from './shared.ts';

/** Discord shows at most 25 fields; --json lists all. */
const SHOWN = 25;

export const list = defineSubcommand({
  name: 'list',
  nameKo: '목록',
  description: { ko: '리마인더 목록과 다음 알림 시각', en: 'Reminders and when they fire next' },
  options: [],
  run: (_options, ctx) => {
    const now = ctx.clock.now();
    const reminders = ctx.scheduler.list(scopeOf(ctx)).map((reminder) => ({
      reminder,
      next: upcoming(reminder, now, 3),
    }));
    const fields: ReplyField[] = reminders.slice(0, SHOWN).map(({ reminder, next }) => {
      const zone = reminder.timezone;
      const status = reminder.status === 'active' ? '' : ` · ${statusText(reminder, ctx.t)}`;
      const [first] = next;
      const lines = [
        scheduleWords(reminder, ctx.t),
        `📣 ${targetLine(reminder, ctx.t)}`,
        quoted(reminder.message, 200),
        ...(first
          ? [ctx.t({ ko: '다음: ', en: 'Next: ' }) + `${timestamp(first, zone, 'F')} (${timestamp(first, zone, 'R')})`]
          : []),
        lastFireText(reminder.lastFire, zone, ctx.t) ?? '',
      ];
      return {
        name: clip(`#${reminder.id} · ${reminder.scheduleInput}${status}`, 256),
        value: lines.filter(Boolean).join('\n'),
      };
    });
    const more = reminders.length - SHOWN;
    return {
      title: ctx.t({ ko: `⏰ 리마인더 ${reminders.length}개`, en: `⏰ Reminders (${reminders.length})` }),
      ...(reminders.length
        ? {}
        : {
            text: ctx.t({
              ko: '리마인더가 아직 없어요. `/remind add`로 만들어 보세요.',
              en: 'No reminders yet. Create one with `/remind add`.',
            }),
          }),
      fields,
      ...(more > 0
        ? {
            footer: ctx.t({
              ko: `…그리고 ${more}개 더 (--json 으로 전체 보기)`,
              en: `…and ${more} more (--json lists all)`,
            }),
          }
        : {}),
      ephemeral: true,
      data: {
        reminders: reminders.map(({ reminder, next }) => {
          const schedule = scheduleOf(reminder);
          return {
            id: reminder.id,
            schedule: reminder.scheduleInput,
            ...(schedule.kind === 'cron' ? { cron: schedule.expression } : { at: schedule.at.toISOString() }),
            timezone: reminder.timezone,
            description: scheduleWords(reminder, ctx.t),
            message: reminder.message,
            channelId: reminder.channelId ?? null,
            roleId: reminder.roleId ?? null,
            chapter: reminder.chapter ?? null,
            status: reminder.status,
            next: next.map((at) => at.toISOString()),
            lastFire: reminder.lastFire
              ? {
                  at: reminder.lastFire.fireTime.toISOString(),
                  outcome: reminder.lastFire.outcome,
                  late: reminder.lastFire.late,
                }
              : null,
          };
        }),
      },
    };
  },
});
