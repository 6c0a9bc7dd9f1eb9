import Fuse, { type IFuseOptions } from 'fuse.js';
import { choseong, jamo } from './hangul.ts';
import type { WorkBudget } from './limits.ts';
import { compact, normalizeText } from './normalize.ts';
import { phraseWords } from './tokens.ts';
import { sureness, type Concept } from './query.ts';
import { SIMILARITY } from './weights.ts';
import { countWork } from './work.ts';

/** A section's short fields: as written (compact), in jamo and in initials, prepared once. */
export interface ShortFields {
  heading: string;
  aliases: string;
  headingJamo: string;
  aliasesJamo: string[];
  headingInitials: string;
  aliasInitials: string[];
  /** Aliases of several words (컨테이너를 이미지로 저장), their words joined. */
  aliasPhrases: string[];
}

export function shortFieldsOf(heading: string, aliases: string[]): ShortFields {
  const normalHeading = normalizeText(heading);
  const normalAliases = aliases.map(normalizeText);
  return {
    heading: compact(normalHeading),
    aliases: normalAliases.map(compact).join('|'),
    headingJamo: jamo(normalHeading),
    aliasesJamo: normalAliases.map(jamo),
    headingInitials: choseong(normalHeading),
    aliasInitials: normalAliases.map(choseong).filter((s) => s.length >= 2),
    aliasPhrases: normalAliases
      .map(phraseWords)
      .filter((words) => words.length >= SIMILARITY.aliasPhraseWords)
      .map((words) => words.join('')),
  };
}

/**
 * Whether the question (its words joined, planQuery) types one of the section's alias phrases
 * whole, spaced or not: 컨테이너를이미지로저장하기 names the section whose alias is 컨테이너를
 * 이미지로 저장, though 이미지 and 저장 alone fit others as well.
 */
export function typesAliasPhrase(fields: ShortFields, compactQuery: string): boolean {
  countWork(fields.aliasPhrases.length * compactQuery.length);
  return fields.aliasPhrases.some((phrase) => compactQuery.includes(phrase));
}

const SPELLING_OPTIONS: IFuseOptions<ShortFields> = {
  keys: [
    { name: 'headingJamo', weight: 2 },
    { name: 'aliasesJamo', weight: 1.5 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: SIMILARITY.spellingThreshold,
};

const INITIALS_OPTIONS: IFuseOptions<ShortFields> = {
  ...SPELLING_OPTIONS,
  keys: [
    { name: 'headingInitials', weight: 2 },
    { name: 'aliasInitials', weight: 1.5 },
  ],
  threshold: SIMILARITY.initialsThreshold,
};

/** fuse.js compares patterns of up to 32 characters (one machine word of bitap). */
const PATTERN_MAX = 32;

/**
 * How well each candidate's heading and aliases match the query's concepts, 0..1, weighted by
 * the concepts' importance. A concept read exactly (a known word, its noun, a glossary
 * spelling) counts when one of its spellings appears in the heading or an alias. Where
 * fuzziness is needed — a corrected typo, 초성, a word the notes never use — fuse.js compares
 * its jamo spelling (or initials) with the fields, so 볼룸 still finds the heading 도커 볼륨.
 * Only the BM25 candidates are compared, so the cost does not grow with the corpus; each fuzzy
 * pass is paid for from the query's `budget`, and skipped when it no longer fits.
 */
export function shortFieldSimilarity(candidates: ShortFields[], concepts: Concept[], budget: WorkBudget): number[] {
  const totals = new Array<number>(candidates.length).fill(0);
  const weight = concepts.reduce((sum, c) => sum + c.importance, 0);
  if (!candidates.length || weight === 0) return totals;
  const fuzzyCandidates = candidates.slice(0, SIMILARITY.fuzzyCandidates);
  let spelling: Fuse<ShortFields> | undefined;
  let initials: Fuse<ShortFields> | undefined;
  for (const concept of concepts) {
    if (concept.importance === 0) continue;
    const share = concept.importance / weight;
    // Every reading found in a heading or alias counts, a corrected typo's too (컨테니어 → the
    // heading's 컨테이너); a fuzzy reading is also compared by spelling below, the better kept.
    // 초성 stand for many words at once: only their spelling is compared.
    const exact = concept.initials ? undefined : exactSimilarity(candidates, concept);
    const pattern = (concept.initials ? concept.fuzzyLabel : jamo(concept.fuzzyLabel)).slice(0, PATTERN_MAX);
    const cost = pattern.length * fieldLength(fuzzyCandidates, concept.initials);
    if (!concept.fuzzy || pattern.length < 2 || !budget.spend(cost)) {
      exact?.forEach((best, i) => (totals[i] = (totals[i] ?? 0) + share * best));
      continue;
    }
    countWork(cost);
    const fuse = concept.initials
      ? (initials ??= new Fuse(fuzzyCandidates, INITIALS_OPTIONS))
      : (spelling ??= new Fuse(fuzzyCandidates, SPELLING_OPTIONS));
    const fuzzy = new Array<number>(candidates.length).fill(0);
    for (const result of fuse.search(pattern)) fuzzy[result.refIndex] = 1 - (result.score ?? 1);
    const read = exact ? exact.map((best, i) => Math.max(best, fuzzy[i] ?? 0)) : fuzzy;
    read.forEach((value, i) => (totals[i] = (totals[i] ?? 0) + share * value));
  }
  return totals;
}

/** Per candidate, the surest of a concept's spellings found in its heading (or, a little less, an alias). */
function exactSimilarity(candidates: ShortFields[], concept: Concept): number[] {
  const spellings = concept.alternatives.map((a) => ({ text: compact(a.surface), weight: sureness(a) }));
  return candidates.map((fields) => {
    countWork(spellings.length * (fields.heading.length + fields.aliases.length));
    let best = 0;
    for (const { text, weight: w } of spellings) {
      if (fields.heading.includes(text)) best = Math.max(best, w);
      else if (fields.aliases.includes(text)) best = Math.max(best, w * SIMILARITY.aliasMatch);
    }
    return best;
  });
}

/** The characters a fuzzy pass reads: the candidates' jamo (or initials) headings and aliases. */
function fieldLength(candidates: ShortFields[], initials: boolean): number {
  let length = 0;
  for (const fields of candidates) {
    const aliases = initials ? fields.aliasInitials : fields.aliasesJamo;
    length += (initials ? fields.headingInitials : fields.headingJamo).length;
    for (const alias of aliases) length += alias.length;
  }
  return length;
}
