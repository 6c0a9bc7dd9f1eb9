import Fuse from 'fuse.js';
import type { SearchAnswer, SearchEngine, Suggestion } from '../src/knowledge/search-engine.ts';
import type { Section } from '../src/knowledge/types.ts';
import { sectionTitle } from '../src/knowledge/views.ts';

/** The threshold the project used with Fuse scores before calibration (knowledge-base.ts). */
export const PLAIN_FUSE_THRESHOLD = 0.35;

/**
 * The baseline the issue names: fuse.js with keys title and text and `ignoreLocation: true`,
 * everything else default, over the same sections.
 */
export class PlainFuseEngine implements SearchEngine {
  private readonly fuse: Fuse<{ section: Section; title: string; text: string }>;

  constructor(sections: Section[]) {
    const entries = sections.map((section) => ({ section, title: sectionTitle(section), text: section.text }));
    this.fuse = new Fuse(entries, { keys: ['title', 'text'], ignoreLocation: true, includeScore: true });
  }

  search(query: string, limit: number): SearchAnswer {
    const hits = this.fuse
      .search(query, { limit })
      .map((r) => ({ section: r.item.section, score: 1 - (r.score ?? 1), snippet: '', matched: [] }));
    return { hits, truncated: false };
  }

  suggest(prefix: string, limit: number): Suggestion[] {
    return this.fuse.search(prefix, { limit }).map((r) => ({ id: r.item.section.id, title: r.item.title }));
  }
}
