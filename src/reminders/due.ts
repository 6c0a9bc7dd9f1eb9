import type { ReminderRecord } from '../store/reminders.ts';
import type { CronRule } from './cron-rule.ts';

/** Posted more than this after its fire time, a post is marked late. */
export const LATE_AFTER_MS = 60_000;

export type DueDecision =
  | { action: 'none' }
  | { action: 'post'; fireTime: Date; late: boolean; skippedSince?: Date | undefined }
  | { action: 'skip'; fireTime: Date; skippedSince?: Date | undefined };

/**
 * What to do about a reminder now: nothing, post its latest fire time (at most one, however many
 * passed unclaimed), or — when even that is older than the grace window (and a minute) — record it
 * as skipped.
 * Fire times not after `activeSince` (creation, resume) or the last claimed one never count.
 * `catchUp` (the first look after start) marks a post late: it was missed while dockhand was down.
 */
export function dueFire(
  reminder: Pick<ReminderRecord, 'schedule' | 'activeSince' | 'lastFireAt'>,
  rule: CronRule | undefined,
  now: Date,
  graceMs: number,
  catchUp: boolean,
): DueDecision {
  const after = Math.max(reminder.activeSince.getTime(), reminder.lastFireAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  if (now.getTime() <= after) return { action: 'none' };

  let fireTime: Date | undefined;
  let first: Date | undefined;
  if (reminder.schedule.kind === 'once') {
    const at = reminder.schedule.at;
    fireTime = at.getTime() > after && at.getTime() <= now.getTime() ? at : undefined;
  } else if (rule) {
    fireTime = latestFire(rule, new Date(after), now);
    first = fireTime ? (rule.next(new Date(after)) ?? undefined) : undefined;
  }
  if (!fireTime) return { action: 'none' };

  const skippedSince = first && first.getTime() < fireTime.getTime() ? first : undefined;
  const lateness = now.getTime() - fireTime.getTime();
  // Within a minute a fire is on time, whatever the grace window (0 included).
  if (lateness > Math.max(graceMs, LATE_AFTER_MS)) return { action: 'skip', fireTime, skippedSince };
  return { action: 'post', fireTime, late: catchUp || lateness > LATE_AFTER_MS, skippedSince };
}

/** The latest fire time in (from, to], searching back from `to` in widening windows. */
export function latestFire(rule: CronRule, from: Date, to: Date): Date | undefined {
  let width = 60 * 60_000;
  for (;;) {
    const start = new Date(Math.max(from.getTime(), to.getTime() - width));
    const [latest] = rule.between(start, to, 1);
    if (latest) return latest;
    if (start.getTime() <= from.getTime()) return undefined;
    width *= 8;
  }
}
