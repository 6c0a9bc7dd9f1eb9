import cronstrue from 'cronstrue';
import 'cronstrue/locales/ko.js';
import type { Locale, Localized, Translate } from '../core/locale.ts';
import { formatMoment } from '../core/timestamp.ts';

/** What a description needs to know of a schedule. */
export type ScheduleShape =
  { kind: 'cron'; expression: string; timezone: string } | { kind: 'once'; at: Date; timezone: string };

/**
 * "20:00, 수요일에만 (Asia/Seoul)" / "At 20:00, only on Wednesday (Asia/Seoul)": cronstrue's
 * words for a cron expression, or the moment of a one-off, always naming the zone it runs in.
 */
export function describeSchedule(schedule: ScheduleShape, t: Translate): string {
  if (schedule.kind === 'once') {
    const moment = (locale: Locale) => formatMoment(schedule.at, 'F', schedule.timezone, { locale, now: schedule.at });
    return t({ ko: `한 번: ${moment('ko')}`, en: `Once: ${moment('en')}` });
  }
  return `${t(cronWords(schedule.expression))} (${schedule.timezone})`;
}

function cronWords(expression: string): Localized {
  const say = (locale: Locale) =>
    cronstrue.toString(expression, {
      locale,
      use24HourTimeFormat: true,
      // node-cron fires only when day-of-month AND day-of-week match; say so.
      logicalAndDayFields: true,
      throwExceptionOnParseError: false,
    });
  const [minute, hour, dayOfMonth, month, dayOfWeek] = expression.trim().split(/\s+/).slice(-5);
  // cronstrue gives only the time of a daily schedule ("09:00"); members read "매일 09:00".
  const daily =
    [minute, hour].every((f) => /^\d+$/.test(f ?? '')) && [dayOfMonth, month, dayOfWeek].every((f) => f === '*');
  return daily ? { ko: `매일 ${say('ko')}`, en: `${say('en')}, every day` } : { ko: say('ko'), en: say('en') };
}
