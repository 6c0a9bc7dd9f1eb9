import type { Bm25Index } from './bm25.ts';
import type { Glossary } from './expand.ts';
import { hangulFromQwerty, isHangulWord, qwertyFromHangul, syllableBigrams } from './hangul.ts';
import { englishSingular, isParticle, stemsOf } from './particles.ts';
import { isStopword } from './stopwords.ts';
import { BIGRAM, JOIN, joinTerm, pairTerm } from './terms.ts';
import { wordsOf, type Word } from './tokens.ts';
import { Vocabulary } from './vocabulary.ts';

/** How a query word reached an index term: shown to members as the reason for a hit. */
export type Via = 'word' | 'stem' | 'typo' | 'choseong' | 'layout' | 'glossary' | 'compound';

export interface Alternative {
  term: string;
  /** 0..1: how sure we are this is what the member meant. */
  weight: number;
  /** The spelling to look for in the text (snippet) and to show. */
  surface: string;
  via: Via;
}

/** One thing the member asked about: a query word, with every index term that may stand for it. */
export interface Concept {
  /** As typed (normalised). */
  label: string;
  /** What fuse.js compares with titles and aliases. */
  fuzzyLabel: string;
  /** The label is 초성, so compare initials rather than spellings. */
  initials: boolean;
  /** Read approximately (초성, a corrected typo): titles are compared fuzzily. */
  fuzzy: boolean;
  alternatives: Alternative[];
  /** How much finding this concept tells: the idf of its likeliest spellings, discounted for verb forms and lone syllables. */
  importance: number;
}

export interface QueryPlan {
  concepts: Concept[];
  /** Terms that add evidence without being concepts: bigrams, word pairs, joins, literal parts. */
  extras: Alternative[];
}

export interface QueryContext {
  index: Bm25Index;
  vocabulary: Vocabulary;
  glossary: Glossary;
}

const EXPANSION_WEIGHT = 0.8;
const SINGLE_SYLLABLE = 0.3;
const EXTRA_WEIGHTS = { bigram: 0.25, pair: 0.5, join: 0.5, phrase: 0.6, part: 0.3 } as const;
/** Unknown words that look like verb forms (띄웠는데, 보여요) say little about the topic. */
const PREDICATE_ENDING = /(요|고|서|면|데|죠|까|다|며|지|니|게|음|함|됨|는|은|을|던|려)$/;
/** Endings that only verbs take, so even a word the notes contain (쓰려면) is no topic. */
const VERB_FORM = /(려면|으면|우면|하면|되면|는데|은데|어요|아요|해요|나요|세요|니다|어서|아서|는지|을까|는가|었어|았어|려고|면서|지만|네요|군요|던데|거나|려는)$/;
const VERB_FORM_FACTOR = 0.35;
const UNKNOWN_PREDICATE = 0.25;
const UNKNOWN_HANGUL = 0.6;

/** Turns a question into weighted concepts and extra evidence terms. */
export function planQuery(query: string, context: QueryContext): QueryPlan {
  const words = wordsOf(query);
  const concepts: Concept[] = [];
  const extras: Alternative[] = [];

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.part) {
      extras.push({ term: word.text, weight: EXTRA_WEIGHTS.part, surface: word.text, via: 'word' });
      continue;
    }
    if (word.kind === 'choseong') {
      let end = i + 1;
      while (words[end]?.kind === 'choseong') end++;
      concepts.push(...choseongRunConcepts(words.slice(i, end).map((w) => w.text), context.vocabulary));
      i = end - 1;
      continue;
    }
    concepts.push(...conceptsOf(word, context));
  }
  for (const concept of concepts) expandWithGlossary(concept, context.glossary);
  extras.push(...phraseExtras(concepts, context.glossary));
  extras.push(...adjacencyExtras(words, concepts));
  for (const concept of concepts) concept.importance = importanceOf(concept, context.index);
  return { concepts, extras: dedupe(extras) };
}

function conceptsOf(word: Word, context: QueryContext): Concept[] {
  const { vocabulary } = context;
  const text = word.text;
  if (isStopword(text)) return [];
  switch (word.kind) {
    case 'literal':
    case 'number':
      return [concept(text, [{ term: text, weight: 1, surface: text, via: 'word' }])];
    case 'latin': {
      const singular = englishSingular(text);
      const direct = [text, singular].filter((w): w is string => !!w && vocabulary.has(w));
      if (direct.length) return [concept(text, direct.map((w) => ({ term: w, weight: 1, surface: w, via: 'word' as const })))];
      const typed = hangulFromQwerty(text);
      if (typed) {
        const hangul = conceptsOf({ text: typed, kind: 'hangul' }, context);
        if (hangul.some((c) => c.alternatives.length)) return hangul.map((c) => ({ ...relabel(c, 'layout', 0.95), label: text }));
      }
      const fixes = vocabulary.corrections(text).map((c) => ({ term: c.word, weight: typoWeight(c.distance), surface: c.word, via: 'typo' as const }));
      return [concept(text, fixes)];
    }
    case 'hangul':
      return hangulConcepts(text, context);
    default:
      return [];
  }
}

