import { UserError } from '../core/errors.ts';
import type { Localized } from '../core/locale.ts';
import { withParticle } from '../core/korean-particles.ts';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^(\d+(?:\.\d+)?)\s*([smhd])$/i;
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?:Z|[+-](\d\d):?(\d\d))?)?$/i;
const FORMATS: Localized = {
  ko: '`10m`, `2h`, `1d` 같은 기간이나 `2024-05-01T09:00:00Z` 같은 RFC 3339 시각을 써 주세요.',
  en: 'Use a duration like `10m`, `2h`, `1d`, or an RFC 3339 time like `2024-05-01T09:00:00Z`.',
};

/**
 * `--since`: a duration back from now (`10m`, `2h`, `1d`, `30s`) or an RFC 3339 time
 * (`2024-05-01T09:00:00Z`, `2024-05-01`). Returns the instant, never in the future. A value
 * that reads but cannot be (`2024-02-30`, `25:00`, a duration reaching before 1970) is refused
 * saying what is wrong, never rolled over into another date or sent to the engine as NaN.
 */
export function parseSince(input: string, now: Date): Date {
  const text = input.trim();
  const shown = text.slice(0, 40);
  const relative = RELATIVE.exec(text);
  if (relative) {
    const back = Number(relative[1]) * (UNIT_MS[(relative[2] ?? 's').toLowerCase()] ?? 1000);
    const at = now.getTime() - back;
    if (!Number.isFinite(at) || at < 0) {
      throw invalid(shown, {
        ko: '1970년보다 더 앞으로 거슬러 올라가요. 더 짧은 기간을 적어 주세요 (예: `7d`).',
        en: 'reaches back before 1970. Give a shorter duration (e.g. `7d`).',
      });
    }
    return new Date(at);
  }
  const parts = RFC3339.exec(text);
  if (parts) {
    const problem = calendarProblem(
      parts.slice(1).map((p: string | undefined) => (p === undefined ? undefined : Number(p))),
    );
    if (problem) throw invalid(shown, problem);
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) throw invalid(shown, FORMATS);
    if (at.getTime() < 0) throw invalid(shown, { ko: '1970년보다 앞의 시각이에요.', en: 'is before 1970.' });
    return at.getTime() > now.getTime() ? now : at;
  }
  throw new UserError('invalid-since', {
    ko: `\`--since\` 값 ${withParticle(`\`${shown}\``, '을/를')} 읽을 수 없어요. ${FORMATS.ko}`,
    en: `Cannot read \`--since\` \`${shown}\`. ${FORMATS.en}`,
  });
}

/** What is out of range in a date and time that has the right shape, if anything. */
function calendarProblem([year = 0, month = 0, day = 0, hour, minute, second, offsetHours, offsetMinutes]: Array<
  number | undefined
>): Localized | undefined {
  if (month < 1 || month > 12) return { ko: '월은 01–12 이어야 해요.', en: 'the month must be 01–12.' };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    return {
      ko: `${String(year)}년 ${String(month)}월은 ${String(days)}일까지예요.`,
      en: `${MONTHS[month - 1] ?? ''} ${String(year)} has ${String(days)} days.`,
    };
  }
  if (hour !== undefined && hour > 23) return { ko: '시는 00–23 이어야 해요.', en: 'the hour must be 00–23.' };
  if (minute !== undefined && minute > 59) return { ko: '분은 00–59 이어야 해요.', en: 'the minutes must be 00–59.' };
  if (second !== undefined && second > 59) return { ko: '초는 00–59 이어야 해요.', en: 'the seconds must be 00–59.' };
  if ((offsetHours ?? 0) > 23 || (offsetMinutes ?? 0) > 59) {
    return { ko: '시간대(+09:00 같은)가 올바르지 않아요.', en: 'the time zone offset (like +09:00) is out of range.' };
  }
  return undefined;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function invalid(shown: string, problem: Localized): UserError {
  return new UserError('invalid-since', {
    ko: `\`--since\` 값 \`${shown}\`: ${problem.ko}`,
    en: `\`--since\` \`${shown}\`: ${problem.en}`,
  });
}

/** The Engine API's `since` parameter: UNIX seconds with a fraction. */
export function engineTimestamp(at: Date): string {
  const seconds = at.getTime() / 1000;
  if (!Number.isFinite(seconds)) throw new RangeError('not a valid time');
  return seconds.toFixed(3);
}
