import type { SearchEngine, SearchHit, Suggestion } from '../search-engine.ts';
import { snippetAround } from '../snippet.ts';
import type { GlossaryTerm, KnowledgeDoc, Section } from '../types.ts';
import { Accumulator } from './accumulator.ts';
import { Bm25Index, type FieldSpec } from './bm25.ts';
import { Glossary } from './expand.ts';
import { planQuery, type Alternative, type Concept, type QueryContext, type QueryPlan } from './query.ts';
import { shortFieldSimilarity, shortFieldsOf, type ShortFields } from './rerank.ts';
import { SuggestIndex } from './suggest.ts';
import { BIGRAM, indexTerms } from './terms.ts';
import { phraseWords, wordsOf } from './tokens.ts';
import { Vocabulary } from './vocabulary.ts';

/** heading, section aliases, context (enclosing headings, document title and aliases), text. */
const FIELDS: FieldSpec[] = [
  { weight: 3, b: 0.3 },
  { weight: 2.5, b: 0.3 },
  { weight: 0.5, b: 0.3 },
  { weight: 1, b: 0.75 },
];
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
  private readonly shortFields: ShortFields[];
  private readonly context: QueryContext;
  private readonly suggestions: SuggestIndex;
  private readonly scores: Accumulator;
  private readonly conceptScores: Accumulator;

  constructor(
    private readonly sections: Section[],
    glossaryTerms: GlossaryTerm[],
    docs: KnowledgeDoc[] = [],
  ) {
    const docById = new Map(docs.map((d) => [d.id, d]));
    const documents: string[][][] = [];
    const termPhrases: string[][] = [];
    const writtenWords = new Set<string>();
    for (const section of sections) {
      const doc = docById.get(section.docId);
      const fields = [
        section.heading,
        section.aliases.join(', '),
        [...section.headingPath.slice(0, -1), doc?.titleEn ?? '', ...(doc?.aliases ?? [])].join(', '),
        section.text,
      ].map(wordsOf);
      termPhrases.push(...[section.heading, ...section.aliases].map(phraseWords));
      for (const field of fields) for (const word of field) writtenWords.add(word.text);
      documents.push(fields.map(indexTerms));
    }
    this.index = new Bm25Index(FIELDS, documents);
    const glossary = new Glossary(glossaryTerms);
    const wordDf = new Map<string, number>();
    for (const term of this.index.terms()) if (!/^[bpj]:/.test(term)) wordDf.set(term, this.index.df(term));
    const vocabulary = new Vocabulary(wordDf, writtenWords, [...termPhrases, ...[...glossary.surfaces()].map(phraseWords)]);
    this.context = { index: this.index, vocabulary, glossary };
    this.shortFields = sections.map((s) => shortFieldsOf(s.heading, s.aliases));
    this.scores = new Accumulator(sections.length);
    this.conceptScores = new Accumulator(sections.length);
    this.suggestions = new SuggestIndex(sections);
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
    const similarity = shortFieldSimilarity(candidates.map((doc) => this.shortFields[doc]!), plan.concepts);
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

  /** Adds, per document, the best-scoring alternative of a concept. */
  private addConcept(concept: Concept): void {
    for (const alternative of concept.alternatives) {
      const postings = this.index.postings(alternative.term);
      if (!postings) continue;
      for (let k = 0; k < postings.docs.length; k++) this.conceptScores.max(postings.docs[k]!, alternative.weight * postings.scores[k]!);
    }
    this.conceptScores.forEach((doc, value) => this.scores.add(doc, value));
    this.conceptScores.clear();
  }

  private addTerm(alternative: Alternative): void {
    const postings = this.index.postings(alternative.term);
    if (!postings) return;
    for (let k = 0; k < postings.docs.length; k++) this.scores.add(postings.docs[k]!, alternative.weight * postings.scores[k]!);
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

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
