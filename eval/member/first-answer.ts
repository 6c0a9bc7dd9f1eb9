import { z } from 'zod';
import type { Reply } from '../../src/core/reply.ts';

/**
 * What a member reads first: the ask reply's title and text, as the console prints them
 * but without Markdown markup; and the sections that text was taken from. The fields, the
 * "also see" list and the select menu come after it and are not part of it.
 *
 * Kept free of eval-only code so `ask --json` can print it as its `answer` field.
 */
export interface FirstAnswer {
  title: string;
  text: string;
  sectionIds: string[];
}

const ASK_DATA = z.looseObject({
  confident: z.boolean(),
  hits: z.array(z.looseObject({ id: z.string() })),
});

export function firstAnswer(reply: Reply): FirstAnswer {
  const data = ASK_DATA.safeParse(reply.data);
  const best = data.success && data.data.confident && !reply.error ? data.data.hits[0] : undefined;
  return {
    title: stripMarkup(reply.title ?? ''),
    text: stripMarkup(reply.text ?? ''),
    sectionIds: best ? [best.id] : [],
  };
}

/** Whether the reply is a sure answer (ask's `confident`), not "no good answer" or an error. */
export function isSure(reply: Reply): boolean {
  const data = ASK_DATA.safeParse(reply.data);
  return !reply.error && data.success && data.data.confident;
}

/**
 * Discord-flavoured Markdown to the text it shows: fences, inline code, bold/italic/underline/
 * strike/spoiler markers, headings, quotes, masked links and HTML comments removed; the words
 * kept. Single `*` and `_` stay (they are usually part of a path or glob: `*.conf`, `_data`).
 */
export function stripMarkup(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[ \t]*```[^\n]*$/gm, '')
    .replace(/^[ \t]*#{1,3}[ \t]+/gm, '')
    .replace(/^[ \t]*>{1,3}[ \t]?/gm, '')
    .replace(/\[([^\]\n]+)\]\((?:https?:\/\/|<https?:\/\/)[^)\s]+\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/\*\*|__|~~|\|\|/g, '');
}

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
