import type { SearchEngine, SearchHit, Suggestion } from '../search-engine.ts';
import { snippetAround } from '../snippet.ts';
import type { GlossaryTerm, KnowledgeDoc, Section } from '../types.ts';
import { Accumulator } from './accumulator.ts';
import type { Bm25Index } from './bm25.ts';
import { Glossary } from './expand.ts';
import { planQuery, type Alternative, type Concept, type QueryContext, type QueryPlan } from './query.ts';
import { shortFieldSimilarity, shortFieldsOf, type ShortFields } from './rerank.ts';
import { SuggestIndex } from './suggest.ts';
import { indexSections } from './section-index.ts';
import { BIGRAM, isWordTerm } from './terms.ts';
import { Vocabulary, type WordFrequencies } from './vocabulary.ts';

/** BM25 candidates handed to the fuse.js re-ranking. */
const CANDIDATES = 20;
/** Reciprocal rank fusion constant: small, because only the first few ranks matter here. */
const RRF_K = 10;
/** A hit's score: mostly how much of the question it covers, partly how well its title matches. */
const COVERAGE_SHARE = 0.8;

interface Matched {
  coverage: number;
  reasons: string[];
  surfaces: string[];
}

interface Ranked {
  section: Section;
  score: number;
  found: Matched;
}

/**
 * Korean-aware retrieval: normalised, 조사-stripped, bigram- and glossary-expanded BM25F
 * candidates, re-ranked by fuse.js over jamo spellings of titles and aliases, fused by
 * reciprocal rank. Scores are the share of the question's weight a section covers, so they
 * compare across questions.
 */
export class KoreanSearchEngine implements SearchEngine {
  private readonly index: Bm25Index;
  /** Prepared on first use: only BM25 candidates ever need them. */
  private readonly shortFields: Array<ShortFields | undefined>;
  private readonly context: QueryContext;
  /** Built on the first autocomplete request: searches never need it. */
  private suggestions?: SuggestIndex;
  private readonly scores: Accumulator;
  private readonly conceptScores: Accumulator;

  constructor(
    private readonly sections: Section[],
    glossaryTerms: GlossaryTerm[],
    docs: KnowledgeDoc[] = [],
  ) {
    const { index, writtenWords, termPhrases } = indexSections(sections, docs);
    this.index = index;
    const glossary = new Glossary(glossaryTerms);
    const vocabulary = new Vocabulary(wordFrequencies(index), writtenWords, [...termPhrases, ...glossary.phrases()]);
    this.context = { index: this.index, vocabulary, glossary };
    this.shortFields = new Array<ShortFields | undefined>(sections.length);
    this.scores = new Accumulator(sections.length);
    this.conceptScores = new Accumulator(sections.length);
  }

  search(query: string, limit: number): SearchHit[] {
    return this.rank(query, limit).map(({ section, score, found }) => ({
      section,
      score,
      snippet: snippetAround(section.text, found.surfaces),
      matched: found.reasons,
    }));
  }

  /** Titles continuing the typed prefix; the BM25 stage alone fills up the list, as autocomplete must be quick. */
  suggest(prefix: string, limit: number): Suggestion[] {
    this.suggestions ??= new SuggestIndex(this.sections);
    return this.suggestions.suggest(prefix, limit, (query, n) =>
      this.candidates(planQuery(query, this.context), n).map((doc) => this.sections[doc]!),
    );
  }

  /** The best `limit` sections by BM25F over the plan's concepts and extra terms. */
  private candidates(plan: QueryPlan, limit: number): number[] {
    for (const concept of plan.concepts) this.addConcept(concept);
    for (const extra of plan.extras) this.addTerm(extra);
    const best = this.scores.top(limit);
    this.scores.clear();
    return best;
  }