function hangulConcepts(text: string, context: QueryContext): Concept[] {
  const { vocabulary } = context;
  const stems = stemsOf(text);
  if (isParticle(text) || (stems.some((s) => isStopword(s)) && !vocabulary.has(text))) return [];
  const known = [text, ...stems].filter((w) => vocabulary.has(w) && (w === text || w.length >= 2 || !vocabulary.has(text)));
  if (known.length) {
    const noun = known[known.length - 1]!;
    return [concept(noun, known.map((w) => ({ term: w, weight: 1, surface: w, via: w === text ? 'word' : 'stem' })))];
  }
  // A spelling the glossary knows, though the notes never write it so (도커볼륨, 멀티스테이지).
  for (const candidate of [text, ...stems]) {
    const forms = context.glossary.formsOf(candidate);
    if (forms.length) return [concept(candidate, forms.map((f) => ({ term: f.term, weight: 1, surface: f.surface, via: 'glossary' as const })))];
  }
  // A glued compound (사용자정의네트워크): split into words the index or glossary knows.
  for (const candidate of [text, ...stems]) {
    const pieces = Vocabulary.split(candidate, (p) => vocabulary.has(p) || context.glossary.has(p));
    if (!pieces) continue;
    return pieces
      .filter((p) => !isStopword(p) && !isParticle(p))
      .flatMap((p) => hangulConcepts(p, context))
      .map((c) => relabel(c, 'compound', 1));
  }
  // A word the glossary uses (환영 of 환영 페이지) is no typo, though no note spells it alone.
  if ([text, ...stems].some((w) => context.glossary.hasWord(w))) return [concept(stems[stems.length - 1] ?? text, [])];
  for (const candidate of PREDICATE_ENDING.test(text) ? stems : [text, ...stems]) {
    const fixes = vocabulary.corrections(candidate);
    if (fixes.length) {
      return [concept(candidate, fixes.map((c) => ({ term: c.word, weight: typoWeight(c.distance), surface: c.word, via: 'typo' as const })))];
    }
  }
  const english = qwertyFromHangul(text);
  if (english && vocabulary.has(english)) return [concept(english, [{ term: english, weight: 0.95, surface: english, via: 'layout' }])];
  return [concept(stems[stems.length - 1] ?? text, [])];
}

/**
 * Consecutive 초성 words (ㄷㅋ ㅋㅍㅈ): a multi-word title, alias or glossary term with these
 * initials (도커 컴포즈) becomes a concept of its own, beside each word's own candidates.
 */
function choseongRunConcepts(run: string[], vocabulary: Vocabulary): Concept[] {
  const initials = run.join('');
  const phrases = vocabulary.joinsWithChoseong(initials);
  const concepts: Concept[] = [];
  if (phrases.length) {
    const weight = Math.max(0.6, 0.95 - 0.05 * (phrases.length - 1));
    const alternatives = phrases.flatMap((joins) =>
      joins.map((term) => ({ term, weight, surface: term.slice(JOIN.length), via: 'choseong' as const })),
    );
    concepts.push({ ...concept(run.join(' '), alternatives), fuzzyLabel: initials, initials: true, fuzzy: true });
  }
  for (const word of run) {
    const words = vocabulary.wordsWithChoseong(word);
    if (words.length) concepts.push(choseongConcept(word, words));
    else if (!phrases.length) {
      const pieces = Vocabulary.split(word, (p) => vocabulary.wordsWithChoseong(p).length > 0);
      if (pieces) concepts.push(...pieces.map((p) => choseongConcept(p, vocabulary.wordsWithChoseong(p))));
      else concepts.push({ ...concept(word, []), initials: true, fuzzy: true });
    }
  }
  return concepts;
}

function choseongConcept(initials: string, words: string[]): Concept {
  // The fewer words share these initials, the likelier each is meant.
  const weight = Math.max(0.5, 0.9 - 0.05 * (words.length - 1));
  return {
    ...concept(initials, words.slice(0, 12).map((w) => ({ term: w, weight, surface: w, via: 'choseong' as const }))),
    initials: true,
    fuzzy: true,
  };
}

function expandWithGlossary(target: Concept, glossary: Glossary): void {
  const have = new Set(target.alternatives.map((a) => a.term));
  for (const alternative of [...target.alternatives]) {
    for (const form of glossary.formsOf(alternative.surface)) {
      if (have.has(form.term)) continue;
      have.add(form.term);
      target.alternatives.push({ term: form.term, weight: alternative.weight * EXPANSION_WEIGHT, surface: form.surface, via: 'glossary' });
    }
  }
}

