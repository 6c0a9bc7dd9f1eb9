import type { Localized, Translate } from '../core/locale.ts';
import { timestamp } from '../core/timestamp.ts';
import type { FireRecord, ReminderRecord } from '../store/reminders.ts';
import { CronRule } from './cron-rule.ts';
import { describeSchedule, type ScheduleShape } from './describe.ts';

/** The schedule of a stored reminder, in the shape descriptions and fire times take. */
export function scheduleOf(reminder: Pick<ReminderRecord, 'schedule' | 'timezone'>): ScheduleShape {
  return reminder.schedule.kind === 'cron'
    ? { kind: 'cron', expression: reminder.schedule.expression, timezone: reminder.timezone }
    : { kind: 'once', at: reminder.schedule.at, timezone: reminder.timezone };
}

/** The next `count` fire times after `now` (none while paused or done). */
export function upcoming(
  reminder: Pick<ReminderRecord, 'schedule' | 'timezone' | 'status'>,
  now: Date,
  count: number,
): Date[] {
  if (reminder.status !== 'active') return [];
  return fireTimes(scheduleOf(reminder), now, count);
}

/** The next `count` fire times of a schedule after `now`. */
export function fireTimes(schedule: ScheduleShape, now: Date, count: number): Date[] {
  if (schedule.kind === 'once') return schedule.at.getTime() > now.getTime() ? [schedule.at] : [];
  const rule = new CronRule(schedule.expression, schedule.timezone);
  try {
    return rule.nextTimes(now, count);
  } finally {
    rule.dispose();
  }
}

/** "• <t:…:F|zone> (<t:…:R|zone>)" lines: Discord shows each member's own time, the terminal the zone's. */
export function timeLines(times: Date[], zone: string): string {
  return times.map((at) => `• ${timestamp(at, zone, 'F')} (${timestamp(at, zone, 'R')})`).join('\n');
}

/** "채널 <#…> · 역할 <@&…> · 4장 체크리스트", or where a console reminder goes. */
export function targetLine(reminder: Pick<ReminderRecord, 'channelId' | 'roleId' | 'chapter'>, t: Translate): string {
  const parts = [
    reminder.channelId
      ? t({ ko: `채널 <#${reminder.channelId}>`, en: `channel <#${reminder.channelId}>` })
      : t({ ko: '콘솔(터미널)', en: 'the console (terminal)' }),
  ];
  if (reminder.roleId) parts.push(t({ ko: `역할 <@&${reminder.roleId}>`, en: `role <@&${reminder.roleId}>` }));
  if (reminder.chapter !== undefined) {
    parts.push(t({ ko: `${reminder.chapter}장 체크리스트`, en: `chapter ${reminder.chapter} checklist` }));
  }
  return parts.join(' · ');
}

const STATUS: Record<ReminderRecord['status'], Localized> = {
  active: { ko: '켜짐', en: 'on' },
  paused: { ko: '⏸ 일시정지', en: '⏸ paused' },
  done: { ko: '끝남', en: 'done' },
};

export function statusText(reminder: Pick<ReminderRecord, 'status'>, t: Translate): string {
  return t(STATUS[reminder.status]);
}

/** "마지막: <t:…> 보냄 (늦게)" for the last claimed fire. */
export function lastFireText(fire: FireRecord | undefined, zone: string, t: Translate): string | undefined {
  if (!fire) return undefined;
  const at = timestamp(fire.fireTime, zone, 'f');
  const late = fire.late ? t({ ko: ' (늦게)', en: ' (late)' }) : '';
  const detail = fire.detail ? `: ${t(failureReason(fire.detail))}` : '';
  const outcome: Record<FireRecord['outcome'], Localized> = {
    posting: { ko: '보내는 중이었음 (결과 모름)', en: 'was being sent (result unknown)' },
    posted: { ko: '보냄', en: 'posted' },
    failed: { ko: '실패', en: 'failed' },
    skipped: { ko: '건너뜀 (유예 시간이 지나서)', en: 'skipped (past the grace window)' },
  };
  return (
    t({ ko: `마지막: ${at} ${t(outcome[fire.outcome])}`, en: `Last: ${at} ${t(outcome[fire.outcome])}` }) +
    late +
    detail
  );
}

/** A stored failure detail: a `{ko, en}` reason, or plain text from an unexpected error. */
export function failureReason(detail: string): Localized {
  try {
    const parsed = JSON.parse(detail) as Partial<Localized>;
    if (typeof parsed.ko === 'string' && typeof parsed.en === 'string') return { ko: parsed.ko, en: parsed.en };
  } catch {
    // plain text
  }
  return { ko: detail, en: detail };
}

/** The schedule in words with the zone, e.g. "20:00, 수요일에만 (Asia/Seoul)". */
export function scheduleWords(reminder: Pick<ReminderRecord, 'schedule' | 'timezone'>, t: Translate): string {
  return describeSchedule(scheduleOf(reminder), t);
}
