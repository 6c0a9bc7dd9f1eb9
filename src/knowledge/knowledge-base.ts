import { loadKnowledgeCached } from './cache.ts';
import { loadKnowledge, type LoadedKnowledge } from './loader.ts';
import { KoreanSearchEngine } from './search/korean-search-engine.ts';
import { isConfident } from './search/confidence.ts';
import { countWork } from './search/work.ts';
import { CONFIDENCE_THRESHOLD } from './search/weights.ts';
import { inRankOrder, type SearchEngine, type SearchHit, type Suggestion } from './search-engine.ts';
import { titleOf } from './search/suggest.ts';
import { snippetAround } from './snippet.ts';
import { sectionTitle } from './views.ts';
import { readQuestion, type Question } from './question.ts';
import type { GlossaryTerm, KnowledgeDoc, KnowledgeProblem, Section } from './types.ts';
import { sectionBaseId } from './sections.ts';

export interface SearchResult {
  query: string;
  /** The question as search read it: markup and mentions removed, a paste's error lines picked out. */
  question: Question;
  hits: SearchHit[];
  /** The best hit is good enough to answer with (search/confidence.ts); otherwise offer the closest titles. */
  confident: boolean;
  /** The query was too long to read whole (see search/limits.ts): the hits answer its beginning. */
  truncated: boolean;
  /** Share of the question's weight in words the notes never use (0 when the engine does not say). */
  foreignShare: number;
}

/** For an engine that reports no evidence: below this top score, `ask` says it has no good answer (search/weights.ts). */
export { CONFIDENCE_THRESHOLD };

/** Who is searching, so a source shows only what that guild may see. */
export interface SearchScope {
  guildId?: string | undefined;
}

/**
 * Somewhere a search looks beside the notes (src/qa: members' answers to earlier questions).
 * Its hits are merged with the notes' by score; the first `leading` go before every note.
 */
export interface HitSource {
  search(query: string, limit: number, scope: SearchScope): { hits: SearchHit[]; leading: number };
  section(id: string): Section | undefined;
}

export type EngineFactory = (sections: Section[], glossary: GlossaryTerm[], docs: KnowledgeDoc[]) => SearchEngine;

export const defaultEngine: EngineFactory = (sections, glossary, docs) =>
  new KoreanSearchEngine(sections, glossary, docs);

/** The group's notes and playbooks, loaded once and searched in memory. */
export class KnowledgeBase {
  readonly docs: KnowledgeDoc[];
  readonly sections: Section[];
  readonly glossary: GlossaryTerm[];
  readonly problems: KnowledgeProblem[];
  private readonly byId: Map<string, Section>;
  private readonly makeEngine: () => SearchEngine;
  private builtEngine: SearchEngine | undefined;
  private byTitle: Map<string, Section | null> | undefined;
  private readonly sources: HitSource[] = [];

  constructor(loaded: LoadedKnowledge, engine: EngineFactory = defaultEngine) {
    this.docs = loaded.docs;
    this.glossary = loaded.glossary;
    this.problems = loaded.problems;
    this.sections = loaded.docs.flatMap((doc) => doc.sections);
    this.byId = new Map(this.sections.map((s) => [s.id, s]));
    this.makeEngine = () => engine(this.sections, this.glossary, this.docs);
  }

  /**
   * The search index, built on first use: a start that answers no question (`docker containers`,
   * the console before its first line) does not wait for it. `warm()` builds it when idle.
   */
  private get engine(): SearchEngine {
    this.builtEngine ??= this.makeEngine();
    return this.builtEngine;
  }

  /** Builds the search index now, if it is not built yet. */
  warm(): void {
    this.builtEngine ??= this.makeEngine();
  }

  static load(dir: string, projectRoot?: string, engine?: EngineFactory): KnowledgeBase {
    return new KnowledgeBase(loadKnowledge(dir, projectRoot), engine);
  }

  /** As `load`, through the parse cache in `cacheFile` when running built (src/knowledge/cache.ts). */
  static loadCached(dir: string, projectRoot: string, cacheFile: string | undefined): KnowledgeBase {
    return new KnowledgeBase(loadKnowledgeCached(dir, projectRoot, cacheFile));
  }

