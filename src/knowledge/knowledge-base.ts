import { loadKnowledge, type LoadedKnowledge } from './loader.ts';
import { KoreanSearchEngine } from './search/engine.ts';
import type { SearchEngine, SearchHit, Suggestion } from './search-engine.ts';
import type { GlossaryTerm, KnowledgeDoc, KnowledgeProblem, Section } from './types.ts';

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** The best hit is good enough to answer with; otherwise offer the closest titles. */
  confident: boolean;
}

/**
 * Below this top score, `ask` says it has no good answer. Scores are the share of the question's
 * weight the best section covers (see search/engine.ts), so they compare across questions.
 * Calibrated on the dev questions (`npm run eval -- --calibrate`): the middle of the gap between
 * the no-answer questions and the answerable ones, with the best balanced accuracy.
 */
export const CONFIDENCE_THRESHOLD = 0.41;

export type EngineFactory = (sections: Section[], glossary: GlossaryTerm[], docs: KnowledgeDoc[]) => SearchEngine;

export const defaultEngine: EngineFactory = (sections, glossary, docs) => new KoreanSearchEngine(sections, glossary, docs);

/** The group's notes and playbooks, loaded once and searched in memory. */
export class KnowledgeBase {
  readonly docs: KnowledgeDoc[];
  readonly sections: Section[];
  readonly glossary: GlossaryTerm[];
  readonly problems: KnowledgeProblem[];
  private readonly byId: Map<string, Section>;
  private readonly engine: SearchEngine;

  constructor(loaded: LoadedKnowledge, engine: EngineFactory = defaultEngine) {
    this.docs = loaded.docs;
    this.glossary = loaded.glossary;
    this.problems = loaded.problems;
    this.sections = loaded.docs.flatMap((doc) => doc.sections);
    this.byId = new Map(this.sections.map((s) => [s.id, s]));
    this.engine = engine(this.sections, this.glossary, this.docs);
  }

  static load(dir: string, projectRoot?: string, engine?: EngineFactory): KnowledgeBase {
    return new KnowledgeBase(loadKnowledge(dir, projectRoot), engine);
  }

  search(query: string, limit = 5): SearchResult {
    const hits = this.engine.search(query, Math.max(1, limit));
    return { query, hits, confident: (hits[0]?.score ?? 0) >= CONFIDENCE_THRESHOLD };
  }

  suggest(prefix: string, limit = 25): Suggestion[] {
    return this.engine.suggest(prefix, Math.min(25, Math.max(1, limit)));
  }

  section(id: string): Section | undefined {
    return this.byId.get(id);
  }

  doc(id: string): KnowledgeDoc | undefined {
    return this.docs.find((d) => d.id === id);
  }

  chapter(chapter: number): KnowledgeDoc | undefined {
    return this.docs.find((d) => d.kind === 'note' && d.chapter === chapter);
  }

  /** Playbook sections that explain a diagnostic finding code. */
  playbooksFor(code: string): KnowledgeDoc[] {
    return this.docs.filter((d) => d.codes.includes(code));
  }
}
