import type { Suggestion } from '../search-engine.ts';
import type { Section } from '../types.ts';
import { choseong, hangulFromQwerty, isChoseongWord, jamo } from './hangul.ts';
import { cutText, QUERY_LIMITS, WORD_LIMITS } from './limits.ts';
import { memoise } from './memoise.ts';
import { compact, normalizeText } from './normalize.ts';
import { lastHeadings } from '../views.ts';
import { countWork } from './work.ts';
import { sectionBaseId } from '../sections.ts';

/** Discord caps a choice's name and value at 100 characters. */
const MAX_TITLE = 100;
/** Where a typed prefix matched, best first: start of the heading, of an alias, inside either, the document title. */
const RANK = { headingStart: 0, aliasStart: 1, headingWord: 2, aliasWord: 3, docTitle: 4 } as const;
type Rank = (typeof RANK)[keyof typeof RANK];

interface Entry {
  id: string;
  title: string;
}

/**
 * Autocomplete for `/ask`: titles whose heading, aliases or document title continue what the
 * member has typed so far. Matching is on jamo spellings without spaces, so partial syllables
 * (도커 볼 → 도커 볼륨, 돜 → 도커) and 초성 (ㄷㅋ ㅂ) work; every word start is indexed, so a
 * prefix may begin mid-title. Prefixes are looked up by binary search in sorted spellings,
 * prepared once. When fewer than asked match, the search engine fills up the list.
 */
export class SuggestIndex {
  private readonly entries: Entry[] = [];
  private readonly spellings: PrefixTable;
  private readonly initials: PrefixTable;

  constructor(sections: Section[]) {
    const spellings = new Map<string, number[]>();
    const initials = new Map<string, number[]>();
    const seen = new Set<string>();
    // Every section of a document repeats its title, and many headings recur: each text is prepared once.
    const startsOf = memoise(wordStarts);
    for (const section of sections) {
      const base = sectionBaseId(section.id);
      if (seen.has(base)) continue;
      seen.add(base);
      const entry = this.entries.push({ id: section.id, title: titleOf(section) }) - 1;
      const keys: Array<[string, Rank, Rank]> = [
        [section.heading, RANK.headingStart, RANK.headingWord],
        ...section.aliases.map((a): [string, Rank, Rank] => [a, RANK.aliasStart, RANK.aliasWord]),
        [section.headingPath[0] ?? '', RANK.docTitle, RANK.docTitle],
      ];
      for (const [key, atStart, inside] of keys) {
        startsOf(key).forEach((start, i) => {
          const rank = i === 0 ? atStart : inside;
          add(spellings, start.spelling, entry, rank);
          if (start.initials) add(initials, start.initials, entry, rank);
        });
      }
    }
    this.spellings = new PrefixTable(spellings);
    this.initials = new PrefixTable(initials);
  }

  suggest(prefix: string, limit: number, search?: (query: string, limit: number) => Section[]): Suggestion[] {
    const typed = compact(normalizeText(cutText(prefix, QUERY_LIMITS.chars)));
    countWork(prefix.length + typed.length);
    if (!typed) return this.entries.slice(0, limit).map(({ id, title }) => ({ id, title }));
    const best = new Map<number, number>();
    const collect = (table: PrefixTable, key: string) => {
      table.forEachStartingWith(key, (entry, rank) => {
        if (rank < (best.get(entry) ?? Infinity)) best.set(entry, rank);
      });
    };
    if (isChoseongWord(typed)) collect(this.initials, typed);
    // A spelling is never shorter than what was typed: past the longest title, nothing starts with it.
    if (typed.length <= this.spellings.longest) collect(this.spellings, jamo(typed));
    if (best.size < limit && typed.length <= WORD_LIMITS.layout && /^[a-z]+$/.test(typed)) {
      const hangul = hangulFromQwerty(typed);
      if (hangul) collect(this.spellings, jamo(hangul));
    }
    const picked = [...best].flatMap(([at, rank]) => {
      const entry = this.entries[at];
      return entry ? [{ at, rank, entry }] : [];
    });
    picked.sort((a, b) => a.rank - b.rank || a.entry.title.length - b.entry.title.length || a.at - b.at);
    const out = picked.slice(0, limit).map(({ entry: { id, title } }) => ({ id, title }));
    if (out.length < limit && search && typed.length >= 2) {
      const have = new Set(out.map((s) => s.title));
      for (const section of search(prefix, limit)) {
        const title = titleOf(section);
        if (have.has(title)) continue;
        have.add(title);
        out.push({ id: section.id, title });
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}

interface WordStart {
  /** Jamo spelling of the text from this word on, without spaces. */
  spelling: string;
  initials: string;
}

/** What a prefix may match from each word of a title on: 도커 볼륨 → 도커볼륨, 볼륨 (as jamo and initials). */
function wordStarts(text: string): WordStart[] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  return words.map((_, i) => {
    const rest = words.slice(i).join('');
    return { spelling: jamo(rest), initials: choseong(rest) };
  });
}

/** Sorted distinct keys, each with the (entry, rank) pairs it stands for. */
class PrefixTable {
  /** The longest key: no longer prefix can match. */
  readonly longest: number;
  private readonly keys: string[];
  private readonly values: number[][];

  constructor(map: Map<string, number[]>) {
    this.keys = [...map.keys()].sort();
    this.values = this.keys.map((k) => map.get(k) ?? []);
    this.longest = this.keys.reduce((longest, key) => Math.max(longest, key.length), 0);
  }

  forEachStartingWith(prefix: string, visit: (entry: number, rank: number) => void): void {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.keys[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.keys.length && this.keys[i]?.startsWith(prefix); i++) {
      for (const packed of this.values[i] ?? []) visit(packed >> 3, packed & 7);
    }
  }
}

function add(map: Map<string, number[]>, key: string, entry: number, rank: Rank): void {
  const list = map.get(key);
  const packed = (entry << 3) | rank;
  if (list) list.push(packed);
  else map.set(key, [packed]);
}

/** The short title, clipped to what an autocomplete choice may hold. */
export function titleOf(section: Section): string {
  const text = lastHeadings(section);
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text;
}
