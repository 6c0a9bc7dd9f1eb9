import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import { localToUtc, nextDay, wallClock, weekdayOf, type LocalTime } from './zone.ts';

/** Far enough for 29 February combined with a weekday; beyond it a schedule counts as never firing. */
const MAX_DAYS = 366 * 8;

export interface TimerOptions {
  /** A heartbeat this late still fires (node-cron drops it otherwise: default 1 s). */
  toleranceMs: number;
  logger?: CronLogger;
}

/**
 * A cron expression in a time zone, on node-cron: node-cron parses and validates it, decides
 * whether a moment matches (every extension it knows: L, W, #, names, ranges) and, once started,
 * wakes the reminder at each fire time. The fire times themselves are computed here from any
 * moment, not only from the system clock, so schedules are testable with an injected clock:
 * node-cron's public API can only count from "now".
 */
export class CronRule {
  private readonly task: ScheduledTask;
  private readonly seconds: number[];
  private readonly minutes: number[];
  private readonly hours: number[];
  private readonly months: Set<number>;
  /** Day-of-month and day-of-week hold plain numbers only (no L, W, #): days can be checked without Intl. */
  private readonly plainDays: boolean;
  private readonly daysOfMonth: Set<number>;
  private readonly daysOfWeek: Set<number>;
  private onTick: (() => void) | undefined;

  /** Throws node-cron's error for an invalid expression; `CronRule.problems` explains first. */
  constructor(
    readonly expression: string,
    readonly zone: string,
    timer: TimerOptions = { toleranceMs: 1000 },
  ) {
    const fields = cron.parse(expression);
    this.seconds = sorted(fields.second);
    this.minutes = sorted(fields.minute);
    this.hours = sorted(fields.hour);
    this.months = new Set(fields.month);
    this.plainDays = [...fields.dayOfMonth, ...fields.dayOfWeek].every((v) => typeof v === 'number');
    this.daysOfMonth = new Set(fields.dayOfMonth.filter((v) => typeof v === 'number'));
    this.daysOfWeek = new Set(fields.dayOfWeek.filter((v) => typeof v === 'number'));
    this.task = cron.createTask(expression, () => this.onTick?.(), {
      timezone: zone,
      noOverlap: true,
      unref: true,
      missedExecutionTolerance: timer.toleranceMs,
      ...(timer.logger ? { logger: timer.logger } : {}),
    });
  }

  /** What is wrong with the expression, field by field (empty when node-cron accepts it). */
  static problems(expression: string): Array<{ field: string; value?: string | undefined; message: string }> {
    return cron.validateDetailed(expression).errors;
  }

  matches(at: Date): boolean {
    return this.task.match(at);
  }

  /** The first fire time strictly after `after`, or null when there is none within eight years. */
  next(after: Date): Date | null {
    const afterMs = after.getTime();
    const base = wallClock(new Date(Math.floor(afterMs / 1000) * 1000), this.zone);
    let day: Pick<LocalTime, 'year' | 'month' | 'day'> = base;
    for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
      if (!this.months.has(day.month)) continue;
      const found = this.firstOnDay(day, i === 0 ? base : undefined, afterMs);
      if (found !== null) return new Date(found);
    }
    return null;
  }

  /** The next `count` fire times after `after`. */
  nextTimes(after: Date, count: number): Date[] {
    const times: Date[] = [];
    let from: Date | null = after;
    while (times.length < count && (from = this.next(from))) times.push(from);
    return times;
  }

  /** Fire times in (from, to], oldest first, at most `limit` of them (the newest are kept). */
  between(from: Date, to: Date, limit = Number.POSITIVE_INFINITY): Date[] {
    const times: Date[] = [];
    let at = this.next(from);
    while (at && at.getTime() <= to.getTime()) {
      times.push(at);
      if (times.length > limit) times.shift();
      at = this.next(at);
    }
    return times;
  }

  /** Starts node-cron's timer: `onTick` runs at every fire time. */
  start(onTick: () => void): void {
    this.onTick = onTick;
    void this.task.start();
  }

  stop(): void {
    void this.task.stop();
  }

  /** Stops the timer for good and leaves node-cron's task registry. */
  dispose(): void {
    this.onTick = undefined;
    void this.task.destroy();
  }

  private firstOnDay(day: Pick<LocalTime, 'year' | 'month' | 'day'>, lower: LocalTime | undefined, afterMs: number) {
    if (this.plainDays ? !this.plainDayMatches(day) : !this.dayCouldMatch(day)) return null;
    for (const hour of this.hours) {
      if (lower && hour < lower.hour) continue;
      for (const minute of this.minutes) {
        if (lower && hour === lower.hour && minute < lower.minute) continue;
        for (const second of this.seconds) {
          // As node-cron counts: in wall-clock time, strictly after `after`'s reading, so a time
          // repeated when the clocks go back fires once (at its later occurrence).
          if (lower && hour === lower.hour && minute === lower.minute && second <= lower.second) continue;
          const at = localToUtc({ ...day, hour, minute, second }, this.zone);
          if (at > afterMs && this.task.match(new Date(at))) return at;
        }
      }
    }
    return null;
  }

  /** node-cron requires both day fields to match (AND, unlike Vixie cron's OR). */
  private plainDayMatches(day: Pick<LocalTime, 'year' | 'month' | 'day'>): boolean {
    return this.daysOfMonth.has(day.day) && this.daysOfWeek.has(weekdayOf(day));
  }

  /** For L/W/# day fields: whether node-cron accepts the day, judged at a time the other fields accept. */
  private dayCouldMatch(day: Pick<LocalTime, 'year' | 'month' | 'day'>): boolean {
    const probe = { ...day, hour: this.hours[0] ?? 0, minute: this.minutes[0] ?? 0, second: this.seconds[0] ?? 0 };
    const at = localToUtc(probe, this.zone);
    const reading = wallClock(new Date(at), this.zone);
    const exact = reading.day === day.day && reading.hour === probe.hour && reading.minute === probe.minute;
    return !exact || this.task.match(new Date(at));
  }
}

function sorted(values: ReadonlyArray<number | string>): number[] {
  return values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
}