  private rank(query: string, limit: number): Ranked[] {
    const plan = planQuery(query, this.context);
    const candidates = this.candidates(plan, CANDIDATES);
    if (candidates.length === 0) return [];
    const similarity = shortFieldSimilarity(candidates.map((doc) => this.shortFieldsOf(doc)), plan.concepts);
    const totalImportance = plan.concepts.reduce((sum, c) => sum + c.importance, 0);
    const found = candidates.map((doc) => this.matchedAlternatives(plan.concepts, plan.extras, doc));
    const coverage = found.map((f) => (totalImportance > 0 ? f.coverage / totalImportance : 0));
    // Three opinions, fused by reciprocal rank: BM25; how much of the question a section covers
    // (ties broken by title similarity); and fuse.js over the short fields.
    const positions = candidates.map((_, i) => i);
    const rankings = [
      positions,
      [...positions].sort((a, b) => coverage[b]! - coverage[a]! || similarity[b]! - similarity[a]! || a - b),
      [...positions].sort((a, b) => similarity[b]! - similarity[a]! || a - b),
    ];
    const fused = new Array<number>(candidates.length).fill(0);
    for (const ranking of rankings) ranking.forEach((i, rank) => (fused[i]! += 1 / (RRF_K + rank + 1)));
    return [...positions]
      .sort((a, b) => fused[b]! - fused[a]! || a - b)
      .slice(0, limit)
      .map((i) => ({
        section: this.sections[candidates[i]!]!,
        // How well this section answers, on a scale shared by all questions.
        score: clamp01(COVERAGE_SHARE * coverage[i]! + (1 - COVERAGE_SHARE) * similarity[i]!),
        found: found[i]!,
      }));
  }

  private shortFieldsOf(doc: number): ShortFields {
    const section = this.sections[doc]!;
    return (this.shortFields[doc] ??= shortFieldsOf(section.heading, section.aliases));
  }

  /** Adds, per document, the best-scoring alternative of a concept. */
  private addConcept(concept: Concept): void {
    for (const alternative of concept.alternatives) {
      const postings = this.index.postings(alternative.term);
      if (!postings) continue;
      for (let k = postings.start; k < postings.end; k++) this.conceptScores.max(postings.docs[k]!, alternative.weight * postings.scores[k]!);
    }
    this.conceptScores.forEach((doc, value) => this.scores.add(doc, value));
    this.conceptScores.clear();
  }

  private addTerm(alternative: Alternative): void {
    const postings = this.index.postings(alternative.term);
    if (!postings) return;
    for (let k = postings.start; k < postings.end; k++) this.scores.add(postings.docs[k]!, alternative.weight * postings.scores[k]!);
  }

  /** Which concepts a section matched, how (for `matched`), and the words to mark in the snippet. */
  private matchedAlternatives(concepts: Concept[], extras: Alternative[], doc: number): Matched {
    let coverage = 0;
    const reasons: string[] = [];
    const surfaces: string[] = [];
    for (const concept of concepts) {
      let best: Alternative | undefined;
      for (const alternative of concept.alternatives) {
        if (this.index.scoreIn(alternative.term, doc) <= 0) continue;
        // Every form found is worth marking: the snippet opens at the earliest (볼륨 before 볼륨이).
        surfaces.push(alternative.surface);
        if (!best || alternative.weight > best.weight) best = alternative;
      }
      if (!best) continue;
      coverage += concept.importance * best.weight;
      const direct = best.via === 'word' || best.via === 'stem' || best.surface === concept.label;
      reasons.push(direct ? best.surface : `${concept.label}→${best.surface} (${best.via})`);
    }
    for (const extra of extras) {
      if (!extra.term.startsWith(BIGRAM) && this.index.scoreIn(extra.term, doc) > 0) surfaces.push(extra.surface);
    }
    return { coverage, reasons: [...new Set(reasons)], surfaces };
  }
}

/** The index's word terms (no bigrams, pairs or joins) with their document frequency, read from the index. */
function wordFrequencies(index: Bm25Index): WordFrequencies {
  const df = (word: string) => (isWordTerm(word) ? index.df(word) : 0);
  return { has: (word) => df(word) > 0, get: (word) => df(word) || undefined };
}

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
