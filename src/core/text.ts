import { hasBatchim } from 'es-hangul';

/** Cuts text to `max` characters (code points), ending with … when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

export function stripBold(text: string): string {
  return text.replace(/\*\*/g, '');
}

/**
 * Member text echoed back inside a reply, as inline code: Markdown, masked links and
 * headings in it show literally (backticks inside become ˋ so the span cannot be closed).
 */
export function quoteInline(text: string): string {
  return '`' + text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ').trim() + '`';
}

/** Digits read in Korean with a final consonant: 영, 일, 삼, 육, 칠, 팔. */
const DIGITS_WITH_BATCHIM = new Set(['0', '1', '3', '6', '7', '8']);

/**
 * Whether the word, read aloud, ends in a final consonant (받침), which picks the particle:
 * 정수여야 / 1 이상이어야 / 6이어야. Latin letters read as their Korean names mostly end open.
 */
export function endsWithBatchim(word: string): boolean {
  const last = word.trim().at(-1) ?? '';
  if (/\d/.test(last)) return DIGITS_WITH_BATCHIM.has(last);
  return hasBatchim(last);
}

/**
 * Capture group `n` of a match whose pattern always captures it. Throws when it did not:
 * that means the pattern was changed without its reader.
 */
export function group(match: RegExpExecArray, n: number): string {
  const value = match[n];
  if (value === undefined) throw new Error(`${match.input}: the pattern did not capture group ${n}`);
  return value;
}
