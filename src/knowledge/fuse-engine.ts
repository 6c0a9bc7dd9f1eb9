import Fuse from 'fuse.js';
import type { SearchEngine, SearchHit, Suggestion } from './search-engine.ts';
import { snippetAround } from './snippet.ts';
import type { Section } from './types.ts';

interface Entry {
  section: Section;
  heading: string;
  path: string;
  aliases: string;
  text: string;
}

/**
 * Fuzzy search with fuse.js over headings, aliases and text: correct, but not Korean-aware.
 */
export class FuseEngine implements SearchEngine {
  private readonly fuse: Fuse<Entry>;
  private readonly titles: Fuse<Entry>;

  constructor(sections: Section[]) {
    const entries = sections.map((section) => ({
      section,
      heading: section.heading,
      path: section.headingPath.join(' '),
      aliases: section.aliases.join(' '),
      text: section.text,
    }));
    this.fuse = new Fuse(entries, {
      keys: [
        { name: 'heading', weight: 3 },
        { name: 'aliases', weight: 2 },
        { name: 'path', weight: 1 },
        { name: 'text', weight: 1 },
      ],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: 0.4,
      minMatchCharLength: 2,
    });
    this.titles = new Fuse(entries, {
      keys: ['heading', 'aliases'],
      includeScore: true,
      threshold: 0.45,
    });
  }

  search(query: string, limit: number): SearchHit[] {
    const q = query.normalize('NFKC').trim();
    if (!q) return [];
    const words = q.split(/\s+/);
    return this.fuse.search(q, { limit }).map((result) => ({
      section: result.item.section,
      score: 1 - (result.score ?? 1),
      snippet: snippetAround(result.item.text, words),
      matched: [...new Set((result.matches ?? []).map((m) => m.key ?? ''))].filter(Boolean),
    }));
  }

  suggest(prefix: string, limit: number): Suggestion[] {
    const q = prefix.normalize('NFKC').trim();
    const pick = q ? this.titles.search(q, { limit }).map((r) => r.item) : [];
    return pick.map((entry) => ({ id: entry.section.id, title: entry.section.headingPath.join(' › ') }));
  }
}
