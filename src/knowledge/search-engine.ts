/**
 * The search contract: what the knowledge base asks of a retrieval strategy. The project's
 * implementation is search/korean-search-engine.ts; eval/plain-fuse.ts is the baseline it is
 * measured against.
 */
import type { Section } from './types.ts';

export interface SearchHit {
  section: Section;
  /**
   * 0..1, higher is better; comparable across queries for the confidence cut. Hits come in
   * rank order and their scores read in that order: a hit never scores above one before it.
   */
  score: number;
  /** Text around the match, the matched words marked with **bold**. */
  snippet: string;
  /** Why it matched: the query words or forms found. */
  matched: string[];
  /**
   * How much of the question's specific wording it matched, in idf units (the importance of
   * the words found): the evidence behind the score. Optional: a strategy may not say.
   */
  evidence?: number;
  /** 0..1: the share of the question's weight the hit contains (the larger part of its score). Optional. */
  coverage?: number;
  /** 0..1: how well its heading and aliases match the question (the rest of its score). Optional. */
  titleSimilarity?: number;
  /**
   * The importance (idf units) of the two weightiest question words the hit does not contain:
   * topics it misses (레디스 of 레디스 클러스터 구성). Optional.
   */
  missing?: number;
}

export interface SearchAnswer {
  hits: SearchHit[];
  /** Part of a long query was not read (see search/limits.ts); the hits answer the part that was. */
  truncated: boolean;
  /**
   * Share of the question's weight carried by words the notes never use and that are no verb
   * forms (macvlan, 레디스): a sign the question is about something else. Optional.
   */
  foreignShare?: number;
}

export interface Suggestion {
  id: string;
  title: string;
}

/** A retrieval strategy over the knowledge sections. */
export interface SearchEngine {
  search(query: string, limit: number): SearchAnswer;
  suggest(prefix: string, limit: number): Suggestion[];
  /**
   * How much of the query each text covers, 0..1, read as search reads the query (typos,
   * glossary, particles): how the answer composer ranks a playbook's causes. Optional: a
   * strategy without it ranks them in the playbook's order.
   */
  relevance?(query: string, texts: readonly string[]): number[];
}

/**
 * Hits in the order given, each scored no higher than the one before it: ranks come from
 * several opinions, scores from how much of the question a section covers, and a list read
 * top down must not show a later hit as better.
 */
export function inRankOrder<H extends { score: number }>(hits: readonly H[]): H[] {
  let ceiling = Infinity;
  return hits.map((hit) => {
    const score = Math.min(hit.score, ceiling);
    ceiling = score;
    return score === hit.score ? hit : { ...hit, score };
  });
}