  search(query: string, limit = 5, scope: SearchScope = {}): SearchResult {
    const max = Math.max(1, limit);
    const question = readQuestion(query);
    const answer = this.engine.search(question.searchText, max);
    const titled = this.sectionTitled(question.plain);
    const ranked = quotingSectionFirst(
      readingBeforeTranscript(question.asksWhatItIs ? notesFirstAmongTies(answer.hits) : answer.hits),
      question.errors,
    );
    const notes = inRankOrder(titled ? withTitledFirst(titled, ranked).slice(0, max) : ranked);
    const hits = this.sources.length ? this.withSources(question.plain, notes, max, scope, titled) : notes;
    return {
      query,
      question,
      hits,
      confident: isSure(hits[0], answer.foreignShare) || quotesPastedError(hits[0]?.section, question.errors),
      truncated: answer.truncated || question.cut,
      foreignShare: answer.foreignShare ?? 0,
    };
  }

  /** How much of the question each text covers, 0..1, as search reads the question (0 without an engine that says). */
  relevance(query: string, texts: readonly string[]): number[] {
    return this.engine.relevance?.(query, texts) ?? texts.map(() => 0);
  }

  /** Searches `source` too from now on (its hits carry their own section ids and sources). */
  addSource(source: HitSource): void {
    this.sources.push(source);
  }

  /**
   * The notes' hits keep their order; each source's hits go in where their score beats the next
   * note's, except its leading ones, which go first (after a section the query names by title).
   */
  private withSources(
    query: string,
    notes: SearchHit[],
    limit: number,
    scope: SearchScope,
    titled: Section | undefined,
  ): SearchHit[] {
    const found = this.sources.map((source) => source.search(query, limit, scope));
    const leading = found.flatMap((f) => f.hits.slice(0, f.leading));
    const others = found.flatMap((f) => f.hits.slice(f.leading)).sort((a, b) => b.score - a.score);
    const [first, ...rest] = notes;
    const named = titled && first?.section.id === titled.id ? [first] : [];
    const ranked = named.length ? rest : notes;
    const merged: SearchHit[] = [];
    let n = 0;
    let o = 0;
    while (n < ranked.length || o < others.length) {
      const note = ranked[n];
      const other = others[o];
      if (other && (!note || other.score > note.score)) {
        merged.push(other);
        o++;
      } else if (note) {
        merged.push(note);
        n++;
      }
    }
    return [...named, ...leading, ...merged].slice(0, limit);
  }

  /**
   * The section whose title the query is, as autocomplete offers it ("3.2 도커 명령어 활용 › 도커 볼륨")
   * or as a reply shows it: picking a suggestion must answer that very section, though its parent
   * shares most of the words.
   */
  private sectionTitled(query: string): Section | undefined {
    this.byTitle ??= titleTable(this.sections);
    return this.byTitle.get(titleKey(query)) ?? undefined;
  }

  suggest(prefix: string, limit = 25): Suggestion[] {
    return this.engine.suggest(prefix, Math.min(25, Math.max(1, limit)));
  }

