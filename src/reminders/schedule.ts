import { UserError } from '../core/errors.ts';
import { withParticle } from '../core/korean-particles.ts';
import { quoteInline } from '../core/text.ts';
import { CronRule } from './cron-rule.ts';
import {
  canonicalZone,
  existsIn,
  isCalendarDate,
  isTimeZone,
  localToUtc,
  nextDay,
  wallClock,
  type LocalTime,
} from './zone.ts';

/** When a reminder fires: a cron expression, or one moment. Either way in a named time zone. */
export type Schedule =
  | { kind: 'cron'; expression: string; timezone: string; zoneGiven: boolean; input: string }
  | { kind: 'once'; at: Date; timezone: string; zoneGiven: boolean; input: string };

export interface ScheduleContext {
  /** Zone given with the command (`timezone:` / `--tz`), if any. */
  timezone?: string | undefined;
  /** The configured zone (DOCKHAND_TIMEZONE), used when none is given. */
  defaultZone: string;
  now: Date;
}

const EXAMPLES = '`매주 수요일 20:00`, `평일 09:00`, `weekdays 09:00`, `0 20 * * 3`, `2026-12-03 19:30`';

/**
 * Reads what an organizer typed: a shortcut ("매주 수요일 20:00", "평일 09:00", "weekdays 09:00",
 * "every wednesday 20:00", "매일 09:00", "매월 1일 10:00"), a 5- or 6-field cron expression, or a
 * date and time ("2026-12-03 19:30", optionally followed by a zone). Anything else is a UserError
 * that names the problem; nothing is guessed.
 */
export function parseSchedule(raw: string, context: ScheduleContext): Schedule {
  const input = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const given = context.timezone?.trim() ? zoneOrThrow(context.timezone.trim()) : undefined;

  const once = parseOnce(input, given, context);
  if (once) return once;

  const timezone = given ?? context.defaultZone;
  const expression = shortcutExpression(input) ?? (looksLikeCron(input) ? input : undefined);
  if (!expression) {
    if (splitTime(input.toLowerCase())?.rest === '') {
      throw new UserError('invalid-schedule', {
        ko: `${quoteInline(input)}: 언제 반복할지 함께 적어 주세요 (예: \`매일 ${input}\`, \`매주 수요일 ${input}\`). 한 번만 보내려면 날짜와 함께 (\`2026-12-03 ${input}\`).`,
        en: `${quoteInline(input)}: say when it repeats (e.g. \`every day ${input}\`, \`weekdays ${input}\`), or give a date for a one-off (\`2026-12-03 ${input}\`).`,
      });
    }
    throw new UserError('invalid-schedule', {
      ko: `일정 ${withParticle(quoteInline(input), '을/를')} 알아볼 수 없어요. 예: ${EXAMPLES}`,
      en: `Cannot read the schedule ${quoteInline(input)}. Examples: ${EXAMPLES}`,
    });
  }
  checkCron(expression, timezone, context.now);
  return { kind: 'cron', expression, timezone, zoneGiven: given !== undefined, input };
}

/** An IANA zone in its canonical spelling, or a UserError naming it. */
export function zoneOrThrow(zone: string): string {
  if (isTimeZone(zone)) return canonicalZone(zone);
  throw new UserError('invalid-timezone', {
    ko: `${withParticle(quoteInline(zone), '은/는')} 알 수 없는 시간대예요. IANA 이름을 쓰세요 (예: Asia/Seoul, America/New_York, UTC).`,
    en: `Unknown time zone ${quoteInline(zone)}. Use an IANA name (e.g. Asia/Seoul, America/New_York, UTC).`,
  });
}

// ── cron ────────────────────────────────────────────────────────────────────────

