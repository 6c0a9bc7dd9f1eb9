import { syllableBigrams } from './hangul.ts';
import { englishSingular, stemsOf } from './particles.ts';
import type { Word } from './tokens.ts';

/** Term namespaces besides plain words: syllable bigrams, Latin word pairs, joined Hangul nouns. */
export const BIGRAM = 'b:';
export const PAIR = 'p:';
export const JOIN = 'j:';
const NAMESPACED = /^[bpj]:/;

/** A term that stands for a word or literal as written (or its noun or singular), not a bigram, pair or join. */
export const isWordTerm = (term: string): boolean => !NAMESPACED.test(term);

/** The forms a word is indexed under: itself, plus its noun (조사 stripped) or English singular. */
function wordForms(word: Word): string[] {
  if (word.kind === 'hangul') return [word.text, ...stemsOf(word.text)];
  if (word.kind === 'latin') {
    const singular = englishSingular(word.text);
    return singular ? [word.text, singular] : [word.text];
  }
  return [word.text];
}

// A word's own terms are the same wherever it occurs: worked out once per Hangul or Latin word
// (bounded in entries and word length), so indexing a long text mostly reuses strings it has already made.
const OWN_TERMS_CACHE_SIZE = 20_000;
const CACHED_WORD_CHARS = 32;
const OWN_TERMS = { hangul: new Map<string, readonly string[]>(), latin: new Map<string, readonly string[]>() };

/** The terms a word stands for on its own: its forms and, for Hangul, its syllable bigrams. */
export function ownTerms(word: Word): readonly string[] {
  if (word.kind !== 'hangul' && word.kind !== 'latin') return [word.text];
  const cache = OWN_TERMS[word.kind];
  let terms = cache.get(word.text);
  if (terms) return terms;
  terms = word.kind === 'hangul' ? [...wordForms(word), ...syllableBigrams(word.text).map((bigram) => BIGRAM + bigram)] : wordForms(word);
  if (word.text.length > CACHED_WORD_CHARS) return terms;
  if (cache.size >= OWN_TERMS_CACHE_SIZE) cache.clear();
  cache.set(word.text, terms);
  return terms;
}

/** The bare noun of a Hangul word: the shortest stem, or the word itself. */
function nounOf(word: string): string {
  const stems = stemsOf(word);
  return stems[stems.length - 1] ?? word;
}

/** The word and its bare noun: a join is indexed under each combination. */
function nounForms(word: string): string[] {
  const noun = nounOf(word);
  return noun === word ? [word] : [word, noun];
}

export const pairTerm = (a: string, b: string): string => `${PAIR}${a}_${b}`;
export const joinTerm = (a: string, b: string): string => `${JOIN}${a}${b}`;

/**
 * Every index term of a text's words: word forms; syllable bigrams of Hangul words (so glued
 * or split spellings still share terms); pairs of adjacent Latin words (`volume create`,
 * `bind mount`) and joins of adjacent Hangul words (도커 볼륨을 → 도커볼륨, 도커볼륨을), so phrases and
 * their spacing variants match as a unit.
 */
export function indexTerms(words: readonly Word[]): string[] {
  const terms: string[] = [];
  words.forEach((word, i) => {
    terms.push(...ownTerms(word));
    const next = words[i + 1];
    if (next) terms.push(...adjacentTerms(word, next));
  });
  return terms;
}

/** The terms of a word and the one after it: a Latin pair, or the joins of two Hangul words; none for other neighbours. */
export function adjacentTerms(word: Word, next: Word): string[] {
  if (next.kind !== word.kind) return [];
  if (word.kind === 'latin') return [pairTerm(word.text, next.text)];
  if (word.kind !== 'hangul') return [];
  const terms: string[] = [];
  for (const first of nounForms(word.text)) for (const second of nounForms(next.text)) terms.push(joinTerm(first, second));
  return terms;
}
