import { stripMarkup } from '../../src/knowledge/markup.ts';
import type { FirstAnswer } from '../../src/knowledge/first-answer.ts';

/**
 * How the member-level eval compares a first answer with the facts it must show. The first
 * answer itself — the reply's title and text without markup, and the sections it came from —
 * is src/knowledge/first-answer.ts, the function `ask --json` prints as `answer`.
 */
export { firstAnswer, isSure, type FirstAnswer } from '../../src/knowledge/first-answer.ts';
export { stripMarkup } from '../../src/knowledge/markup.ts';

/** Lower case, one space for any run of whitespace, NFC: how facts and answers are compared. */
export function normalizeForFacts(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** ASCII letters, digits and `-`/`_` continue a Latin word; Hangul does not (particles glue on). */
const WORD_CHAR = /[a-z0-9_-]/;

/**
 * Whether `fact` occurs in `text` (both normalised). A fact that starts or ends with an ASCII
 * word character must not continue a longer word there: `-v` is not found in `--volumes`,
 * `docker ps` not in `docker psx`, but `default.conf` is found in `default.conf가`.
 */
export function containsFact(text: string, fact: string): boolean {
  const haystack = normalizeForFacts(text);
  const needle = normalizeForFacts(stripMarkup(fact));
  if (!needle) return false;
  const guardStart = WORD_CHAR.test(needle[0] ?? '');
  const guardEnd = WORD_CHAR.test(needle.at(-1) ?? '');
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (guardStart && WORD_CHAR.test(before)) continue;
    if (guardEnd && WORD_CHAR.test(after)) continue;
    return true;
  }
  return false;
}

/** The fact groups of which no alternative occurs in `text`. */
export function missingFacts(text: string, facts: string[][]): string[][] {
  const plain = stripMarkup(text);
  return facts.filter((group) => !group.some((fact) => containsFact(plain, fact)));
}

/** What the member reads first as one string: the title, then the text. */
export function shownText(answer: FirstAnswer): string {
  return `${answer.title}\n${answer.text}`;
}