const CRON_TOKEN = /^[\d*?,/\-#A-Za-z]+$/;
const NUMERICISH = /^[\d*?,/\-#LW]+$/i;

/** Five or six cron-like fields, or a run of numeric fields with the wrong count (so the count is what we report). */
function looksLikeCron(input: string): boolean {
  const tokens = input.split(' ');
  if ((tokens.length === 5 || tokens.length === 6) && tokens.every((t) => CRON_TOKEN.test(t))) {
    return NUMERICISH.test(tokens[0] ?? '');
  }
  return tokens.length >= 2 && tokens.length <= 8 && tokens.every((t) => NUMERICISH.test(t)) && /[*\d]/.test(input);
}

const FIELD_NAMES: Record<string, { ko: string; en: string; rangeKo: string; rangeEn: string }> = {
  second: { ko: '초', en: 'second', rangeKo: '0–59', rangeEn: '0–59' },
  minute: { ko: '분', en: 'minute', rangeKo: '0–59', rangeEn: '0–59' },
  hour: { ko: '시', en: 'hour', rangeKo: '0–23', rangeEn: '0–23' },
  dayOfMonth: { ko: '일', en: 'day-of-month', rangeKo: '1–31, L, 15W', rangeEn: '1–31, L, 15W' },
  month: { ko: '월', en: 'month', rangeKo: '1–12, jan–dec', rangeEn: '1–12, jan–dec' },
  dayOfWeek: {
    ko: '요일',
    en: 'day-of-week',
    rangeKo: '0–7 (0과 7은 일요일), sun–sat, 1#2',
    rangeEn: '0–7 (0 and 7 are Sunday), sun–sat, 1#2',
  },
};

function checkCron(expression: string, timezone: string, now: Date): void {
  const [problem] = CronRule.problems(expression);
  if (problem) throw cronError(expression, problem);
  const fields = expression.split(' ');
  if (fields.length === 6 && !/^\d{1,2}$/.test(fields[0] ?? '')) {
    throw new UserError('invalid-schedule', {
      ko: `${quoteInline(expression)}: 리마인더는 1분에 한 번보다 자주 보낼 수 없어요. 초 필드에는 숫자 하나만 쓰세요 (예: \`0 0 20 * * 3\`).`,
      en: `${quoteInline(expression)}: reminders cannot fire more than once a minute. Put a single number in the seconds field (e.g. \`0 0 20 * * 3\`).`,
    });
  }
  const rule = new CronRule(expression, timezone);
  try {
    if (!rule.next(now)) {
      throw new UserError('invalid-schedule', {
        ko: `${withParticle(quoteInline(expression), '은/는')} 앞으로 8년 안에 한 번도 울리지 않아요 (일과 요일 필드는 둘 다 맞아야 해요).`,
        en: `${quoteInline(expression)} never fires in the next eight years (day-of-month and day-of-week must both match).`,
      });
    }
  } finally {
    rule.dispose();
  }
}

function cronError(
  expression: string,
  problem: { field: string; value?: string | undefined; message: string },
): UserError {
  const field = FIELD_NAMES[problem.field];
  const count = /expected 5 or 6 fields but got (\d+)/.exec(problem.message);
  if (count) {
    return new UserError('invalid-schedule', {
      ko: `cron 식 ${quoteInline(expression)}: 필드가 ${count[1]}개예요. 5개(분 시 일 월 요일) 또는 초를 앞에 더한 6개여야 해요.`,
      en: `Cron expression ${quoteInline(expression)}: ${count[1]} fields; it needs 5 (minute hour day month weekday) or 6 with seconds first.`,
    });
  }
  if (field && /impossible day/.test(problem.message)) {
    return new UserError('invalid-schedule', {
      ko: `cron 식 ${quoteInline(expression)}: 일 필드 ${withParticle(`\`${problem.value ?? ''}\``, '와/과')} 월 필드로는 있는 날짜가 나오지 않아요 (예: 2월 31일).`,
      en: `Cron expression ${quoteInline(expression)}: day-of-month \`${problem.value ?? ''}\` never occurs in the given months (e.g. 31 February).`,
    });
  }
  if (field) {
    const value = problem.value ?? '';
    return new UserError('invalid-schedule', {
      ko: `cron 식 ${quoteInline(expression)}: ${field.ko} 필드의 ${withParticle(`\`${value}\``, '은/는')} 쓸 수 없어요. 쓸 수 있는 값: ${field.rangeKo}`,
      en: `Cron expression ${quoteInline(expression)}: \`${value}\` is not a valid ${field.en}. Allowed: ${field.rangeEn}`,
    });
  }
  return new UserError('invalid-schedule', {
    ko: `cron 식 ${withParticle(quoteInline(expression), '을/를')} 알아볼 수 없어요: ${problem.message}. 예: ${EXAMPLES}`,
    en: `Cannot read the cron expression ${quoteInline(expression)}: ${problem.message}. Examples: ${EXAMPLES}`,
  });
}

// ── shortcuts ───────────────────────────────────────────────────────────────────

interface ClockTime {
  hour: number;
  minute: number;
}

