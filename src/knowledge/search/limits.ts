import { wordsOf, type Word } from './tokens.ts';
import { countWork } from './work.ts';

/**
 * Bounds on the work one query may cause, whatever a member types (Discord allows 6,000
 * characters in one interaction). What is read is cut (and the result says so); what each
 * word may cost is capped; and the optional costly steps of a whole query — typo correction,
 * compound splitting, keyboard-layout conversion, fuzzy title passes — share one budget.
 * Sized so no question of the eval set comes near any of them (eval/snapshot.jsonl pins that).
 */
export const QUERY_LIMITS = {
  /**
   * Characters of a question read for its error lines (src/knowledge/question.ts): Discord's
   * per-option cap, so a pasted output is read whole; what search then reads is cut to `chars`.
   */
  questionChars: 6_000,
  /** Characters of a query that are read: Discord's per-option cap is 6,000; one question needs far fewer. */
  chars: 2_000,
  /** Words (as the tokenizer splits them) that are read. The longest eval question has 22. */
  words: 32,
  /** Characters of one word that are read: longer than any word, command or path in the notes. */
  wordChars: 64,
  /** Concepts planned from one query (a glued compound or 초성 run may yield several per word). */
  concepts: 48,
} as const;

/** Per-word caps of the costly steps. */
export const WORD_LIMITS = {
  /** Jamo (or letters) of a word that typo correction still looks at: 1- and 2-letter deletions grow with the square. */
  typoSpelling: 32,
  /** Syllables or initials of a glued word that compound splitting still tries. */
  split: 24,
  /** Letters of a word still converted between the Korean and the English keyboard layout. */
  layout: 24,
} as const;

/** Work units (see work.ts) the optional costly steps of one query may spend together. */
export const QUERY_WORK_BUDGET = 60_000;

/**
 * What the optional costly steps of one query may still spend. One per query, so search
 * stays re-entrant. A step that does not fit is skipped, never half done.
 */
export class WorkBudget {
  constructor(private left = QUERY_WORK_BUDGET) {}

  /** Takes `cost` units if that many are left and returns true; otherwise takes nothing and returns false. */
  spend(cost: number): boolean {
    if (cost > this.left) return false;
    this.left -= cost;
    return true;
  }
}

/** The words of a query that are read, and whether anything was left out. */
export interface ReadQuery {
  words: Word[];
  truncated: boolean;
}

/**
 * The words search reads of `query`: the first QUERY_LIMITS.chars characters, of them the first
 * QUERY_LIMITS.words words, each cut to QUERY_LIMITS.wordChars characters.
 */
export function readQuery(query: string): ReadQuery {
  const text = cutText(query, QUERY_LIMITS.chars);
  countWork(text.length);
  const all = wordsOf(text, QUERY_LIMITS.words);
  let truncated = text.length < query.length || all.length > QUERY_LIMITS.words;
  const words = all.slice(0, QUERY_LIMITS.words).map((word) => {
    if (word.text.length <= QUERY_LIMITS.wordChars) return word;
    truncated = true;
    return { ...word, text: cutText(word.text, QUERY_LIMITS.wordChars) };
  });
  return { words, truncated };
}

/** The first `max` UTF-16 units of `text`, one fewer rather than half a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