  section(id: string): Section | undefined {
    const own = this.byId.get(id);
    if (own) return own;
    for (const source of this.sources) {
      const found = source.section(id);
      if (found) return found;
    }
    return undefined;
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

function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Titles to sections (the first passage); a title two sections share maps to null. */
function titleTable(sections: Section[]): Map<string, Section | null> {
  const table = new Map<string, Section | null>();
  for (const section of sections) {
    for (const key of new Set([titleOf(section), sectionTitle(section)].map(titleKey))) {
      const known = table.get(key);
      if (known === undefined) table.set(key, section);
      else if (known && (known.docId !== section.docId || known.anchor !== section.anchor)) table.set(key, null);
    }
  }
  return table;
}

/** Words in a row a pasted error and a section must share for the section to quote the error. */
const QUOTED_WORDS = 4;

/**
 * Whether the section quotes one of the pasted error lines (four words in a row, at least 16
 * characters, in its text or aliases): the notes explain that very error (`Conflict. The container
 * name "/web" is already in use`, `connect ECONNREFUSED 127.0.0.1:3306`), so ask is sure of it.
 */
function quotesPastedError(section: Section | undefined, errors: readonly string[]): boolean {
  return section !== undefined && quotedWords(section, errors) >= QUOTED_WORDS;
}

/**
 * The most words of a pasted error line the section quotes in a row (a run of at least 16
 * characters; 0 when none): `Cannot connect to the Docker daemon at … Is the docker daemon
 * running?` is quoted at length by the section on a stopped daemon, in passing by the others.
 */
function quotedWords(section: Section, errors: readonly string[]): number {
  if (errors.length === 0) return 0;
  const text = `${section.text}\n${section.aliases.join('\n')}`.toLowerCase();
  countWork(text.length * errors.length);
  let most = 0;
  for (const error of errors) {
    const words = error.toLowerCase().split(/\s+/).filter(Boolean);
    for (let i = 0; i + Math.max(most, QUOTED_WORDS - 1) < words.length; i++) {
      let end = i + QUOTED_WORDS;
      const first = words.slice(i, end).join(' ');
      if (first.length < 16 || !text.includes(first)) continue;
      while (end < words.length && text.includes(words.slice(i, end + 1).join(' '))) end++;
      most = Math.max(most, end - i);
    }
  }
  return most;
}

/**
 * Of the first five hits, one that quotes the pasted error at length (more than QUOTED_WORDS words, and
 * QUOTE_LEAD more than the first hit) leads: `ERROR: failed to solve:` alone is any build error.
 */
const QUOTE_LEAD = 2;
const QUOTE_CANDIDATES = 5;

function quotingSectionFirst(hits: SearchHit[], errors: readonly string[]): SearchHit[] {
  if (errors.length === 0 || hits.length < 2) return hits;
  const quoted = hits.slice(0, QUOTE_CANDIDATES).map((hit) => quotedWords(hit.section, errors));
  const best = quoted.reduce((top, words, i) => (words > (quoted[top] ?? 0) ? i : top), 0);
  const words = quoted[best] ?? 0;
  if (best === 0 || words <= QUOTED_WORDS || words < (quoted[0] ?? 0) + QUOTE_LEAD) return hits;
  const lead = hits[best];
  return lead ? [lead, ...hits.filter((_, i) => i !== best)] : hits;
}

/** How close to the best score a note must be to go before a playbook for a "what is" question. */
const DEFINITION_TIE = 0.4;

/**
 * The confidence model reads how foreign the question's words are to the notes; a member's answer
 * exists because the notes lack the topic (helm, kafka), so a community hit is sure by its score
 * alone: the community index scores against the notes' background (src/qa/community-index.ts).
 */
function isSure(best: SearchHit | undefined, foreignShare: number | undefined): boolean {
  if (best?.section.kind === 'community') return best.score >= CONFIDENCE_THRESHOLD;
  return isConfident(best, foreignShare);
}

/**
 * A question that asks what something is gets the chapter note that defines it before a
 * playbook that merely mentions it, when search rates them (almost) the same.
 */
function notesFirstAmongTies(hits: SearchHit[]): SearchHit[] {
  const top = hits[0]?.score ?? 0;
  const tied = (h: SearchHit) => h.score >= top - DEFINITION_TIE;
  const notes = hits.filter((h) => tied(h) && h.section.kind === 'note');
  if (!notes.length || hits[0]?.section.kind === 'note') return hits;
  return [...notes, ...hits.filter((h) => !notes.includes(h))];
}

/** How close to a transcript's score the prose that reads it must be to go first. */
const TRANSCRIPT_TIE = 0.15;

/**
 * A section that is nothing but program output (a lab's terminal log) shares every word of a
 * question about that output; the prose that explains it answers the question. When search rates
 * a prose section (almost) the same, it goes first.
 */
function readingBeforeTranscript(hits: SearchHit[]): SearchHit[] {
  const [first] = hits;
  if (!first || !isTranscript(first.section)) return hits;
  const log = sectionBaseId(first.section.id);
  // Another passage of the same log (its heading line) is no reading of it.
  const prose = hits.find(
    (h) => !isTranscript(h.section) && sectionBaseId(h.section.id) !== log && h.score >= first.score - TRANSCRIPT_TIE,
  );
  return prose ? [prose, ...hits.filter((h) => h !== prose)] : hits;
}

function isTranscript(section: Section): boolean {
  return /^\s*(?:```text\n[\s\S]*?```\s*)+$/.test(section.text);
}

function withTitledFirst(section: Section, hits: SearchHit[]): SearchHit[] {
  const own = hits.find((h) => h.section.id === section.id);
  const first: SearchHit = {
    section,
    score: 1,
    snippet: own?.snippet ?? snippetAround(section.text, []),
    matched: own?.matched ?? [],
  };
  return [first, ...hits.filter((h) => h.section.id !== section.id)];
}
