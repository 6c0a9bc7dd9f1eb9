import { inRankOrder, type SearchAnswer, type SearchEngine, type SearchHit, type Suggestion } from '../search-engine.ts';
import { snippetAround } from '../snippet.ts';
import type { GlossaryTerm, KnowledgeDoc, Section } from '../types.ts';
import { AccumulatorPool, type Accumulator } from './accumulator.ts';
import type { Bm25Index } from './bm25.ts';
import { Glossary } from './expand.ts';
import { planQuery, sureness, type Alternative, type Concept, type QueryContext, type QueryPlan } from './query.ts';
import { shortFieldSimilarity, shortFieldsOf, typesAliasPhrase, type ShortFields } from './rerank.ts';
import { SuggestIndex } from './suggest.ts';
import { choseong } from './hangul.ts';
import { questionInitials } from './stopwords.ts';
import { indexSections } from './section-index.ts';
import { BIGRAM, indexTerms, isWordTerm } from './terms.ts';
import { wordsOf } from './tokens.ts';
import { Vocabulary, type WordFrequencies } from './vocabulary.ts';
import { FUSION, SIMILARITY } from './weights.ts';
import { countWork } from './work.ts';

interface Matched {
  coverage: number;
  /** Importance of the two weightiest concepts not found. */
  missing: number;
  reasons: string[];
  surfaces: string[];
}

/** How surely a section covers the words of a glossary phrase typed together (도커 그룹) when it has them only apart. */
const PHRASE_APART = 0.75;

interface Ranked {
  section: Section;
  score: number;
  coverage: number;
  similarity: number;
  found: Matched;
}

/**
 * Korean-aware retrieval: normalised, 조사-stripped, bigram- and glossary-expanded BM25F
 * candidates, re-ranked by fuse.js over jamo spellings of titles and aliases, fused by
 * reciprocal rank. Scores are the share of the question's weight a section covers, so they
 * compare across questions. Each query works within search/limits.ts, and keeps its scratch
 * state to itself: the engine is re-entrant.
 */
export class KoreanSearchEngine implements SearchEngine {
  private readonly index: Bm25Index;
  /** Prepared on first use: only BM25 candidates ever need them. */
  private readonly shortFields: Array<ShortFields | undefined>;
  private readonly context: QueryContext;
  /** Built on the first autocomplete request: searches never need it. */
  private suggestions?: SuggestIndex;
  private readonly accumulators: AccumulatorPool;

  constructor(
    private readonly sections: Section[],
    glossaryTerms: GlossaryTerm[],
    docs: KnowledgeDoc[] = [],
  ) {
    const { index, writtenWords, termPhrases, topicTerms } = indexSections(sections, docs);
    this.index = index;
    const glossary = new Glossary(glossaryTerms);
    const vocabulary = new Vocabulary(wordFrequencies(index), writtenWords, [...termPhrases, ...glossary.phrases()]);
    for (const form of glossary.forms()) topicTerms.add(form.term);
    const glossaryInitials = new Set([...glossary.forms()].map((f) => choseong(f.surface)).filter(Boolean));
    const questionWords = questionInitials(glossaryInitials);
    this.context = { index: this.index, vocabulary, glossary, topics: topicTerms, questionInitials: questionWords };
    this.shortFields = new Array<ShortFields | undefined>(sections.length);
    this.accumulators = new AccumulatorPool(sections.length);
  }

  search(query: string, limit: number): SearchAnswer {
    const plan = planQuery(query, this.context);
    const hits = inRankOrder(this.rank(plan, limit)).map(({ section, score, coverage, similarity, found }): SearchHit => {
      countWork(section.text.length * (1 + found.surfaces.length));
      return {
        section,
        score,
        snippet: snippetAround(section.text, found.surfaces),
        matched: found.reasons,
        evidence: found.coverage,
        coverage,
        titleSimilarity: similarity,
        missing: found.missing,
      };
    });
    return { hits, truncated: plan.truncated, foreignShare: plan.foreignShare };
  }

  /** Titles continuing the typed prefix; the BM25 stage alone fills up the list, as autocomplete must be quick. */
  suggest(prefix: string, limit: number): Suggestion[] {
    this.suggestions ??= new SuggestIndex(this.sections);
    return this.suggestions.suggest(prefix, limit, (query, n) =>
      this.candidates(planQuery(query, this.context), n).map((doc) => this.section(doc)),
    );
  }

  relevance(query: string, texts: readonly string[]): number[] {
    const plan = planQuery(query, this.context);
    const total = plan.concepts.reduce((sum, c) => sum + c.importance, 0);
    return texts.map((text) => {
      if (total <= 0) return 0;
      countWork(text.length);
      const terms = new Set(indexTerms(wordsOf(text)));
      // A concept counts whole when any of its spellings occurs: a text in the other language
      // (포트 for port) is as relevant as one in the question's.
      let covered = 0;
      for (const concept of plan.concepts) {
        if (concept.alternatives.some((a) => terms.has(a.term))) covered += concept.importance;
      }
      return covered / total;
    });
  }

  /** The best `limit` sections by BM25F over the plan's concepts and extra terms. */
  private candidates(plan: QueryPlan, limit: number): number[] {
    return this.accumulators.with((scores) =>
      this.accumulators.with((conceptScores) => {
        for (const concept of plan.concepts) this.addConcept(concept, scores, conceptScores);
        for (const extra of plan.extras) this.addTerm(extra, scores);
        return scores.top(limit);
      }),
    );
  }

