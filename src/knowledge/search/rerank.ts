import Fuse, { type IFuseOptions } from 'fuse.js';
import { choseong, jamo } from './hangul.ts';
import { compact, normalizeText } from './normalize.ts';
import type { Concept } from './query.ts';

/** A section's short fields: as written (compact), in jamo and in initials, prepared once. */
export interface ShortFields {
  heading: string;
  aliases: string;
  headingJamo: string;
  aliasesJamo: string[];
  headingInitials: string;
  aliasInitials: string[];
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
  };
}

const SPELLING_OPTIONS: IFuseOptions<ShortFields> = {
  keys: [
    { name: 'headingJamo', weight: 2 },
    { name: 'aliasesJamo', weight: 1.5 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
};

const INITIALS_OPTIONS: IFuseOptions<ShortFields> = {
  ...SPELLING_OPTIONS,
  keys: [
    { name: 'headingInitials', weight: 2 },
    { name: 'aliasInitials', weight: 1.5 },
  ],
  threshold: 0.1,
};

const ALIAS_MATCH = 0.9;
/** Bitap is the costly part: fuzzy comparison is kept to the strongest BM25 candidates. */
const FUZZY_CANDIDATES = 10;

/**
 * How well each candidate's heading and aliases match the query's concepts, 0..1, weighted by
 * the concepts' importance. A concept read exactly (a known word, its noun, a glossary
 * spelling) counts when one of its spellings appears in the heading or an alias. Where
 * fuzziness is needed — a corrected typo, 초성, a word the notes never use — fuse.js compares
 * its jamo spelling (or initials) with the fields, so 볼룸 still finds the heading 도커 볼륨.
 * Only the BM25 candidates are compared, so the cost does not grow with the corpus.
 */
export function shortFieldSimilarity(candidates: ShortFields[], concepts: Concept[]): number[] {
  const totals = new Array<number>(candidates.length).fill(0);
  const weight = concepts.reduce((sum, c) => sum + c.importance, 0);
  if (!candidates.length || weight === 0) return totals;
  let spelling: Fuse<ShortFields> | undefined;
  let initials: Fuse<ShortFields> | undefined;
  for (const concept of concepts) {
    if (concept.importance === 0) continue;
    const share = concept.importance / weight;
    if (!concept.fuzzy) {
      const spellings = concept.alternatives.map((a) => ({ text: compact(a.surface), weight: a.weight }));
      candidates.forEach((fields, i) => {
        let best = 0;
        for (const { text, weight: w } of spellings) {
          if (fields.heading.includes(text)) best = Math.max(best, w);
          else if (fields.aliases.includes(text)) best = Math.max(best, w * ALIAS_MATCH);
        }
        totals[i]! += share * best;
      });
      continue;
    }
    const fuse = concept.initials
      ? (initials ??= new Fuse(candidates.slice(0, FUZZY_CANDIDATES), INITIALS_OPTIONS))
      : (spelling ??= new Fuse(candidates.slice(0, FUZZY_CANDIDATES), SPELLING_OPTIONS));
    const pattern = concept.initials ? concept.fuzzyLabel : jamo(concept.fuzzyLabel);
    if (pattern.length < 2) continue;
    for (const result of fuse.search(pattern.slice(0, 32))) totals[result.refIndex]! += share * (1 - (result.score ?? 1));
  }
  return totals;
}

