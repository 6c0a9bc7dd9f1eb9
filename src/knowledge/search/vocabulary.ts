import { consonantSpellings, editDistance, isHangulWord, jamo, letterSwaps, syllableSwaps } from './hangul.ts';
import { DeletionIndex, type DeletionEntry } from './deletion-index.ts';
import { WORD_LIMITS, type WorkBudget } from './limits.ts';
import { joinTerm } from './terms.ts';
import { countWork } from './work.ts';

/** Word forms with their document frequency (a Map will do). */
export interface WordFrequencies {
  has(word: string): boolean;
  get(word: string): number | undefined;
}

export interface Correction {
  word: string;
  distance: number;
}

/** The most edits editsAllowed allows. */
const MAX_EDITS = 2;

/** Edits allowed for a word of this many jamo (or letters): none for very short words. */
export function editsAllowed(spellingLength: number): number {
  if (spellingLength >= 10) return 2;
  if (spellingLength >= 4) return 1;
  return 0;
}

/** Below this many jamo (about two syllables) a typo is only corrected towards a title or glossary term. */
const SHORT_SPELLING = 7;
/** Latin words long enough to have typos corrected. */
const FUZZY_LATIN = /^[a-z][a-z0-9-]{3,}$/;

/**
 * The words the index knows, with what typo correction, 초성 lookup and compound splitting need.
 * The typo and 초성 tables are built on first use: many searches (and every one-shot CLI search
 * without a typo) never need them.
 */
export class Vocabulary {
  private readonly known: WordFrequencies;
  private readonly writtenWords: Set<string>;
  /** Heading, alias and glossary words. */
  private readonly terms = new Set<string>();
  /** Multi-word Hangul titles, aliases and glossary spellings, by their words joined with spaces. */
  private readonly phrases = new Map<string, string[]>();
  private typoTable?: DeletionIndex;
  private choseongTables?: ChoseongTables;

