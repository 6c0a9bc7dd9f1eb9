import type { Section } from './types.ts';

export interface SearchHit {
  section: Section;
  /** 0..1, higher is better; comparable across queries for the confidence cut. */
  score: number;
  /** Text around the match, the matched words marked with **bold**. */
  snippet: string;
  /** Why it matched: the query words or forms found. */
  matched: string[];
}

export interface Suggestion {
  id: string;
  title: string;
}

/** A retrieval strategy over the knowledge sections. */
export interface SearchEngine {
  search(query: string, limit: number): SearchHit[];
  suggest(prefix: string, limit: number): Suggestion[];
}