const KO_DAYS: Record<string, number> = { 일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6 };
const EN_DAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

/** The cron expression a shortcut stands for, or undefined when the input is no shortcut. */
export function shortcutExpression(input: string): string | undefined {
  const text = input.toLowerCase();
  const split = splitTime(text);
  if (!split) return undefined;
  const days = dayField(split.rest);
  if (!days) return undefined;
  const { hour, minute } = split.time;
  return `${minute} ${hour} ${days.dayOfMonth} * ${days.dayOfWeek}`;
}

// Groups: 1 오전/오후…, 2–4 "8:30 pm", 5–6 "8pm", 7–9 "8시 30분" / "8시 반".
const TIME = String.raw`(?:at )?(?:(오전|오후|아침|저녁|밤|새벽) ?)?(?:(\d{1,2}):(\d{2})(?: ?(am|pm))?|(\d{1,2}) ?(am|pm)|(\d{1,2})시(?: ?(\d{1,2})분| ?(반))?(?: ?에)?)`;
const TIME_AT_END = new RegExp(`^(.*?) ?${TIME}$`);
const TIME_AT_START = new RegExp(`^${TIME}(?:,? (.*))?$`);

function readTime(g: ReadonlyArray<string | undefined>): ClockTime | undefined {
  const [korean, hh, mm, ampm, bare, bareAmpm, si, bun, half] = g;
  if (hh !== undefined) return clockTime(Number(hh), Number(mm), ampm ?? korean);
  if (bare !== undefined) return clockTime(Number(bare), 0, bareAmpm);
  if (si !== undefined) return clockTime(Number(si), half ? 30 : Number(bun ?? 0), korean);
  return undefined;
}

function clockTime(hour: number, minute: number, period: string | undefined): ClockTime | undefined {
  let h = hour;
  if (period) {
    if (h < 1 || h > 12) return undefined;
    const afternoon = ['오후', '저녁', '밤', 'pm'].includes(period);
    if (afternoon && h < 12) h += 12;
    if (!afternoon && h === 12) h = 0;
  }
  if (h > 23 || minute > 59) return undefined;
  return { hour: h, minute };
}

/** The time of day at the end (or the start) of the text, and what is left. */
function splitTime(text: string): { time: ClockTime; rest: string } | undefined {
  const atEnd = TIME_AT_END.exec(text);
  const endTime = atEnd && readTime(atEnd.slice(2));
  if (atEnd && endTime) return { time: endTime, rest: (atEnd[1] ?? '').trim() };
  const atStart = TIME_AT_START.exec(text);
  const startTime = atStart && readTime(atStart.slice(1, 10));
  if (atStart && startTime) return { time: startTime, rest: (atStart[10] ?? '').trim() };
  return undefined;
}

function dayField(rest: string): { dayOfMonth: string; dayOfWeek: string } | undefined {
  const text = rest.replace(/[,.]$/, '').trim();
  if (/^(매일|날마다|every ?day|daily)$/.test(text)) return { dayOfMonth: '*', dayOfWeek: '*' };
  if (/^(평일|주중|매 ?평일|(every )?weekdays?)$/.test(text)) return { dayOfMonth: '*', dayOfWeek: '1-5' };
  if (/^(주말|매 ?주말|(every )?weekends?)$/.test(text)) return { dayOfMonth: '*', dayOfWeek: '0,6' };
  const monthly =
    /^(?:(?:매월|매달) ?(\d{1,2}) ?일|(?:every month|monthly)(?: on)?(?: the| day)? (\d{1,2})(?:st|nd|rd|th)?)$/.exec(
      text,
    );
  if (monthly) {
    const day = Number(monthly[1] ?? monthly[2]);
    return day >= 1 && day <= 31 ? { dayOfMonth: String(day), dayOfWeek: '*' } : undefined;
  }
  const weekly = weekdays(text.replace(/^(매주|every|on|on every) /, ''));
  return weekly ? { dayOfMonth: '*', dayOfWeek: weekly } : undefined;
}