  private rank(plan: QueryPlan, limit: number): Ranked[] {
    const candidates = this.candidates(plan, FUSION.candidates);
    if (candidates.length === 0) return [];
    const similarity = shortFieldSimilarity(
      candidates.map((doc) => this.shortFieldsOf(doc)),
      plan.concepts,
      plan.budget,
    );
    const totalImportance = plan.concepts.reduce((sum, c) => sum + c.importance, 0);
    const rows = candidates.map((doc, position) => {
      const found = this.matchedAlternatives(plan, doc);
      const coverage = totalImportance > 0 ? found.coverage / totalImportance : 0;
      const phrase = typesAliasPhrase(this.shortFieldsOf(doc), plan.compactText) ? SIMILARITY.aliasPhrase : 0;
      return { doc, position, found, coverage, similarity: clamp01((similarity[position] ?? 0) + phrase), fused: 0 };
    });
    // Three opinions, fused by reciprocal rank: BM25; how much of the question a section covers
    // (ties broken by title similarity); and fuse.js over the short fields.
    const rankings = [
      rows,
      [...rows].sort((a, b) => b.coverage - a.coverage || b.similarity - a.similarity || a.position - b.position),
      [...rows].sort((a, b) => b.similarity - a.similarity || a.position - b.position),
    ];
    for (const ranking of rankings) {
      ranking.forEach((row, rank) => (row.fused += 1 / (FUSION.rrfK + rank + 1)));
    }
    return [...rows]
      .sort((a, b) => b.fused - a.fused || a.position - b.position)
      .slice(0, limit)
      .map((row) => ({
        section: this.section(row.doc),
        // How well this section answers, on a scale shared by all questions.
        score: clamp01(FUSION.coverageShare * row.coverage + (1 - FUSION.coverageShare) * row.similarity),
        coverage: clamp01(row.coverage),
        similarity: clamp01(row.similarity),
        found: row.found,
      }));
  }

  private section(doc: number): Section {
    const section = this.sections[doc];
    if (!section) throw new Error(`no section ${doc} in the index`);
    return section;
  }

  private shortFieldsOf(doc: number): ShortFields {
    const section = this.section(doc);
    return (this.shortFields[doc] ??= shortFieldsOf(section.heading, section.aliases));
  }

  /* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over the index's typed arrays, k within [start, end) */

  /** Adds, per document, the best-scoring alternative of a concept. */
  private addConcept(concept: Concept, scores: Accumulator, conceptScores: Accumulator): void {
    for (const alternative of concept.alternatives) {
      const postings = this.index.postings(alternative.term);
      if (!postings) continue;
      countWork(postings.end - postings.start);
      for (let k = postings.start; k < postings.end; k++) {
        conceptScores.max(postings.docs[k]!, alternative.weight * postings.scores[k]!);
      }
    }
    conceptScores.forEach((doc, value) => {
      scores.add(doc, value);
    });
    conceptScores.clear();
  }

  private addTerm(alternative: Alternative, scores: Accumulator): void {
    const postings = this.index.postings(alternative.term);
    if (!postings) return;
    countWork(postings.end - postings.start);
    for (let k = postings.start; k < postings.end; k++) {
      scores.add(postings.docs[k]!, alternative.weight * postings.scores[k]!);
    }
  }

  /* eslint-enable @typescript-eslint/no-non-null-assertion */

  /** Which concepts a section matched, how (for `matched`), and the words to mark in the snippet. */
  private matchedAlternatives({ concepts, extras, phrases }: QueryPlan, doc: number): Matched {
    const apart = new Set<number>();
    for (const phrase of phrases) {
      if (!phrase.forms.some((form) => this.index.scoreIn(form.term, doc) > 0)) for (const i of phrase.concepts) apart.add(i);
    }
    let coverage = 0;
    let missing = 0;
    let missing2 = 0;
    const reasons: string[] = [];
    const surfaces: string[] = [];
    for (const [index, concept] of concepts.entries()) {
      countWork(concept.alternatives.length);
      let best: Alternative | undefined;
      for (const alternative of concept.alternatives) {
        if (this.index.scoreIn(alternative.term, doc) <= 0) continue;
        // Every form found is worth marking: the snippet opens at the earliest (볼륨 before 볼륨이).
        surfaces.push(alternative.surface);
        if (!best || alternative.weight > best.weight) best = alternative;
      }
      if (!best) {
        if (concept.importance > missing) [missing, missing2] = [concept.importance, missing];
        else missing2 = Math.max(missing2, concept.importance);
        continue;
      }
      coverage += concept.importance * sureness(best) * (apart.has(index) ? PHRASE_APART : 1);
      const direct = best.via === 'word' || best.via === 'stem' || best.surface === concept.label;
      reasons.push(direct ? best.surface : `${concept.label}→${best.surface} (${best.via})`);
    }
    countWork(extras.length);
    for (const extra of extras) {
      if (!extra.term.startsWith(BIGRAM) && this.index.scoreIn(extra.term, doc) > 0) surfaces.push(extra.surface);
    }
    return { coverage, missing: missing + missing2, reasons: [...new Set(reasons)], surfaces };
  }
}

/** The index's word terms (no bigrams, pairs or joins) with their document frequency, read from the index. */
function wordFrequencies(index: Bm25Index): WordFrequencies {
  const df = (word: string) => (isWordTerm(word) ? index.df(word) : 0);
  return { has: (word) => df(word) > 0, get: (word) => df(word) || undefined };
}

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
