import type { Locale } from './locale.ts';
import type { Reply } from './reply.ts';

/** Discord's timestamp styles: t/T time, d/D date, f/F date and time, R relative. */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

/**
 * A moment inside member-facing text: `<t:SECONDS:STYLE|ZONE>`. Discord's own markup plus the
 * time zone it belongs to, so each transport can show it well: the Discord renderer drops the
 * zone (`<t:…:F>`, every member sees their own time), the terminal renderer writes the time in
 * that zone and names it. Handlers write moments this way and never branch on the transport.
 */
export function timestamp(at: Date, zone: string, style: TimestampStyle = 'f'): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:${style}|${zone}>`;
}

const TOKEN = /<t:(-?\d{1,12})(?::([tTdDfFR]))?(?:\|([A-Za-z0-9_+\-/]+))?>/g;
const CHANNEL = /<#(\d{15,20})>/g;
const ROLE = /<@&(\d{15,20})>/g;

/** Discord: moments as Discord's own `<t:…>` markup. */
export function discordTimestamps(text: string): string {
  return text.replace(TOKEN, (_m, seconds: string, style: string | undefined) =>
    style ? `<t:${seconds}:${style}>` : `<t:${seconds}>`,
  );
}

export interface TerminalTime {
  locale: Locale;
  /** For relative times (`R`); the time of rendering. */
  now: Date;
  /** For moments written without a zone. */
  timeZone: string;
}

/** The terminal: moments as text in their zone, with the zone named; channel and role mentions as `#id` / `@&id`. */
export function terminalTimestamps(text: string, at: TerminalTime): string {
  return text
    .replace(TOKEN, (_m, seconds: string, style: string | undefined, zone: string | undefined) => {
      const moment = new Date(Number(seconds) * 1000);
      return formatMoment(moment, (style ?? 'f') as TimestampStyle, zone ?? at.timeZone, at);
    })
    .replace(CHANNEL, '#$1')
    .replace(ROLE, '@&$1');
}

/**
 * The reply with `convert` applied to every text a member reads (title, text, fields, footer,
 * findings), and `plain` to text shown verbatim (code blocks, a finding's evidence), where
 * Discord does not render its markup.
 */
export function mapReplyText(
  reply: Reply,
  convert: (text: string) => string,
  plain: (text: string) => string = convert,
): Reply {
  return {
    ...reply,
    ...(reply.title !== undefined ? { title: convert(reply.title) } : {}),
    ...(reply.text !== undefined ? { text: convert(reply.text) } : {}),
    ...(reply.fields
      ? { fields: reply.fields.map((f) => ({ ...f, name: convert(f.name), value: convert(f.value) })) }
      : {}),
    ...(reply.code ? { code: reply.code.map((block) => ({ ...block, content: plain(block.content) })) } : {}),
    ...(reply.findings
      ? {
          findings: reply.findings.map((f) => ({
            ...f,
            title: convert(f.title),
            detail: convert(f.detail),
            evidence: f.evidence.map(plain),
            next: convert(f.next),
          })),
        }
      : {}),
    ...(reply.footer !== undefined ? { footer: convert(reply.footer) } : {}),
  };
}

/**
 * `--json`: moments as ISO 8601 UTC (`2026-12-09T11:00:00Z`), the machine contract. Only
 * dockhand's own moments (with a zone) are converted; Discord markup a member wrote stays.
 */
export function isoTimestamps(text: string): string {
  return text.replace(TOKEN, (token, seconds: string, _style: string | undefined, zone: string | undefined) =>
    zone ? new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z') : token,
  );
}

const WEEKDAY: Record<Locale, string[]> = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The long date (with the weekday for D and F) and how a date joins a time, per language. */
const DATES: Record<
  Locale,
  { date(p: WallClock, weekday: boolean): string; joined(date: string, time: string): string }
> = {
  ko: {
    date: (p, weekday) => `${p.year}년 ${p.month}월 ${p.day}일${weekday ? ` (${WEEKDAY.ko[p.weekday] ?? ''})` : ''}`,
    joined: (date, time) => `${date} ${time}`,
  },
  en: {
    date: (p, weekday) =>
      `${weekday ? `${WEEKDAY.en[p.weekday] ?? ''}, ` : ''}${MONTH_EN[p.month - 1] ?? ''} ${p.day}, ${p.year}`,
    joined: (date, time) => `${date}, ${time}`,
  },
};

/** `2026년 12월 9일 (수) 20:00 Asia/Seoul` / `Wed, Dec 9, 2026, 20:00 Asia/Seoul`, or `7일 후` for R. */
export function formatMoment(
  at: Date,
  style: TimestampStyle,
  zone: string,
  when: Pick<TerminalTime, 'locale' | 'now'>,
): string {
  if (style === 'R') return relative(at, when.now, when.locale);
  const p = wallClock(at, zone);
  const dates = DATES[when.locale];
  const time = style === 'T' ? `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` : `${pad(p.hour)}:${pad(p.minute)}`;
  const date =
    style === 'd' ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : dates.date(p, style === 'F' || style === 'D');
  const body = { t: time, T: time, d: date, D: date, f: dates.joined(date, time), F: dates.joined(date, time) }[style];
  return `${body} ${zone}`;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock reading of `at` in `zone` (Intl; an unknown zone throws RangeError). */
export function wallClock(at: Date, zone: string): WallClock {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  const number = (type: string) => Number(parts[type]);
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour') % 24,
    minute: number('minute'),
    second: number('second'),
    weekday: WEEKDAY_INDEX[parts.weekday ?? ''] ?? 0,
  };
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

function relative(at: Date, now: Date, locale: Locale): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}
