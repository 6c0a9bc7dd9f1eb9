import { wallClock, type WallClock } from '../core/timestamp.ts';

export { wallClock };

/** A wall-clock reading, month 1–12. */
export type LocalTime = Omit<WallClock, 'weekday'>;

/** Whether Intl knows the zone (IANA names such as Asia/Seoul, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling (`asia/seoul` → `Asia/Seoul`). */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Minutes the zone is ahead of UTC at `ms`. */
function offsetMinutes(ms: number, zone: string): number {
  const p = wallClock(new Date(ms), zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

function readsBack(ms: number, local: LocalTime, zone: string): boolean {
  const p = wallClock(new Date(ms), zone);
  return (
    p.year === local.year &&
    p.month === local.month &&
    p.day === local.day &&
    p.hour === local.hour &&
    p.minute === local.minute &&
    p.second === local.second
  );
}

/**
 * The instant a wall-clock time in `zone` names, chosen as node-cron chooses it (so the fire
 * times computed here are the ones its timers keep): in a repeated hour (DST ends) the reading
 * that agrees with the zone's offset at that moment; in a skipped hour (DST starts) a moment
 * that does not read back, which no cron expression then matches.
 */
export function localToUtc(local: LocalTime, zone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const firstOffset = offsetMinutes(guess, zone);
  const first = guess - firstOffset * 60_000;
  const secondOffset = offsetMinutes(first, zone);
  if (secondOffset === firstOffset) return first;
  const second = guess - secondOffset * 60_000;
  if (readsBack(first, local, zone)) return first;
  if (readsBack(second, local, zone)) return second;
  return Math.max(first, second);
}

/** Whether the wall-clock time exists in the zone (not inside a DST gap). */
export function existsIn(local: LocalTime, zone: string): boolean {
  return readsBack(localToUtc(local, zone), local, zone);
}

/** The next calendar day (month 1–12). */
export function nextDay(day: Pick<LocalTime, 'year' | 'month' | 'day'>): Pick<LocalTime, 'year' | 'month' | 'day'> {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday, for a calendar day. */
export function weekdayOf(day: Pick<LocalTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** Whether the calendar date exists (no 31 November, 29 February only in leap years). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