  /**
   * @param wordDf every indexed word form with its document frequency
   * @param writtenWords the words as the notes write them (not stems derived from them): what a typo may be corrected to
   * @param termPhrases headings, aliases and glossary spellings (as word lists): what 초성 may
   *   stand for, and what a short typo may be corrected to
   */
  constructor(wordDf: WordFrequencies, writtenWords: Set<string>, termPhrases: Iterable<string[]>) {
    this.known = wordDf;
    this.writtenWords = writtenWords;
    for (const phrase of termPhrases) {
      for (const word of phrase) this.terms.add(word);
      const hangul = phrase.filter((w) => isHangulWord(w));
      if (hangul.length >= 2 && hangul.length === phrase.length) this.phrases.set(hangul.join(' '), hangul);
    }
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  df(word: string): number {
    return this.known.get(word) ?? 0;
  }

  /**
   * Known words closest to `word` in jamo spelling (ties all returned, commonest first).
   * Symmetric delete: two spellings within k edits share a variant with up to k letters
   * deleted from each, so the lookup never scans the vocabulary. The variants are paid for
   * from the query's `budget`; a word longer than WORD_LIMITS.typoSpelling is not corrected.
   */
  corrections(word: string, budget: WorkBudget, limit = 3): Correction[] {
    const spelling = jamo(word);
    const edits = editsAllowed(spelling.length);
    if (edits === 0 || spelling.length > WORD_LIMITS.typoSpelling) return [];
    const table = (this.typoTable ??= this.buildTypoTable());
    // Longer than every entry by more than the edits allowed: nothing can be near it.
    if (spelling.length > table.longest + edits) return [];
    if (!budget.spend(variantCount(spelling.length, edits) * spelling.length)) return [];
    const candidates = new Map<string, string>();
    const collect = (e: DeletionEntry) => candidates.set(e.word, e.spelling);
    // The spelling itself, and every variant with one or two letters deleted (never built as strings).
    table.forEachSharing(spelling, -1, -1, collect);
    for (let i = 0; i < spelling.length; i++) {
      table.forEachSharing(spelling, i, -1, collect);
      if (edits >= 2) for (let j = i + 1; j < spelling.length; j++) table.forEachSharing(spelling, i, j, collect);
    }
    let best = edits + 1;
    let found: Correction[] = [];
    // Two syllables or their initials swapped is one slip, though two jamo edits.
    const slipped = this.swapCorrections(word);
    if (slipped.length) {
      best = 1;
      found = slipped;
      for (const s of slipped) candidates.delete(s.word);
    }
    for (const [candidate, target] of candidates) {
      if (spelling.length < SHORT_SPELLING && !this.terms.has(candidate)) continue;
      const distance = editDistance(spelling, target, Math.min(edits, best));
      if (distance > edits || distance > best) continue;
      if (distance < best) {
        best = distance;
        found = [];
      }
      found.push({ word: candidate, distance });
    }
    return found.sort((a, b) => this.df(b.word) - this.df(a.word) || a.word.localeCompare(b.word)).slice(0, limit);
  }

  /** Written, heading, alias and glossary words one slip away: two syllables (컨테니어 → 컨테이너) or letters (docekr → docker) swapped. */
  swapCorrections(word: string): Correction[] {
    return [...syllableSwaps(word), ...letterSwaps(word)]
      .filter((w) => this.writtenWords.has(w) || this.terms.has(w))
      .map((w) => ({ word: w, distance: 1 }));
  }

  /** Heading, alias and glossary words a 초성 spelling may stand for (ㄷㅋ → 도커, ㅋㄴㅌㅇㄴ → 컨테이너). */
  wordsWithChoseong(initials: string): string[] {
    return this.choseong().words.get(initials) ?? [];
  }

  /**
   * Multi-word titles, aliases and glossary terms whose initials are `initials`
   * (ㅂㅇㄷㅁㅇㅌ → 바인드 마운트), as the join terms of their adjacent words.
   */
  joinsWithChoseong(initials: string): string[][] {
    return (this.choseong().phrases.get(initials) ?? []).map((words) => {
      const joins: string[] = [];
      for (let i = 1; i < words.length; i++) joins.push(joinTerm(words[i - 1] ?? '', words[i] ?? ''));
      return joins;
    });
  }

  /**
   * Symmetric-delete table over every written, title and glossary word long enough to mistype
   * and short enough for a query word of at most WORD_LIMITS.typoSpelling letters to reach.
   */
  private buildTypoTable(): DeletionIndex {
    const entries: DeletionEntry[] = [];
    for (const word of new Set([...this.writtenWords, ...this.terms])) {
      const fuzzy = isHangulWord(word) ? word.length >= 2 : FUZZY_LATIN.test(word);
      if (!fuzzy) continue;
      const spelling = jamo(word);
      if (spelling.length > WORD_LIMITS.typoSpelling + MAX_EDITS) continue;
      // Two edits away only reaches title and glossary words: a rare body word is an unlikely aim.
      entries.push({ word, spelling, depth: Math.min(editsAllowed(spelling.length), this.terms.has(word) ? 2 : 1) });
    }
    return new DeletionIndex(entries);
  }

  private choseong(): ChoseongTables {
    if (this.choseongTables) return this.choseongTables;
    const words = new Map<string, string[]>();
    const phrases = new Map<string, string[][]>();
    for (const word of this.terms) {
      if (!isHangulWord(word) || word.length < 2) continue;
      for (const key of consonantSpellings(word)) addTo(words, key, word);
    }
    for (const list of words.values()) list.sort((a, b) => this.df(b) - this.df(a));
    for (const phrase of this.phrases.values()) {
      for (const key of consonantSpellings(phrase.join(''))) addTo(phrases, key, phrase);
    }
    return (this.choseongTables = { words, phrases });
  }

  /**
   * Splits a glued word into known pieces, fewest pieces first: 사용자정의네트워크 →
   * 사용자, 정의, 네트워크. `isKnown` decides what counts as a piece; undefined if no split.
   */
  static split(text: string, isKnown: (piece: string) => boolean, minPiece = 2): string[] | undefined {
    countWork(text.length * 12);
    const best: Array<string[] | undefined> = [[]];
    for (let end = 1; end <= text.length; end++) {
      for (let start = Math.max(0, end - 12); start <= end - minPiece; start++) {
        const before = best[start];
        if (!before) continue;
        const piece = text.slice(start, end);
        if (!isKnown(piece)) continue;
        const candidate = [...before, piece];
        const current = best[end];
        if (!current || candidate.length < current.length) best[end] = candidate;
      }
    }
    const result = best[text.length];
    return result && result.length >= 2 ? result : undefined;
  }
}

/**
 * Splits a phrase typed without spaces into pieces, cheapest in all: `pieceCost` says what a
 * piece costs (undefined: not a piece). Members glue nouns, particles, question words and verb
 * endings together (볼륨이뭐야, 포트가이미사용중이래요); undefined if no split into two or more.
 */
export function splitPhrase(text: string, pieceCost: (piece: string) => number | undefined): string[] | undefined {
  countWork(text.length * 12);
  const cost: number[] = [0];
  const from: number[] = [0];
  for (let end = 1; end <= text.length; end++) {
    cost[end] = Infinity;
    for (let start = Math.max(0, end - 12); start < end; start++) {
      const before = cost[start] ?? Infinity;
      if (before === Infinity) continue;
      const piece = pieceCost(text.slice(start, end));
      if (piece === undefined || before + piece >= (cost[end] ?? Infinity)) continue;
      cost[end] = before + piece;
      from[end] = start;
    }
  }
  if ((cost[text.length] ?? Infinity) === Infinity) return undefined;
  const pieces: string[] = [];
  for (let end = text.length; end > 0; end = from[end] ?? 0) pieces.unshift(text.slice(from[end] ?? 0, end));
  return pieces.length >= 2 ? pieces : undefined;
}

/** What 초성 spellings may stand for: title and glossary words, and multi-word phrases (commonest first). */
interface ChoseongTables {
  words: Map<string, string[]>;
  phrases: Map<string, string[][]>;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** How many variants a lookup with up to `depth` deletions tries for a spelling of `length` letters. */
function variantCount(length: number, depth: number): number {
  return 1 + length + (depth >= 2 ? (length * (length - 1)) / 2 : 0);
}
