import { UserError } from '../core/errors.ts';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i;
const RFC3339 = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/i;

/**
 * `--since`: a duration back from now (`10m`, `2h`, `1d`, `30s`) or an RFC 3339 time
 * (`2024-05-01T09:00:00Z`, `2024-05-01`). Returns the instant, never in the future.
 */
export function parseSince(input: string, now: Date): Date {
  const text = input.trim();
  const relative = RELATIVE.exec(text);
  if (relative) {
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!);
  }
  if (RFC3339.test(text)) {
    const at = new Date(text);
    if (!Number.isNaN(at.getTime())) return at.getTime() > now.getTime() ? now : at;
  }
  throw new UserError('invalid-since', {
    ko: `\`--since\` 값 \`${text.slice(0, 40)}\`을(를) 읽을 수 없어요. \`10m\`, \`2h\`, \`1d\` 같은 기간이나 \`2024-05-01T09:00:00Z\` 같은 RFC 3339 시각을 써 주세요.`,
    en: `Cannot read \`--since\` \`${text.slice(0, 40)}\`. Use a duration like \`10m\`, \`2h\`, \`1d\`, or an RFC 3339 time like \`2024-05-01T09:00:00Z\`.`,
  });
}

/** The Engine API's `since` parameter: UNIX seconds with a fraction. */
export function engineTimestamp(at: Date): string {
  return (at.getTime() / 1000).toFixed(3);
}