/** "수요일", "월, 수", "월수금", "wednesday", "mon/wed", "tuesdays and thursdays" → "1,3". */
function weekdays(text: string): string | undefined {
  if (!text) return undefined;
  const compact = /^[일월화수목금토]+$/.test(text) ? text.split('') : undefined;
  const words =
    compact ??
    text
      .split(/ ?(?:,|\/|·|\band\b|와|과|하고|및|&) ?| /)
      .map((w) => w.trim())
      .filter(Boolean);
  const days = new Set<number>();
  for (const word of words) {
    const ko = /^([일월화수목금토])(요일)?(마다)?$/.exec(word);
    const en = EN_DAYS[word.replace(/s$/, '')] ?? EN_DAYS[word];
    if (ko?.[1] !== undefined) days.add(KO_DAYS[ko[1]] ?? -1);
    else if (en !== undefined) days.add(en);
    else return undefined;
  }
  return days.size ? [...days].sort((a, b) => a - b).join(',') : undefined;
}

// ── one-off ─────────────────────────────────────────────────────────────────────

const DATE_TIME =
  /^(?:(\d{4})[-./](\d{1,2})[-./](\d{1,2})|(\d{4})년 ?(\d{1,2})월 ?(\d{1,2})일|(오늘|today|내일|tomorrow|모레))(?: |T)(.+?)(?: ([A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+|UTC|GMT))?$/i;

function parseOnce(input: string, given: string | undefined, context: ScheduleContext): Schedule | undefined {
  const m = DATE_TIME.exec(input);
  if (!m) return undefined;
  const trailing = m[9] ? zoneOrThrow(m[9]) : undefined;
  if (given && trailing && given !== trailing) {
    throw new UserError('invalid-schedule', {
      ko: `시간대가 두 번 다르게 적혔어요: ${given}, ${trailing}. 하나만 쓰세요.`,
      en: `Two different time zones were given: ${given} and ${trailing}. Give one.`,
    });
  }
  const timezone = given ?? trailing ?? context.defaultZone;
  const time = timeOfDay(m[8] ?? '');
  if (!time) return undefined;
  let date: Pick<LocalTime, 'year' | 'month' | 'day'>;
  if (m[7]) {
    date = wallClock(context.now, timezone);
    const ahead = /^(내일|tomorrow)$/i.test(m[7]) ? 1 : m[7] === '모레' ? 2 : 0;
    for (let i = 0; i < ahead; i++) date = nextDay(date);
  } else {
    date = { year: Number(m[1] ?? m[4]), month: Number(m[2] ?? m[5]), day: Number(m[3] ?? m[6]) };
  }
  const shown = `${date.year}-${pad(date.month)}-${pad(date.day)} ${pad(time.hour)}:${pad(time.minute)}${time.second ? `:${pad(time.second)}` : ''}`;
  if (!isCalendarDate(date.year, date.month, date.day)) {
    throw new UserError('invalid-schedule', {
      ko: `${quoteInline(input)}: ${date.year}년 ${date.month}월 ${date.day}일은 없는 날짜예요.`,
      en: `${quoteInline(input)}: ${date.year}-${pad(date.month)}-${pad(date.day)} is not a date.`,
    });
  }
  const local = { ...date, ...time };
  if (!existsIn(local, timezone)) {
    throw new UserError('invalid-schedule', {
      ko: `${quoteInline(shown)}: ${timezone}에서는 서머타임으로 건너뛰는 시각이라 존재하지 않아요.`,
      en: `${quoteInline(shown)} does not exist in ${timezone} (the clocks skip it for daylight saving time).`,
    });
  }
  const at = new Date(localToUtc(local, timezone));
  if (at.getTime() <= context.now.getTime()) {
    throw new UserError('schedule-in-past', {
      ko: `${withParticle(`${quoteInline(shown)} (${timezone})`, '은/는')} 이미 지난 시각이에요.`,
      en: `${quoteInline(shown)} (${timezone}) is already in the past.`,
    });
  }
  return { kind: 'once', at, timezone, zoneGiven: given !== undefined || trailing !== undefined, input };
}

function timeOfDay(text: string): (ClockTime & { second: number }) | undefined {
  const plain = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (plain) {
    const [hour, minute, second] = [Number(plain[1]), Number(plain[2]), Number(plain[3] ?? 0)];
    return hour <= 23 && minute <= 59 && second <= 59 ? { hour, minute, second } : undefined;
  }
  const split = splitTime(text.toLowerCase());
  return split && !split.rest ? { ...split.time, second: 0 } : undefined;
}

/** The node-cron expression that wakes a one-off reminder (its date recurs yearly; the year is checked on firing). */
export function onceExpression(at: Date, timezone: string): string {
  const p = wallClock(at, timezone);
  return `${p.second} ${p.minute} ${p.hour} ${p.day} ${p.month} *`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