/** Multi-word glossary terms spanning adjacent concepts (bind mount, 바인드 마운트, exit code). */
function phraseExtras(concepts: Concept[], glossary: Glossary): Alternative[] {
  const extras: Alternative[] = [];
  const covered = new Set(concepts.flatMap((c) => c.alternatives.map((a) => a.term)));
  for (let start = 0; start < concepts.length; start++) {
    for (let end = start + 2; end <= Math.min(concepts.length, start + glossary.maxWords); end++) {
      const phrase = concepts.slice(start, end).map(phraseWord).join(' ');
      for (const form of glossary.formsOf(phrase)) {
        if (covered.has(form.term)) continue;
        extras.push({ term: form.term, weight: EXTRA_WEIGHTS.phrase, surface: form.surface, via: 'glossary' });
      }
    }
  }
  return extras;
}

/** The word a concept contributes to a phrase: its correction if it was mistyped, else its noun. */
function phraseWord(target: Concept): string {
  const first = target.alternatives[0];
  return first && (first.via === 'typo' || first.via === 'layout') ? first.surface : target.label;
}

/** Syllable bigrams across the Hangul of the query, pairs of Latin words, joins of Hangul nouns. */
function adjacencyExtras(words: Word[], concepts: Concept[]): Alternative[] {
  const extras: Alternative[] = [];
  const hangulRuns: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.kind === 'hangul' && !isStopword(word.text)) run += word.text;
    else if (run) {
      hangulRuns.push(run);
      run = '';
    }
  }
  if (run) hangulRuns.push(run);
  for (const text of hangulRuns) {
    for (const bigram of syllableBigrams(text)) extras.push({ term: BIGRAM + bigram, weight: EXTRA_WEIGHTS.bigram, surface: bigram, via: 'word' });
  }
  for (let i = 0; i + 1 < concepts.length; i++) {
    const a = concepts[i]!.alternatives[0];
    const b = concepts[i + 1]!.alternatives[0];
    if (!a || !b) continue;
    if (/^[a-z]+$/.test(a.surface) && /^[a-z]+$/.test(b.surface)) {
      extras.push({ term: pairTerm(a.surface, b.surface), weight: EXTRA_WEIGHTS.pair, surface: `${a.surface} ${b.surface}`, via: 'word' });
    }
    if (isHangulWord(a.surface) && isHangulWord(b.surface)) {
      extras.push({ term: joinTerm(a.surface, b.surface), weight: EXTRA_WEIGHTS.join, surface: `${a.surface} ${b.surface}`, via: 'word' });
    }
  }
  return extras;
}

function importanceOf(target: Concept, index: Bm25Index): number {
  const hangul = isHangulWord(target.label);
  const present = target.alternatives.filter((a) => index.df(a.term) > 0);
  if (present.length === 0) {
    // Nothing in the notes spells it: likely a topic we don't cover — unless it is a lone
    // syllable or looks like a verb form. Unknown Latin words are mostly product names.
    if (hangul && target.label.length === 1) return 0;
    const unseen = index.idf('\u0000');
    if (hangul && PREDICATE_ENDING.test(target.label)) return unseen * UNKNOWN_PREDICATE;
    return hangul ? unseen * UNKNOWN_HANGUL : unseen;
  }
  // As specific as its commonest likely spelling: not inflated by a rare particle form or synonym.
  const top = Math.max(...present.map((a) => a.weight));
  const idf = Math.min(...present.filter((a) => a.weight >= 0.9 * top).map((a) => index.idf(a.term) * a.weight));
  if (hangul && target.label.length === 1) return idf * SINGLE_SYLLABLE;
  if (hangul && VERB_FORM.test(target.label)) return idf * VERB_FORM_FACTOR;
  return idf;
}

function concept(label: string, alternatives: Alternative[]): Concept {
  // A word no vocabulary entry is near (unknown) won't be near a title word either: no fuzzy pass.
  const fuzzy = alternatives.length > 0 && alternatives.every((a) => a.via === 'typo');
  return { label, fuzzyLabel: label, initials: false, fuzzy, alternatives, importance: 0 };
}

function relabel(target: Concept, via: Via, factor: number): Concept {
  return {
    ...target,
    alternatives: target.alternatives.map((a) => ({ ...a, weight: a.weight * factor, via: a.via === 'word' || a.via === 'stem' ? via : a.via })),
  };
}

const typoWeight = (distance: number): number => (distance <= 1 ? 0.8 : 0.65);

function dedupe(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const a of alternatives) {
    const current = best.get(a.term);
    if (!current || current.weight < a.weight) best.set(a.term, a);
  }
  return [...best.values()];
}
